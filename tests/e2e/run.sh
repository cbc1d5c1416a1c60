#!/usr/bin/env bash
# The end-to-end suite: the bot in the Microsoft 365 Agents Playground, driven in Debian Chromium.
# Installs what it needs on a fresh machine (npm packages, Chromium), builds the bot in Release, then runs
# the suite with Node's test runner, whose closing "# pass N" / "# fail N" lines tests/run-all.sh reads.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -x /usr/bin/chromium ]; then
  bash "$root/tests/install-debian-packages.sh" chromium
fi

if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/@microsoft/m365agentsplayground" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

dotnet build -c Release "$root/bot/ChatRequests.Bot" --nologo -v quiet

cd "$here"
# One story at a time: each starts a bot, its playgrounds and a browser, and the machine has two cores.
exec node --test --test-concurrency=1 --test-reporter=tap request-loop.test.mjs hospital-story.test.mjs parallel-approval.test.mjs delegated-approval.test.mjs dashboard.test.mjs
