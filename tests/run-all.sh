#!/usr/bin/env bash
# Runs every test of ChatRequests: the README's test command, and what CI calls.
# It prepares what the tests need on a fresh machine, then runs them and prints one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test ChatRequests.slnx --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

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
