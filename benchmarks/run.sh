#!/usr/bin/env bash
# The benchmark: generate CloudTrail logs (seeded), then in one run over the same data measure
#   - indexing: events/s, MB/s, peak memory (heap capped at 512 MB), index size against raw and gzip'd sizes,
#     and the yardstick, a plain decompress-and-parse pass over the same files on the same 2 threads;
#   - queries warm in one process (median, p95) and as a fresh CLI process;
#   - the same questions with rg -z, zcat | jq and DuckDB over the raw files.
# Usage: benchmarks/run.sh [EVENTS ...]      (default: 100000 1000000)
# Results: benchmarks/results/<events>/*.json and a summary on stdout. Needs ripgrep, hyperfine, jq
# (apt-get install ripgrep hyperfine jq) and fetches DuckDB's JDBC jar from Maven Central into benchmarks/.cache.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
for tool in rg hyperfine jq python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed (apt-get install ripgrep hyperfine jq)" >&2; exit 1; }
done

jdk="$(TRAILINDEX_LAUNCHER_DRY_RUN=1 ./trailindex)"
J="$jdk/bin/java"
./trailindex --version >/dev/null                               # builds the jar and its AOT cache
(JAVA_HOME="$jdk" mvn -B -q -Dstyle.color=never test-compile >/dev/null)
duck=benchmarks/.cache/duckdb_jdbc-2.0.0.1.jar
if [ ! -f "$duck" ]; then
  (cd /tmp && JAVA_HOME="$jdk" mvn -B -q -Dstyle.color=never dependency:copy -Dartifact=org.duckdb:duckdb_jdbc:2.0.0.1 \
    -DoutputDirectory="$OLDPWD/benchmarks/.cache" >/dev/null)
fi
mkdir -p benchmarks/.cache/classes
"$jdk/bin/javac" -d benchmarks/.cache/classes -cp "$duck" benchmarks/src/DuckQuery.java
cp="target/test-classes:target/classes:target/lib/*"

