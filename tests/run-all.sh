#!/usr/bin/env bash
# Runs every test of ChatRequests: the README's test command, and what CI calls.
# It prepares what the tests need on a fresh machine, then runs them and prints one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test ChatRequests.slnx --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The Teams app package (manifest/): node's built-in test runner, readable output on the console, TAP in a
# file for the counts. They go into the log as "Failed: N, Passed: N" for the summary below; a failure,
# or dependencies that do not install, fails the script.
run_manifest_tests() {
  local tap rc passed failed
  if [ ! -d manifest/node_modules ] && ! npm ci --prefix manifest --no-audit --no-fund; then
    echo "manifest tests: npm ci failed. Failed: 1, Passed: 0" | tee -a "$log"
    return 1
  fi
  tap=$(mktemp)
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" manifest/test
  rc=$?
  passed=$(grep -oE '^# pass [0-9]+' "$tap" | awk '{ print $3 }')
  failed=$(grep -oE '^# (fail|cancelled) [0-9]+' "$tap" | awk '{ n += $3 } END { print n + 0 }')
  rm -f "$tap"
  # A crash before the runner's totals still counts as a failure.
  if [ "$rc" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
  echo "manifest tests (node --test): Failed: ${failed:-0}, Passed: ${passed:-0}" | tee -a "$log"
  return "$rc"
}
run_manifest_tests || status=1

# One closing line for every test project together: "N passed, N failed".
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
echo
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "${passed:-0}" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
