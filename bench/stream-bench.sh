#!/usr/bin/env bash
# End-to-end benchmark of the canonical workload (shared/bench/WORKLOAD.md) through HTTP: starts the server from
# target/kapacitord.jar on 127.0.0.1:PORT (default 9092) with a throw-away data dir, defines TASKS copies of SCRIPT
# (none when TASKS=0), sends POINTS points of HOSTS hosts with 4 clients x 5000-line bodies, then prints the node
# stats of the first task. Build first: mvn -B -q clean package -DskipTests
#   TASKS=1 SCRIPT="stream|from()..." POINTS=5000000 HOSTS=1000 bench/stream-bench.sh
# WARMUP=0 skips the untimed warm-up passes, WARMUP_PASSES=3 makes three (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
TASKS=${TASKS:-1}
POINTS=${POINTS:-5000000}
HOSTS=${HOSTS:-1000}
PORT=${PORT:-9092}
export PORT
SCRIPT=${SCRIPT:-"stream|from().measurement('cpu').groupBy('host','cpu')|window().period(10s).every(10s)|mean('usage_idle')|httpOut('m')"}
if curl -s -o /dev/null http://127.0.0.1:$PORT/kapacitor/v1/ping; then
  echo "something already listens on 127.0.0.1:$PORT; stop it first" >&2
  exit 1
fi
DATA=$(mktemp -d)
KAPACITOR_HTTP_BIND_ADDRESS=127.0.0.1:$PORT KAPACITOR_DATA_DIR="$DATA" KAPACITOR_HTTP_LOG_ENABLED=false \
  java -Xmx8g ${SERVER_OPTS:-} -jar "${JAR:-target/kapacitord.jar}" > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null http://127.0.0.1:$PORT/kapacitor/v1/ping && break; sleep 0.1; done
python3 - "$TASKS" "$SCRIPT" <<'PY'
import json, os, sys, time, urllib.request
PORT = os.environ["PORT"]
n, script = int(sys.argv[1]), sys.argv[2]
start = time.time()
for i in range(n):
    body = json.dumps({"id": "bench%d" % i, "type": "stream", "status": "enabled",
                       "dbrps": [{"db": "telegraf", "rp": "autogen"}], "script": script}).encode()
    urllib.request.urlopen(urllib.request.Request("http://127.0.0.1:%s/kapacitor/v1/tasks" % PORT, data=body,
                                                  method="POST")).read()
if n:
    print("defined and enabled %d tasks in %.2f s" % (n, time.time() - start))
PY
WARMUP_ARGS=()
if [ "${WARMUP:-1}" = 1 ]; then
  # WARMUP_PASSES untimed passes into another database, over the same connections, first compile the HTTP and
  # parsing path of the server and the load tool's own sending code (3 passes reach the JIT's steady state).
  WARMUP_ARGS=(--warmup-db warmup --warmup-passes "${WARMUP_PASSES:-1}")
  if [ "$TASKS" -gt 0 ]; then
    # The same script as a task on a warm-up database, fed the whole workload once before the timed pass: the
    # task's own code is then compiled too (as a JMH warm-up would). Then wait until the server is idle, so that
    # what the warm-up left behind (alert events being written, say) does not run during the timed pass.
    python3 - "$SCRIPT" <<'PY'
import json, os, sys, urllib.request
body = json.dumps({"id": "warmup", "type": "stream", "status": "enabled",
                   "dbrps": [{"db": "warmup", "rp": "autogen"}], "script": sys.argv[1]}).encode()
urllib.request.urlopen(urllib.request.Request("http://127.0.0.1:%s/kapacitor/v1/tasks" % os.environ["PORT"],
                                              data=body, method="POST")).read()
PY
    java -Xmx6g -cp target/kapacitord.jar kapacitor.tools.LoadTool --points "$POINTS" --hosts "$HOSTS" --clients 4 \
      --batch 5000 --max-seconds 300 --url "http://127.0.0.1:$PORT" --db warmup > /dev/null
    for _ in $(seq 1 60); do
      a=$(awk '{print $14 + $15}' /proc/$SERVER/stat); sleep 1; b=$(awk '{print $14 + $15}' /proc/$SERVER/stat)
      [ $((b - a)) -lt 10 ] && break
    done
    # The tool's own warm-up pass then goes to a database no task reads.
    WARMUP_ARGS=(--warmup-db warmup-http --warmup-passes "${WARMUP_PASSES:-1}")
  fi
fi
cpu() { awk '{print $14 + $15}' /proc/$SERVER/stat; }
# The tool reports the server's CPU during the timed pass (--server-pid); CPU used after it (tasks draining) is added.
OUT=$(java -Xmx6g -cp target/kapacitord.jar kapacitor.tools.LoadTool --points "$POINTS" --hosts "$HOSTS" --clients 4 \
  --batch 5000 --max-seconds 300 --url "http://127.0.0.1:$PORT" "${WARMUP_ARGS[@]}" --server-pid "$SERVER")
echo "$OUT" | grep "sent\|CPU"
SEND_CPU=$(echo "$OUT" | sed -n 's/^server CPU while sending: \([0-9.]*\) s.*/\1/p')
CPU0=$(cpu)
if [ "$TASKS" -gt 0 ]; then
  # Wait until the first task has drained its input, then show its node stats.
  python3 - <<'PY'
import json, os, time, urllib.request
PORT = os.environ["PORT"]
prev = -1
start = time.time()
while True:
    d = json.load(urllib.request.urlopen("http://127.0.0.1:%s/kapacitor/v1/tasks/bench0" % PORT))
    ns = d["stats"]["node-stats"]
    c = ns["stream0"]["collected"]
    if c == prev:
        break
    prev = c
    time.sleep(0.5)
print("drained %.1f s after the last write" % max(0.0, time.time() - start - 1.0))
for k, v in ns.items():
    print(k, {x: v[x] for x in v if x in ("collected", "emitted", "errors", "avg_exec_time_ns", "crits_triggered")})
PY
fi
CPU1=$(cpu)
TICKS=$(getconf CLK_TCK)
python3 -c "s=$SEND_CPU+($CPU1-$CPU0)/$TICKS; n=$POINTS+4*$HOSTS; print('server CPU %.2f s until drained: %.0f points per server CPU-second' % (s, n/s))"
curl -s http://127.0.0.1:$PORT/kapacitor/v1/debug/vars | python3 -c "
import json,sys; d=json.load(sys.stdin)
for v in d['kapacitor'].values():
    if v['name']=='ingress': print('ingress', v['values'])
print('heap used MB', d['memstats']['HeapAlloc']//1000000)"