for n in "${sizes[@]}"; do
  data="benchmarks/.data/gen-$n"
  out="benchmarks/results/$n"
  mkdir -p "$out"
  if [ ! -f "$data/expected.json" ]; then
    echo "== generating $n events" >&2
    "$J" benchmarks/src/GenerateLogs.java --events "$n" --seed 1 --out "$data" >&2
  fi
  logs="$data/AWSLogs"
  key="$(jq -r '.incident.leakedKey // .incident.leaked_key // .incident.leakedAccessKeyId' "$data/expected.json")"
  ip="$(jq -r '.incident.attackerIp // .incident.attacker_ip // .incident.ips[0] // empty' "$data/expected.json")"
  first="$(jq -r '.incident.first // .incident.firstTime // .incident.first_time' "$data/expected.json")"
  last="$(jq -r '.incident.last // .incident.lastTime // .incident.last_time' "$data/expected.json")"
  cp "$data/expected.json" "$out/expected.json"
  du -sb "$logs" | cut -f1 > "$out/gzip-bytes.txt"

  echo "== $n: decompress-and-parse pass" >&2
  "$J" -Xmx512m -cp "$cp" dev.trailindex.bench.ParseBaseline "$logs" 2 > "$out/parse.json"

  echo "== $n: indexing (heap 512 MB)" >&2
  idx="benchmarks/.data/index-$n"
  rm -rf "$idx"
  /usr/bin/time -f '{"seconds": %e, "max_rss_kb": %M}' -o "$out/index-time.json" \
    "$J" -Xmx512m -jar target/trailindex.jar index -q --threads 2 --format json --index "$idx" "$logs" > "$out/index.json" || true
  du -sb "$idx" | cut -f1 > "$out/index-bytes.txt"

  echo "== $n: warm queries" >&2
  "$J" -cp "$cp" dev.trailindex.bench.QueryBench "$idx" \
    "pivot=userIdentity.accessKeyId:$key" "facet-all=" "window=eventTime:[$first TO $last]" \
    "nested=requestParameters.bucketName:acme-payroll-exports" "word=payroll" "cidr=sourceIPAddress:198.51.100.0/24" \
    > "$out/warm.jsonl"

  echo "== $n: fresh processes: trailindex, rg -z, DuckDB, zcat | jq" >&2
  runs=10
  hyperfine -N --warmup 2 --runs "$runs" --export-json "$out/cli.json" \
    -n trailindex-key "./trailindex search --index $idx --count userIdentity.accessKeyId:$key" \
    -n trailindex-key-events "./trailindex search --index $idx --format ndjson --limit 100 userIdentity.accessKeyId:$key" \
    -n trailindex-bucket "./trailindex search --index $idx --count requestParameters.bucketName:acme-payroll-exports" \
    -n trailindex-cidr "./trailindex search --index $idx --count sourceIPAddress:198.51.100.0/24" \
    -n trailindex-facet "./trailindex facets --index $idx --field eventName --top 10" >/dev/null
  hyperfine -N --warmup 1 --runs 3 --export-json "$out/rg.json" \
    -n rg-key "rg -z -c -F $key $logs" \
    -n rg-bucket "rg -z -c -F acme-payroll-exports $logs" >/dev/null || true
  # DuckDB and jq need a shell for their quoting: each runs from a small script.
  printf '#!/bin/sh\nexec %s --enable-native-access=ALL-UNNAMED -cp %s:benchmarks/.cache/classes DuckQuery %s "json_extract_string(r,'"'"'$.userIdentity.accessKeyId'"'"')='"'"'%s'"'"'"\n' \
    "$J" "$duck" "$logs" "$key" > "$out/duckdb-key.sh"
  printf '#!/bin/sh\nexec %s --enable-native-access=ALL-UNNAMED -cp %s:benchmarks/.cache/classes DuckQuery %s "json_extract_string(r,'"'"'$.requestParameters.bucketName'"'"')='"'"'acme-payroll-exports'"'"'"\n' \
    "$J" "$duck" "$logs" > "$out/duckdb-bucket.sh"
  printf '#!/bin/sh\nfind %s -name "*.json.gz" -exec zcat {} + | jq -c '"'"'.Records[] | select(.userIdentity.accessKeyId == "%s")'"'"' | wc -l\n' \
    "$logs" "$key" > "$out/jq-key.sh"
  chmod +x "$out"/*.sh
  # Past 1M events DuckDB and jq take many minutes a question and grow linearly; they run up to 1M only.
  big=""
  [ "$n" -le 1000000 ] || big=yes
  duck_runs=3
  [ "$n" -le 100000 ] || duck_runs=1
  if [ -z "$big" ]; then
    hyperfine -N --warmup 0 --runs "$duck_runs" --export-json "$out/duckdb.json" \
      -n duckdb-key "$out/duckdb-key.sh" -n duckdb-bucket "$out/duckdb-bucket.sh" >/dev/null || true
    hyperfine -N --warmup 0 --runs 1 --export-json "$out/jq.json" -n jq-key "$out/jq-key.sh" >/dev/null || true
  fi
  # The answers, to check every tool found the same events.
  {
    echo "trailindex-key $(./trailindex search --index "$idx" --count "userIdentity.accessKeyId:$key")"
    if [ -z "$big" ]; then
      echo "duckdb-key $("$out/duckdb-key.sh" 2>/dev/null | cut -d' ' -f1)"
      echo "jq-key $("$out/jq-key.sh" 2>/dev/null)"
    fi
    echo "rg-key-lines $(rg -z -c -F "$key" "$logs" | awk -F: '{s+=$NF} END {print s}')"
    echo "expected-key $(jq -r '.incident.eventsByLeakedKey' "$data/expected.json")"
  } > "$out/answers.txt"
done
python3 benchmarks/summarize.py "${sizes[@]}"
