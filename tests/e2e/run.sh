#!/usr/bin/env bash
# The end-to-end suite: the bot in the Microsoft 365 Agents Playground, driven in Debian Chromium.
# Installs what it needs on a fresh machine (npm packages, Chromium), builds the bot in Release, then runs
# the suite with Node's test runner, whose closing "# pass N" / "# fail N" lines tests/run-all.sh reads.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    echo "Need root (or sudo) to run: $*" >&2
    return 1
  fi
}

install_chromium() {
  as_root apt-get update -q
  # A transient dpkg error has been seen here once: try a second time before giving up.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium \
    || { sleep 5; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }
}

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian chromium..."
  install_chromium
fi

if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/@microsoft/m365agentsplayground" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

dotnet build -c Release "$root/bot/ChatRequests.Bot" --nologo -v quiet

cd "$here"
exec node --test --test-reporter=tap request-loop.test.mjs
