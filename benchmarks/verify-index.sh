#!/usr/bin/env bash
# verify --index against re-indexing: a signed bucket of LOG_FILES log files (default 20000; the generator of
# benchmarks/verify.sh, four events a file) is indexed, then verified three ways, each in a fresh JVM with a 256 MB heap on
# 2 threads: without the index (every file read), with --index (hashes reused, verdicts written into the events in
# place), and then, for the comparison, the whole bucket is indexed again from scratch. Prints one JSON line per step.
# Usage: benchmarks/verify-index.sh [LOG_FILES]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-20000}"
jdk="$(TRAILINDEX_LAUNCHER_DRY_RUN=1 ./trailindex)"
J="$jdk/bin/java"
./trailindex --version >/dev/null
(JAVA_HOME="$jdk" mvn -B -q -o -Dstyle.color=never test-compile >/dev/null)
data="benchmarks/.data/verify-$n"
if [ ! -d "$data/bucket" ]; then
  echo "== generating $n log files" >&2
  "$J" -cp "target/test-classes:target/classes:target/lib/*" dev.trailindex.bench.VerifyBucket "$data/bucket" "$n" >&2
fi
step() { # name, then the trailindex arguments
  local name="$1"; shift
  /usr/bin/time -f "{\"step\": \"$name\", \"seconds\": %e, \"max_rss_kb\": %M}" -o "$data/$name-time.json" \
    "$J" -Xmx256m -jar target/trailindex.jar "$@" > "$data/$name.out" 2> "$data/$name.err" || true
  cat "$data/$name-time.json"
}
rm -rf "$data/idx" "$data/idx2"
step index index -q --threads 2 --index "$data/idx" "$data/bucket"
step verify-plain verify -q --threads 2 --format json --public-keys "$data/keys.json" "$data/bucket"
jq -c '{verdict: .summary.verdict, read: .summary.logFiles.read, reused: .summary.logFiles.reusedFromIndex}' "$data/verify-plain.out"
step verify-index verify --threads 2 --format json --public-keys "$data/keys.json" --index "$data/idx" "$data/bucket"
jq -c '{verdict: .summary.verdict, read: .summary.logFiles.read, reused: .summary.logFiles.reusedFromIndex}' "$data/verify-index.out"
grep '^recorded in' "$data/verify-index.err"
step reindex index -q --threads 2 --index "$data/idx2" "$data/bucket"
"$J" -jar target/trailindex.jar facets --index "$data/idx" --field ti.integrity
