#!/usr/bin/env bash
# Runs every test of ChatRequests: the README's test command, and what CI calls.
# It prepares what the tests need on a fresh machine, then runs them and prints one summary line:
# the .NET test projects first, then the end-to-end suite in the Agents Playground (tests/e2e/run.sh).
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
e2e_log=$(mktemp)
trap 'rm -f "$log" "$e2e_log"' EXIT

dotnet test ChatRequests.slnx --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

bash tests/e2e/run.sh 2>&1 | tee "$e2e_log"
e2e_status=${PIPESTATUS[0]}

# One closing line for every test project and the end-to-end suite together: "N passed, N failed".
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
# Node's test runner closes with "# pass N", "# fail N", "# cancelled N" (a step cut short counts as failed).
node_count() { grep -E "^# ($1) [0-9]+$" "$e2e_log" | awk '{ n += $3 } END { print n + 0 }'; }
passed=$(( $(sum Passed) + $(node_count pass) ))
failed=$(( $(sum Failed) + $(node_count 'fail|cancelled') ))
if [ "$e2e_status" -ne 0 ] && ! grep -qE '^# fail [0-9]+$' "$e2e_log"; then
  echo "The end-to-end suite did not run to the end (exit $e2e_status); see above." >&2
  failed=$(( failed + 1 ))
fi
echo
echo "$passed passed, $failed failed"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then exit "$status"; fi
exit "$e2e_status"
