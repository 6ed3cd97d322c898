#!/usr/bin/env bash
# Scaling with identical tasks: runs bench/stream-bench.sh with 1, 10, 100 and 1000 copies of the canonical task and
# derives the marginal server CPU per point per extra task from the server's own CPU time (so the load tool's CPU
# on the same cores does not count). Build first: mvn -B -q clean package -DskipTests
#   bench/scaling-bench.sh            # COUNTS="1 10 100 1000" by default
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=${COUNTS:-"1 10 100 1000"}
OUT=$(mktemp)
for n in $COUNTS; do
  # Enough points for a few seconds of work at each scale; every run ends with the flush point per series.
  points=$(( n >= 100 ? 400000 : (n >= 10 ? 1000000 : 5000000) ))
  r=$(TASKS=$n POINTS=$points bench/stream-bench.sh 2>&1 || true)
  rate=$(echo "$r" | grep -o "lines in [0-9.]* s: [0-9,]* points/s" | head -1 | grep -o "[0-9,]* points/s" | tr -d ',' | cut -d' ' -f1)
  # Server CPU until every task drained (the sends return long before 1000 tasks are done).
  cpu=$(echo "$r" | grep "until drained" | grep -o "[0-9]* points per server CPU-second" | cut -d' ' -f1)
  dropped=$(echo "$r" | grep -o "'pointsDropped': [0-9]*" | grep -o "[0-9]*$")
  defined=$(echo "$r" | grep -o "defined and enabled [0-9]* tasks in [0-9.]* s" || true)
  echo "$n $points $rate $cpu $dropped" >> "$OUT"
  echo "tasks=$n points=$points: $rate points/s end to end, $cpu points per server CPU-second, dropped $dropped; $defined"
done
python3 - "$OUT" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
base = None
for n, points, rate, cpu, dropped in rows:
    n, rate, cpu = int(n), int(rate), int(cpu)
    ns = 1e9 / cpu  # server CPU per point (all tasks)
    if base is None:
        base = (n, ns)
    line = "tasks=%d: %.0f ns server CPU per point, %.1f M point-deliveries/s" % (n, ns, n * rate / 1e6)
    if n > base[0]:
        line += ", marginal %.0f ns per point per extra task" % ((ns - base[1]) / (n - base[0]))
    print(line)
PY
rm -f "$OUT"
