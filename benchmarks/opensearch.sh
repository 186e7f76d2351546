#!/usr/bin/env bash
# OpenSearch (issue 14): bulk-load N generated events into one local OpenSearch node against the local indexer, on
# the same files in the same run: events/s and size on disk, each also divided by the raw JSON bytes; the cluster
# with best_compression (the template's default) and, with CODECS=both, the default codec too; then the warm pivot,
# facet, time-window and nested-value latencies on both (benchmarks/src/WarmBackends.java).
# Usage: benchmarks/opensearch.sh [EVENTS] [NODE_HEAP]   (defaults: 1000000, 1g). Output: benchmarks/results/opensearch-<events>.txt
# Under the build lock when others build: flock /tmp/trailindex-build.lock benchmarks/opensearch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
heap="${2:-1g}"
jdk="$(TRAILINDEX_LAUNCHER_DRY_RUN=1 ./trailindex)"
J="$jdk/bin/java"
(JAVA_HOME="$jdk" mvn -B -q -o -Dstyle.color=never -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/test-deps.txt >/dev/null)
data="benchmarks/.data/trace-gen-$n"
idx="benchmarks/.data/os-local-index-$n"
mkdir -p benchmarks/results benchmarks/.data
out="benchmarks/results/opensearch-$n.txt"
if [ ! -f "$data/expected.json" ]; then
  echo "== generating $n events" >&2
  "$J" benchmarks/src/GenerateLogs.java --events "$n" --seed 1 --out "$data" >&2
fi
now() { date +%s%N; }
raw=$(find "$data/AWSLogs" -name '*.json.gz' -print0 | xargs -0 zcat | wc -c)
{
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB; JDK $("$J" -version 2>&1 | head -1); $(date -u +%FT%TZ)"
echo "events: $n; files: $(find "$data/AWSLogs" -name '*.json.gz' | wc -l); raw JSON bytes (decompressed): $raw"
rm -rf "$idx"
t0=$(now); "$J" -Xmx512m -jar target/trailindex.jar index -q --threads 2 --index "$idx" "$data/AWSLogs" >/dev/null; t1=$(now)
ms=$(( (t1 - t0) / 1000000 )); size=$(du -sb "$idx" | cut -f1)
echo "local:      $ms ms, $(( n * 1000 / ms )) events/s, index $size bytes = $(python3 -c "print(round($size/$raw,3))") of raw"
# One node, as the tests start it (loopback, as nobody, heap $heap), stopped when its stdin closes.
fifo=$(mktemp -u); mkfifo "$fifo"
"$J" -Dtrailindex.opensearch.home=target/opensearch/opensearch-3.3.2 -cp "target/test-classes:target/classes:$(cat target/test-deps.txt)" \
  dev.trailindex.bench.OsNodeMain "$heap" < "$fifo" > /tmp/os-bench-node.txt 2>&1 &
node=$!
exec 9>"$fifo"
trap 'exec 9>&-; wait $node 2>/dev/null || true; rm -f "$fifo"' EXIT
for _ in $(seq 1 240); do grep -q '^http' /tmp/os-bench-node.txt 2>/dev/null && break; sleep 0.5; done
url=$(awk '/^http/{print $1}' /tmp/os-bench-node.txt)
echo "node: $url, heap $heap, OpenSearch $(curl -s "$url" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"]["number"])')"
for codec in best_compression $([ "${CODECS:-}" = both ] && echo default); do
  name="bench-${codec//_/-}"
  "$J" -jar target/trailindex.jar opensearch setup --opensearch "$url" --opensearch-index "$name" --codec "$codec" >/dev/null
  t0=$(now); "$J" -Xmx512m -jar target/trailindex.jar index -q --opensearch "$url" --opensearch-index "$name" "$data/AWSLogs" >/dev/null; t1=$(now)
  ms=$(( (t1 - t0) / 1000000 ))
  docs=$(curl -s "$url/$name/_count" | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')
  size=$(curl -s "$url/_cat/indices/$name-events-*?bytes=b&h=store.size" | awk '{s+=$1} END {print s}')
  curl -s -XPOST "$url/$name-events-*/_forcemerge?max_num_segments=1" >/dev/null
  # The merged-away segments are deleted once no reader holds them: refresh, then give the node a moment.
  curl -s -XPOST "$url/$name-events-*/_refresh" >/dev/null; sleep 10
  merged=$(curl -s "$url/_cat/indices/$name-events-*?bytes=b&h=store.size" | awk '{s+=$1} END {print s}')
  echo "opensearch ($codec): $ms ms, $(( n * 1000 / ms )) events/s, $docs documents, indices $size bytes = $(python3 -c "print(round($size/$raw,3))") of raw;" \
       "after forcemerge to 1 segment $merged bytes = $(python3 -c "print(round($merged/$raw,3))") of raw"
done
# Warm latencies of the same questions through the search seam, on the same events: the local index, then the cluster
# (the best_compression copy, force-merged as above).
key=$(python3 -c "import json; print(json.load(open('$data/expected.json'))['busyKey'])")
echo "warm, local index (-Xmx512m, one process):"
"$J" -Xmx512m -cp 'target/classes:target/lib/*' benchmarks/src/WarmBackends.java local "$idx" "$key"
echo "warm, OpenSearch (the same client process shape, queries sent to the node):"
"$J" -Xmx512m -cp 'target/classes:target/lib/*' benchmarks/src/WarmBackends.java opensearch "$url" bench-best-compression "$key"
} | tee "$out"
