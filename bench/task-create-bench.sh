#!/usr/bin/env bash
# Task creation benchmark: starts the server from target/kapacitord.jar on 127.0.0.1:$PORT (19092 by default, never
# the 9092 the stream bench uses) with the embedded store in a throw-away data dir, then defines and enables TASKS
# stream tasks (POST /kapacitor/v1/tasks, status "enabled", distinct ids) once with one keep-alive client and once
# with CLIENTS concurrent keep-alive clients (each pass on a fresh server and data dir), and prints the wall seconds
# and the server's CPU seconds of each pass. PG_URL=postgresql://user@host:port/db runs it against PostgreSQL
# instead, in the schema task_create_bench of that database (dropped before each pass and at the end). JAR=path
# benches another build; LOG_GREP=PATTERN prints the server log lines matching PATTERN after each pass.
# Build first: mvn -B -q package -DskipTests
#   TASKS=1000 CLIENTS=8 bench/task-create-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-19092}
TASKS=${TASKS:-1000}
CLIENTS=${CLIENTS:-8}
SCRIPT=${SCRIPT:-"stream|from().measurement('cpu').groupBy('host','cpu')|window().period(10s).every(10s)|mean('usage_idle')|httpOut('m')"}
URL="http://127.0.0.1:$PORT"
if curl -s -o /dev/null "$URL/kapacitor/v1/ping"; then
  echo "something already listens on 127.0.0.1:$PORT; stop it first" >&2
  exit 1
fi

SERVER=
DATA=
stop_server() {
  if [ -n "$SERVER" ]; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=
  fi
  if [ -n "$DATA" ]; then
    if [ -n "${LOG_GREP:-}" ]; then
      grep -e "$LOG_GREP" "$DATA/server.log" || true
    fi
    rm -rf "$DATA"
    DATA=
  fi
}
trap stop_server EXIT

start_server() {
  DATA=$(mktemp -d)
  if [ -n "${PG_URL:-}" ]; then
    export KAPACITOR_STORAGE_URL="$PG_URL?schema=$PG_SCHEMA"
  fi
  KAPACITOR_HTTP_BIND_ADDRESS=127.0.0.1:$PORT KAPACITOR_DATA_DIR="$DATA" KAPACITOR_HTTP_LOG_ENABLED=false \
    java ${SERVER_OPTS:-} -jar "${JAR:-target/kapacitord.jar}" > "$DATA/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "$URL/kapacitor/v1/ping" && return 0
    sleep 0.1
  done
  echo "server did not start; its log:" >&2
  cat "$DATA/server.log" >&2
  exit 1
}

# Creates TASKS tasks with $1 keep-alive clients (client k takes ids k, k+n, ...); every answer must be 200.
create_tasks() {
  python3 - "$PORT" "$TASKS" "$1" "$SCRIPT" <<'PY'
import http.client, json, sys, threading, time
port, n, clients, script = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
errors = []

def work(k):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    for i in range(k, n, clients):
        body = json.dumps({"id": "bench%d" % i, "type": "stream", "status": "enabled",
                           "dbrps": [{"db": "telegraf", "rp": "autogen"}], "script": script})
        conn.request("POST", "/kapacitor/v1/tasks", body, {"Content-Type": "application/json"})
        r = conn.getresponse()
        data = r.read()
        if r.status != 200 or not json.loads(data).get("executing"):
            errors.append("bench%d: %d %s" % (i, r.status, data[:200]))
    conn.close()

threads = [threading.Thread(target=work, args=(k,)) for k in range(clients)]
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - start
if errors:
    print("%d failed, first: %s" % (len(errors), errors[0]), file=sys.stderr)
    sys.exit(1)
print("%d tasks defined and enabled with %d keep-alive client(s) in %.2f s" % (n, clients, elapsed))
PY
}

# Kapacitor answers the count of tasks on GET /tasks?limit=...; check they are all there and executing.
check_tasks() {
  python3 - "$PORT" "$TASKS" <<'PY'
import json, sys, urllib.request
port, n = int(sys.argv[1]), int(sys.argv[2])
d = json.load(urllib.request.urlopen(
    "http://127.0.0.1:%d/kapacitor/v1/tasks?fields=executing&limit=%d" % (port, n + 10)))
running = sum(1 for t in d["tasks"] if t["executing"])
if len(d["tasks"]) != n or running != n:
    print("expected %d executing tasks, found %d listed, %d executing" % (n, len(d["tasks"]), running),
          file=sys.stderr)
    sys.exit(1)
PY
}

PG_SCHEMA=task_create_bench
clear_pg() {
  if [ -n "${PG_URL:-}" ]; then
    psql "$PG_URL" -q -c "DROP SCHEMA IF EXISTS $PG_SCHEMA CASCADE" > /dev/null 2>&1
  fi
}

# CPU seconds the server used so far (user + system, all threads: JIT and GC included).
server_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$SERVER/stat"
}

for clients in 1 "$CLIENTS"; do
  clear_pg
  start_server
  before=$(server_cpu)
  create_tasks "$clients"
  echo "  server CPU during the pass: $(awk -v a="$before" -v b="$(server_cpu)" 'BEGIN {printf "%.2f", b - a}') s"
  check_tasks
  stop_server
done
clear_pg
