"""Sums `perf script -F event,trace` of bench/sqlite-counts.sh: each event, and the statements prepared by their SQL
text, per request the run created. The requests are counted from the driver's arguments (given to this script as its
own), as the driver makes them in a --lifecycles run: two warm-up rounds of 2 x --warmup requests, then per concurrency
--warmup lifecycles and --rounds x --lifecycles. No statement is prepared once per request any more (the writes' and the
reads' statements are kept: ADRs 0058 and 0061), so the prepares cannot count them."""
import argparse
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

parser = argparse.ArgumentParser()
parser.add_argument('--lifecycles', type=int, required=True)
parser.add_argument('--warmup', type=int, default=200)
parser.add_argument('--concurrency', default='1,8,64')
parser.add_argument('--rounds', type=int, default=1)
driver, _ = parser.parse_known_args()
passes = len(driver.concurrency.split(','))
requests = 2 * 2 * driver.warmup + passes * (driver.warmup + driver.rounds * driver.lifecycles)
print(f'per request ({requests} requests created)')
for name, n in sorted(events.items()):
    print(f'  {name:35s} {n:9d} {n / requests:9.1f}')
print('statements prepared, by text, per request')
for sql, n in statements.most_common():
    print(f'  {n / requests:7.2f}  {sql}')
