"""Sums `perf script -F event,trace` of bench/sqlite-counts.sh: each event, and the statements prepared by their SQL
text, per request the run created: the prepares of the submit's look-up of its form's key (one a submit, on a pooled
connection), since the group commit prepares "INSERT INTO requests" once for as long as it keeps its connection (ADR 0058)."""
import collections
import re
import sys

events = collections.Counter()
statements = collections.Counter()
for line in sys.stdin:
    match = re.match(r'\s*((?:chatrequests|syscalls):\S+):\s*(.*)$', line)
    if not match:
        continue
    events[match.group(1)] += 1
    if match.group(1) == 'chatrequests:prepare':
        sql = re.search(r'sql="(.*)', match.group(2))
        # Only the first line of a statement: the probe's string ends at the trace's line break.
        statements[re.sub(r'\s+', ' ', sql.group(1) if sql else '?').strip().rstrip('"')[:150]] += 1

requests = sum(n for sql, n in statements.items() if sql.startswith('SELECT') and 'FROM requests WHERE submission_key' in sql) or 1
print(f'per request ({requests} requests created)')
for name, n in sorted(events.items()):
    print(f'  {name:35s} {n:9d} {n / requests:9.1f}')
print('statements prepared, by text, per request')
for sql, n in statements.most_common():
    print(f'  {n / requests:7.2f}  {sql}')
