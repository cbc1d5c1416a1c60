#!/usr/bin/env bash
# Runs every test of ChatRequests: the README's test command, and what CI calls.
# It prepares what the tests need on a fresh machine, then runs, in order: the .NET test projects, the
# Teams app package tests (manifest/test), the playground how-to's test (samples/playground/test), the card rendering
# tests (cards/render/test: the official Adaptive Cards renderer in Chromium) and the end-to-end suite in the Agents
# Playground (tests/e2e/run.sh), and prints one summary line for all of them.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# curl: infra/smoke-test.sh, which the bot tests run against the bot (tests/ChatRequests.Bot.Tests/Deployment).
bash tests/install-debian-packages.sh curl || echo "Could not install curl: the smoke-test script's tests will fail." >&2
# fonts-dejavu-core: the font the report's chart is drawn with (cards/ChatRequests.Charts; ReportCardTests checks it).
bash tests/install-debian-packages.sh fonts-dejavu-core || echo "Could not install fonts-dejavu-core: the report chart's tests will fail." >&2
# zip: functions/package.sh, the Functions app's deployment zip (tests/ChatRequests.Infra.Tests runs its zipping step).
bash tests/install-debian-packages.sh zip || echo "Could not install zip: the packaging script's tests will fail." >&2

# e2fsprogs (chattr) and mount: the store-fault tests make the SQLite file immutable and mount a small tmpfs to fill
# (tests/ChatRequests.Embedded.Tests/Storage/DiskFaults.cs; as root only, skipped otherwise). Both are in Debian's base.
bash tests/install-debian-packages.sh e2fsprogs mount || echo "Could not install e2fsprogs or mount: the store-fault tests will fail." >&2

dotnet test ChatRequests.slnx --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Runs a Node test command (its output on the console, TAP in a file) and adds its counts to the log as
# "Failed: N, Passed: N". Failed and cancelled tests count as failed; a run that died before its totals, one.
run_node_suite() {
  local name=$1 tap rc passed failed
  shift
  tap=$(mktemp)
  "$@" "$tap"
  rc=$?
  passed=$(grep -E '^# pass [0-9]+$' "$tap" | awk '{ n += $3 } END { print n + 0 }')
  failed=$(grep -E '^# (fail|cancelled) [0-9]+$' "$tap" | awk '{ n += $3 } END { print n + 0 }')
  rm -f "$tap"
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "$name did not run to the end (exit $rc); see above." >&2
    failed=1
  fi
  echo "$name: Failed: $failed, Passed: $passed" | tee -a "$log"
  return "$rc"
}

manifest_tests() {
  if [ ! -d manifest/node_modules ]; then
    npm ci --prefix manifest --no-audit --no-fund || return 1
  fi
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$1" manifest/test
}

playground_tests() {
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$1" samples/playground/test/start.test.mjs
}

# The official renderer in Debian's Chromium shows what people typed as typed (needs the .NET SDK for the gallery).
card_render_tests() {
  bash tests/install-debian-packages.sh chromium || return 1
  if [ ! -d cards/render/node_modules ]; then
    npm ci --prefix cards/render --ignore-scripts --no-audit --no-fund || return 1
  fi
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$1" cards/render/test
}

e2e_tests() {
  bash tests/e2e/run.sh 2>&1 | tee "$1"
  return "${PIPESTATUS[0]}"
}

run_node_suite "Teams app package tests" manifest_tests || status=1
run_node_suite "Playground how-to tests" playground_tests || status=1
run_node_suite "Card rendering tests (adaptivecards in Chromium)" card_render_tests || status=1
run_node_suite "End-to-end suite (Agents Playground)" e2e_tests || status=1

# One closing line for everything together: "N passed, N failed".
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
# The .NET tests that failed or were skipped, by name, at the end, where a reader of only the last lines sees them
# (a skip says why in the test's own output above: a goal not yet met, a disk fault this machine refuses).
not_passed=$(grep -E '^ +(Failed|Skipped) [A-Za-z_][A-Za-z0-9_.]*[ (]' "$log" | sed -E 's/^ +//; s/ \[[^]]*\]$//' | sort -u)
if [ -n "$not_passed" ]; then
  echo
  echo ".NET tests that did not pass:"
  echo "$not_passed"
  # What each failure said (its message, not its stack), here too: a reader of the last lines sees why, not only which.
  awk '/^ +Failed [A-Za-z_][A-Za-z0-9_.]*[ (]/ { shown = 1; lines = 0 }
       shown && /^ +Stack Trace:/ { shown = 0 }
       shown && lines++ < 14 { print }' "$log"
fi
echo
echo "$passed passed, $failed failed"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
