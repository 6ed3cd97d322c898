#!/usr/bin/env bash
# Live heap per group: the canonical task on the 1 M-group workload (HOSTS=250000), full GC before and after.
# JAR=path measures another build; HISTO=N also prints the N first lines of the live class histogram.
cd "$(dirname "$0")/.."
if curl -s -o /dev/null http://127.0.0.1:9092/kapacitor/v1/ping; then
  echo "something already listens on 127.0.0.1:9092; stop it first" >&2
  exit 1
fi
D=$(mktemp -d)
KAPACITOR_HTTP_BIND_ADDRESS=127.0.0.1:9092 KAPACITOR_DATA_DIR=$D KAPACITOR_HTTP_LOG_ENABLED=false java -Xmx12g -jar ${JAR:-target/kapacitord.jar} > $D/log 2>&1 &
S=$!
for _ in $(seq 1 100); do curl -s -o /dev/null http://127.0.0.1:9092/kapacitor/v1/ping && break; sleep 0.1; done
curl -s -o /dev/null -XPOST http://127.0.0.1:9092/kapacitor/v1/tasks -d @- <<'J'
{"id":"bench","type":"stream","status":"enabled","dbrps":[{"db":"telegraf","rp":"autogen"}],
 "script":"stream|from().measurement('cpu').groupBy('host','cpu')|window().period(10s).every(10s)|mean('usage_idle')|httpOut('m')"}
J
# Live bytes as a forced full GC's class histogram counts them (GC.heap_info's "used" may still include garbage).
live() { jmap -histo:live $S | tail -1 | awk '{print int($3/1024)}'; }
B=$(live)
java -Xmx8g -cp target/kapacitord.jar kapacitor.tools.LoadTool --points ${POINTS:-5000000} --hosts ${HOSTS:-250000} --clients 4 --batch 5000 --max-seconds 300 | grep sent
# The task may still be working through queued frames when the last write returns (node counters count a message
# when it is sent, not when it is handled): wait until httpOut holds a row for every group and nothing changed
# for three seconds.
python3 - <<'PY'
import json, time, urllib.request
prev, same = None, 0
while same < 3:
    ns = json.load(urllib.request.urlopen("http://127.0.0.1:9092/kapacitor/v1/tasks/bench"))["stats"]["node-stats"]
    snap = json.dumps(ns, sort_keys=True)
    ready = ns["http_out4"]["working_cardinality"] == ns["window2"]["working_cardinality"]
    same = same + 1 if ready and snap == prev else 0
    prev = snap
    time.sleep(1)
PY
A=$(live)
curl -s http://127.0.0.1:9092/kapacitor/v1/tasks/bench | python3 -c "import json,sys; d=json.load(sys.stdin)['stats']['node-stats']; print({k: (v['working_cardinality'], v['emitted']) for k,v in d.items()})"
python3 -c "print('live heap before %d KB, after %d KB, growth %.0f bytes per group (1M groups)' % ($B, $A, ($A-$B)*1024/1e6))"
if [ -n "${HISTO:-}" ]; then
  jmap -histo:live $S | head -"$HISTO"
fi
kill $S; wait $S 2>/dev/null; rm -rf $D
