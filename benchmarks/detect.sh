#!/usr/bin/env bash
# All Sigma rules of a folder over a generated index: as a fresh process (./trailindex detect, 3 runs) and warm
# (GET /api/detections on a running server, 1 warm-up and 5 timed calls), beside Suzaku's approach (rescanning
# every file per run), measured as the plain decompress-and-parse pass over the same files.
# Usage: benchmarks/detect.sh [EVENTS] [RULES]   (defaults: 1000000, ../shared/sigma/rules).
# Reuses benchmarks/trace.sh's data and index for the same size (run that first, or let this run it).
# Under the build lock when others build: flock /tmp/trailindex-build.lock benchmarks/detect.sh
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
rules="${2:-../shared/sigma/rules}"
jdk="$(TRAILINDEX_LAUNCHER_DRY_RUN=1 ./trailindex)"
J="$jdk/bin/java"
data="benchmarks/.data/trace-gen-$n"
idx="benchmarks/.data/trace-index-$n"
[ -f "$idx.done" ] || benchmarks/trace.sh "$n" >/dev/null
cp="target/test-classes:target/classes:target/lib/*"
now() { date +%s%N; }
echo "== detect as a fresh process ($(find "$rules" -name '*.yml' | wc -l) rules, $n events)"
for i in 1 2 3; do
  t0=$(now); ./trailindex detect --index "$idx" --rules "$rules" --format json > /tmp/detect-$n.json; t1=$(now)
  echo "fresh run $i: $(( (t1 - t0) / 1000000 )) ms"
done
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d["rules"]; print("rules:", len(r), "fired:", sum(1 for x in r if x.get("hits")), "untranslatable:", sum(1 for x in r if x["state"]!="ok"))' /tmp/detect-$n.json
port=$(( 20000 + RANDOM % 20000 ))
./trailindex serve --index "$idx" --port "$port" --query-timeout 300s --response-timeout 300s --rules "$rules" > /tmp/detect-serve.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/api/stats" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$port/api/detections" >/dev/null
echo "== warm, GET /api/detections"
for i in 1 2 3 4 5; do
  curl -fs -o /dev/null -w "warm call $i: %{time_total} s\n" "http://127.0.0.1:$port/api/detections"
done
kill $pid; wait $pid 2>/dev/null || true
echo "== rescan (decompress and parse every file, 2 threads)"
t0=$(now); "$J" -Xmx512m -cp "$cp" dev.trailindex.bench.ParseBaseline "$data/AWSLogs" 2 >/dev/null; t1=$(now)
echo "parse pass: $(( (t1 - t0) / 1000000 )) ms"
