#!/usr/bin/env bash
# The canonical workload through a cluster on this machine: NODES kapacitord processes (1 or 3) on 127.0.0.1,
# one shared PostgreSQL schema, the canonical alert task defined on node 1 (placement decides where it runs), all
# writes sent to node 1. Prints throughput, the alert count (gate: 19,527), event-bus messages per point to other
# nodes, and with KILL=1 the failover time (kill -9 of the task's owner until it executes elsewhere).
# Build first: mvn -B -q clean package -DskipTests. Needs PostgreSQL on 127.0.0.1:5432 (database test, trust auth).
set -euo pipefail
cd "$(dirname "$0")/.."
NODES=${NODES:-3}
POINTS=${POINTS:-5000000}
SCHEMA=bench_$(date +%s)
export KAPACITOR_STORAGE_URL="postgresql://postgres@127.0.0.1:5432/test?search_path=$SCHEMA"
export KAPACITOR_CLUSTER_ENABLED=true KAPACITOR_HTTP_LOG_ENABLED=false KAPACITOR_CLUSTER_MEMBERS=127.0.0.1
PIDS=()
DIRS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  psql -q -h 127.0.0.1 -U postgres -d test -c "drop schema if exists $SCHEMA cascade" >/dev/null 2>&1 || true
  rm -rf "${DIRS[@]}"
}
trap cleanup EXIT
for i in $(seq 1 "$NODES"); do
  d=$(mktemp -d); DIRS+=("$d")
  KAPACITOR_HTTP_BIND_ADDRESS=127.0.0.1:$((9091 + i)) KAPACITOR_DATA_DIR=$d KAPACITOR_HOSTNAME=127.0.0.1 \
    java -Xmx4g -jar target/kapacitord.jar > "$d/log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do curl -s -o /dev/null http://127.0.0.1:$((9091 + i))/kapacitor/v1/ping && break; sleep 0.1; done
done
python3 - "$NODES" <<'PY'
import json, sys, time, urllib.request
n = int(sys.argv[1])
for _ in range(100):
    members = json.load(urllib.request.urlopen("http://127.0.0.1:9092/kapacitor/v1/cluster"))["members"]
    if len(members) == n:
        break
    time.sleep(0.2)
print("members", len(members))
script = ("stream|from().measurement('cpu').groupBy('host','cpu')|window().period(10s).every(10s)"
          "|mean('usage_idle')|alert().crit(lambda: \"mean\" < 10)")
body = json.dumps({"id": "bench", "type": "stream", "status": "enabled",
                   "dbrps": [{"db": "telegraf", "rp": "autogen"}], "script": script}).encode()
urllib.request.urlopen(urllib.request.Request("http://127.0.0.1:9092/kapacitor/v1/tasks", data=body, method="POST"))
c = json.load(urllib.request.urlopen("http://127.0.0.1:9092/kapacitor/v1/cluster"))
print("task owner", [t for t in c["tasks"] if t.get("id", t.get("task")) == "bench"])
PY
if [ "${WARMUP:-1}" = 1 ]; then
  # Same untimed JIT warm-up pass as bench/stream-bench.sh, into a database no task reads.
  java -Xmx6g -cp target/kapacitord.jar kapacitor.tools.LoadTool --url http://127.0.0.1:9092 --points "$POINTS" \
    --hosts 1000 --clients 4 --batch 5000 --max-seconds 300 --db warmup > /dev/null
fi
java -Xmx6g -cp target/kapacitord.jar kapacitor.tools.LoadTool --url http://127.0.0.1:9092 --points "$POINTS" \
  --hosts 1000 --clients 4 --batch 5000 --max-seconds 300 | grep sent
python3 - <<'PY'
import json, time, urllib.request
prev = -1
while True:
    d = json.load(urllib.request.urlopen("http://127.0.0.1:9092/kapacitor/v1/tasks/bench"))
    a = d["stats"]["node-stats"]["alert4"]
    if a["collected"] == prev:
        break
    prev = a["collected"]
    time.sleep(1)
print("alert4", {k: a[k] for k in ("collected", "crits_triggered")})
v = json.load(urllib.request.urlopen("http://127.0.0.1:9092/kapacitor/v1/debug/vars"))
for s in v["kapacitor"].values():
    if s["name"] == "ingress":
        i = s["values"]
        print("ingress on node 1", i, "bus messages to other nodes per point: %.6f"
              % (i["remoteFramesSent"] / max(1, i["pointsWrittenOK"])))
PY
if [ "${KILL:-0}" = 1 ] && [ "$NODES" -gt 1 ]; then
  python3 - "${PIDS[@]}" <<'PY'
import json, os, signal, sys, time, urllib.request
pids = sys.argv[1:]
def cluster(port):
    return json.load(urllib.request.urlopen("http://127.0.0.1:%d/kapacitor/v1/cluster" % port))
c = cluster(9092)
owner = [t for t in c["tasks"] if t.get("id", t.get("task")) == "bench"][0]
addr = [m for m in c["members"] if m.get("id") == owner.get("owner")][0].get("http-address", "")
idx = [9092, 9093, 9094].index(int(addr.rsplit(":", 1)[1])) if addr else 1
survivor = 9092 if idx != 0 else 9093
t0 = time.time()
os.kill(int(pids[idx]), signal.SIGKILL)
while True:
    try:
        c = cluster(survivor)
        t = [t for t in c["tasks"] if t.get("id", t.get("task")) == "bench"][0]
        d = json.load(urllib.request.urlopen("http://127.0.0.1:%d/kapacitor/v1/tasks/bench" % survivor, timeout=2))
    except Exception:
        time.sleep(0.05)
        continue
    if d["executing"] and t.get("epoch", 1) > 1 and t.get("owner-alive"):
        print("failover: task executing again %.2f s after kill -9 (epoch %s)" % (time.time() - t0, t.get("epoch")))
        break
    time.sleep(0.05)
PY
fi
