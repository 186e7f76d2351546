#!/usr/bin/env bash
# Warm credential traces over a generated index: the planted three-hop chain (a leaked long-term key, a role, a
# cross-account role, another), the leaked key's tree, and its session ARN, traced 200 times each in one process.
# Usage: benchmarks/trace.sh [EVENTS]   (default 1000000). Results: benchmarks/results/trace-<events>.jsonl.
# Run it under the build lock when others build: flock /tmp/trailindex-build.lock benchmarks/trace.sh
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
jdk="$(TRAILINDEX_LAUNCHER_DRY_RUN=1 ./trailindex)"
J="$jdk/bin/java"
./trailindex --version >/dev/null
(JAVA_HOME="$jdk" mvn -B -q -o -Dstyle.color=never test-compile >/dev/null)
cp="target/test-classes:target/classes:target/lib/*"
data="benchmarks/.data/trace-gen-$n"
idx="benchmarks/.data/trace-index-$n"
if [ ! -f "$data/expected.json" ]; then
  echo "== generating $n events" >&2
  "$J" benchmarks/src/GenerateLogs.java --events "$n" --seed 1 --out "$data" >&2
fi
if [ ! -f "$idx.done" ]; then
  echo "== indexing" >&2
  rm -rf "$idx"
  "$J" -Xmx512m -jar target/trailindex.jar index -q --threads 2 --index "$idx" "$data/AWSLogs" >&2
  touch "$idx.done"
fi
hop3="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["chains"]["hopThree"])' "$data/expected.json")"
leaked="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["chains"]["leakedKey"])' "$data/expected.json")"
session="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["chains"]["hopTwoSession"])' "$data/expected.json")"
mkdir -p benchmarks/results
echo "== warm traces" >&2
"$J" -cp "$cp" dev.trailindex.bench.TraceBench "$idx" "$hop3" "$leaked" "$session" | tee "benchmarks/results/trace-$n.jsonl"
