#!/usr/bin/env bash
# OpenSearch as a peer: one node from the integ-test zip in ~/.m2 (org.opensearch.distribution.integ-test-zip
# opensearch 3.3.2, or OPENSEARCH_ZIP), run as nobody, heap 512 MB, loopback only, discovery.type single-node. It
# bulk-loads the same generated files as benchmarks/run.sh (benchmarks/os_peer.py: 2 senders, a CloudTrail mapping),
# then asks the benchmark's questions warm. Results: benchmarks/results/<events>/os-load.json, os-warm.jsonl.
# Usage: benchmarks/peer-opensearch.sh [EVENTS]   (default 1000000; the data of benchmarks/run.sh for that size)
# Hold the build lock around it when others build: flock /tmp/trailindex-build.lock benchmarks/peer-opensearch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
version=3.3.2
zip="${OPENSEARCH_ZIP:-$HOME/.m2/repository/org/opensearch/distribution/integ-test-zip/opensearch/$version/opensearch-$version.zip}"
[ -f "$zip" ] || { echo "peer-opensearch.sh: no OpenSearch zip at $zip (set OPENSEARCH_ZIP)" >&2; exit 1; }
data="benchmarks/.data/gen-$n"
out="benchmarks/results/$n"
[ -f "$data/expected.json" ] || { echo "peer-opensearch.sh: no data at $data: run benchmarks/run.sh --phases index $n first" >&2; exit 1; }
mkdir -p "$out"
jdk="${OPENSEARCH_JAVA_HOME:-$(TRAILINDEX_LAUNCHER_DRY_RUN=1 ./trailindex)}"

home="benchmarks/.cache/opensearch-$version"
if [ ! -x "$home/bin/opensearch" ]; then
  rm -rf "$home.tmp" && mkdir -p "$home.tmp"
  unzip -q "$zip" -d "$home.tmp" && mv "$home.tmp/opensearch-$version" "$home" && rmdir "$home.tmp"
fi
node="$(pwd)/benchmarks/.data/os-node-$n"
rm -rf "$node"
mkdir -p "$node/data" "$node/logs"
cp -r "$home/config" "$node/config"
port=$(( 19200 + RANDOM % 500 ))
cat > "$node/config/opensearch.yml" <<EOF
cluster.name: trailindex-peer
node.name: peer
path.data: $node/data
path.logs: $node/logs
network.host: 127.0.0.1
http.port: $port
transport.port: $(( port + 1000 ))
discovery.type: single-node
EOF
# jvm.options names logs/ and data/ relative to OpenSearch's home, which nobody cannot write: the node's own instead.
sed -i -e "s#file=logs/#file=$node/logs/#" -e "s#HeapDumpPath=data#HeapDumpPath=$node/data#" -e "s#ErrorFile=logs/#ErrorFile=$node/logs/#" \
  "$node/config/jvm.options"
chown -R 65534:65534 "$node"
url="http://127.0.0.1:$port"
echo "== OpenSearch $version on $url (heap 512 MB, as nobody)" >&2
# jvm.options names logs/ and data/ relative to the working folder: the node's own.
# The node gets no inherited file descriptors beyond 0-2: above all not the build lock's, which flock passes down
# and which a node left running would otherwise hold for everyone.
(cd "$node"
 for fd in $(ls /proc/$BASHPID/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done
 exec setpriv --reuid=65534 --regid=65534 --clear-groups env -i PATH=/usr/bin:/bin HOME=/tmp OPENSEARCH_JAVA_HOME="$jdk" \
  OPENSEARCH_PATH_CONF="$node/config" OPENSEARCH_JAVA_OPTS="-Xms512m -Xmx512m" \
  "$OLDPWD/$home/bin/opensearch") > "$node/stdout.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "$url/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { echo "peer-opensearch.sh: the node stopped; see $node/stdout.log" >&2; tail -20 "$node/stdout.log" >&2; exit 1; }
  sleep 1
done
curl -fs "$url" > "$out/os-version.json"

busy="$(jq -r '.busyKey' "$data/expected.json")"
first="$(jq -r '.incident.first' "$data/expected.json")"
last="$(jq -r '.incident.last' "$data/expected.json")"
echo "== bulk load, 2 senders" >&2
python3 benchmarks/os_peer.py load "$url" cloudtrail "$data/AWSLogs" 2 | tee "$out/os-load.json" >&2
du -sb "$node/data" | cut -f1 > "$out/os-data-bytes.txt"
echo "== warm questions" >&2
python3 benchmarks/os_peer.py bench "$url" cloudtrail "count=$busy" "all=$busy" "page=$busy" "facet=" "window=$first|$last" \
  "nested=acme-payroll-exports" "word=payroll" "cidr=198.51.100.0/24" | tee "$out/os-warm.jsonl" >&2
