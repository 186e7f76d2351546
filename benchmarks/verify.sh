#!/usr/bin/env bash
# The verify benchmark: a signed bucket of LOG_FILES log files (default 50000; two regions, 250 files an hour each,
# four events a file), verified with signatures in a 256 MB heap on 2 threads. Prints the time and peak memory.
# Usage: benchmarks/verify.sh [LOG_FILES]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-50000}"
jdk="$(TRAILINDEX_LAUNCHER_DRY_RUN=1 ./trailindex)"
J="$jdk/bin/java"
./trailindex --version >/dev/null
(JAVA_HOME="$jdk" mvn -B -q -o -Dstyle.color=never test-compile >/dev/null)
data="benchmarks/.data/verify-$n"
if [ ! -d "$data/bucket" ]; then
  echo "== generating $n log files" >&2
  "$J" -cp "target/test-classes:target/classes:target/lib/*" dev.trailindex.bench.VerifyBucket "$data/bucket" "$n" >&2
fi
echo "== verify (heap 256 MB, 2 threads)" >&2
/usr/bin/time -f '{"seconds": %e, "max_rss_kb": %M}' -o "$data/verify-time.json" \
  "$J" -Xmx256m -jar target/trailindex.jar verify -q --threads 2 --format json --public-keys "$data/keys.json" "$data/bucket" \
  > "$data/verify.json" || true
jq -c '{verdict: .summary.verdict, logFiles: .summary.logFiles.total, digests: .summary.digests.total, events: .summary.events}' "$data/verify.json"
cat "$data/verify-time.json"
