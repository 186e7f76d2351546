#!/usr/bin/env bash
# The benchmark: generate CloudTrail logs (seeded, calibrated against ../shared/corpus), then in one run over the
# same files measure trailindex and the tools a user would pick instead. Phases (all by default, in this order):
#   index       the plain decompress-and-parse pass (the yardstick), then indexing: time, events/s, peak RSS with a
#               512 MB heap, index size against the raw and gzip'd sizes;
#   local       trailindex warm in one process (dev.trailindex.bench.QueryBench) and as fresh processes (hyperfine):
#               the busy key's events all as ndjson and a page of 100, a count, facets, time window, nested value,
#               word, CIDR, --version; beside rg -z, zcat | jq and DuckDB over the raw files;
#   duckdb      DuckDB with the events loaded into its own table (benchmarks/src/DuckTable.java, as Turbot Tailpipe
#               keeps them): load time, file size, the same questions warm and as fresh processes;
#   opensearch  one OpenSearch node, bulk-loaded (benchmarks/peer-opensearch.sh): load time, size, the questions warm;
#   trace       benchmarks/trace.sh and benchmarks/detect.sh on the same files and index;
#   recheck     (not in the default) the headline fresh-process comparison again, in one short session.
# Usage: benchmarks/run.sh [--phases index,local,...] [EVENTS ...]      (default: all phases, 1000000 events)
# Each phase can run on its own (later phases reuse the data and index of earlier ones), so a long run can hold the
# build lock phase by phase: flock /tmp/trailindex-build.lock benchmarks/run.sh --phases index 1000000
# Results: benchmarks/results/<events>/; `python3 benchmarks/summarize.py <events>` prints the tables. Needs
# ripgrep, hyperfine, jq (apt-get install ripgrep hyperfine jq), curl and python3; fetches DuckDB's JDBC jar from
# Maven Central into benchmarks/.cache.
set -euo pipefail
cd "$(dirname "$0")/.."
phases="index,local,duckdb,opensearch,trace"
if [ "${1:-}" = "--phases" ]; then phases="$2"; shift 2; fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000)
has() { [[ ",$phases," == *",$1,"* ]]; }
for tool in rg hyperfine jq python3 curl; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed (apt-get install ripgrep hyperfine jq curl)" >&2; exit 1; }
done

jdk="$(TRAILINDEX_LAUNCHER_DRY_RUN=1 ./trailindex)"
J="$jdk/bin/java"
./trailindex --version >/dev/null                               # builds the jar and its AOT cache
(JAVA_HOME="$jdk" mvn -B -q -o -Dstyle.color=never test-compile >/dev/null 2>&1 || JAVA_HOME="$jdk" mvn -B -q -Dstyle.color=never test-compile >/dev/null)
duck=benchmarks/.cache/duckdb_jdbc-2.0.0.1.jar
if [ ! -f "$duck" ]; then
  (cd /tmp && JAVA_HOME="$jdk" mvn -B -q -Dstyle.color=never dependency:copy -Dartifact=org.duckdb:duckdb_jdbc:2.0.0.1 \
    -DoutputDirectory="$OLDPWD/benchmarks/.cache" >/dev/null)
fi
mkdir -p benchmarks/.cache/classes
"$jdk/bin/javac" -d benchmarks/.cache/classes -cp "$duck" benchmarks/src/DuckQuery.java benchmarks/src/DuckTable.java
cp="target/test-classes:target/classes:target/lib/*"
dcp="$duck:benchmarks/.cache/classes"
DJ=("$J" --enable-native-access=ALL-UNNAMED -cp "$dcp")

for n in "${sizes[@]}"; do
  data="benchmarks/.data/gen-$n"
  out="${TRAILINDEX_BENCH_OUT:-benchmarks/results/$n}"   # another folder keeps an earlier run's outputs
  idx="benchmarks/.data/index-$n"
  mkdir -p "$out"
  # Data of an older generator (before the busy key) is made again.
  if [ ! -f "$data/expected.json" ] || ! grep -q '"busyKey"' "$data/expected.json"; then
    echo "== generating $n events" >&2
    rm -rf "$data" "$idx"
    "$J" benchmarks/src/GenerateLogs.java --events "$n" --seed 1 --out "$data" >&2
  fi
  logs="$data/AWSLogs"
  key="$(jq -r '.incident.leakedKey' "$data/expected.json")"
  busy="$(jq -r '.busyKey' "$data/expected.json")"
  first="$(jq -r '.incident.first' "$data/expected.json")"
  last="$(jq -r '.incident.last' "$data/expected.json")"
  cp "$data/expected.json" "$out/expected.json"
  du -sb "$logs" | cut -f1 > "$out/gzip-bytes.txt"
  uname -a > "$out/machine.txt"; nproc >> "$out/machine.txt"; "$J" -version 2>> "$out/machine.txt"

  if has index; then
    echo "== $n: decompress-and-parse pass" >&2
    "$J" -Xmx512m -cp "$cp" dev.trailindex.bench.ParseBaseline "$logs" 2 > "$out/parse.json"
    echo "== $n: indexing (heap 512 MB)" >&2
    rm -rf "$idx"
    /usr/bin/time -f '{"seconds": %e, "max_rss_kb": %M}' -o "$out/index-time.json" \
      "$J" -Xmx512m -jar target/trailindex.jar index -q --threads 2 --format json --index "$idx" "$logs" > "$out/index.json" || true
    du -sb "$idx" | cut -f1 > "$out/index-bytes.txt"
  fi

  if has local; then
    [ -d "$idx" ] || { echo "run.sh: no index at $idx: run the index phase first" >&2; exit 1; }
    echo "== $n: trailindex warm" >&2
    "$J" -cp "$cp" dev.trailindex.bench.QueryBench "$idx" \
      "all-busy=userIdentity.accessKeyId:$busy" "pivot-busy=userIdentity.accessKeyId:$busy" \
      "pivot=userIdentity.accessKeyId:$key" "facet-all=" "window=eventTime:[$first TO $last]" \
      "nested=requestParameters.bucketName:acme-payroll-exports" "word=payroll" "cidr=sourceIPAddress:198.51.100.0/24" \
      > "$out/warm.jsonl"
    echo "== $n: fresh processes: trailindex" >&2
    hyperfine -N --warmup 2 --runs 10 --export-json "$out/cli.json" \
      -n trailindex-version "./trailindex --version" \
      -n trailindex-busy-all "./trailindex search --index $idx --limit all --format ndjson userIdentity.accessKeyId:$busy" \
      -n trailindex-busy-page "./trailindex search --index $idx --limit 100 --format ndjson userIdentity.accessKeyId:$busy" \
      -n trailindex-busy-count "./trailindex search --index $idx --count userIdentity.accessKeyId:$busy" \
      -n trailindex-key "./trailindex search --index $idx --count userIdentity.accessKeyId:$key" \
      -n trailindex-bucket "./trailindex search --index $idx --count requestParameters.bucketName:acme-payroll-exports" \
      -n trailindex-cidr "./trailindex search --index $idx --count sourceIPAddress:198.51.100.0/24" \
      -n trailindex-facet "./trailindex facets --index $idx --field eventName --top 10" >/dev/null
    ./trailindex search --index "$idx" --limit all --format ndjson "userIdentity.accessKeyId:$busy" > "$out/busy-all.ndjson"
    echo "== $n: rg -z, zcat | jq, DuckDB over the raw files" >&2
    hyperfine -N --warmup 1 --runs 3 --export-json "$out/rg.json" \
      -n rg-busy "rg -z -c -F $busy $logs" \
      -n rg-bucket "rg -z -c -F acme-payroll-exports $logs" >/dev/null || true
    # DuckDB and jq need a shell for their quoting: each runs from a small script.
    printf '#!/bin/sh\nexec %s --enable-native-access=ALL-UNNAMED -cp %s DuckQuery %s "json_extract_string(r,'"'"'$.userIdentity.accessKeyId'"'"')='"'"'%s'"'"'" events\n' \
      "$J" "$dcp" "$logs" "$busy" > "$out/duckdb-busy-all.sh"
    printf '#!/bin/sh\nexec %s --enable-native-access=ALL-UNNAMED -cp %s DuckQuery %s "json_extract_string(r,'"'"'$.requestParameters.bucketName'"'"')='"'"'acme-payroll-exports'"'"'"\n' \
      "$J" "$dcp" "$logs" > "$out/duckdb-bucket.sh"
    printf '#!/bin/sh\nfind %s -name "*.json.gz" -exec zcat {} + | jq -c '"'"'.Records[] | select(.userIdentity.accessKeyId == "%s")'"'"'\n' \
      "$logs" "$busy" > "$out/jq-busy-all.sh"
    chmod +x "$out"/*.sh
    # Past 1M events DuckDB and jq over the raw files take many minutes a question; they run up to 1M only.
    if [ "$n" -le 1000000 ]; then
      hyperfine -N --warmup 0 --runs 2 --export-json "$out/duckdb.json" \
        -n duckdb-raw-busy-all "$out/duckdb-busy-all.sh" -n duckdb-raw-bucket "$out/duckdb-bucket.sh" >/dev/null || true
      hyperfine -N --warmup 0 --runs 1 --export-json "$out/jq.json" -n jq-busy-all "$out/jq-busy-all.sh" >/dev/null || true
    fi
    {
      echo "trailindex-busy $(./trailindex search --index "$idx" --count "userIdentity.accessKeyId:$busy")"
      echo "trailindex-busy-ndjson-lines $(wc -l < "$out/busy-all.ndjson")"
      echo "trailindex-busy-ndjson-bytes $(wc -c < "$out/busy-all.ndjson")"
      if [ "$n" -le 1000000 ]; then
        echo "duckdb-raw-busy-lines $("$out/duckdb-busy-all.sh" 2>/dev/null | wc -l)"
        echo "jq-busy-lines $("$out/jq-busy-all.sh" 2>/dev/null | wc -l)"
      fi
      echo "rg-busy-lines $(rg -z -c -F "$busy" "$logs" | awk -F: '{s+=$NF} END {print s}')"
      echo "expected-busy $(jq -r '.eventsByBusyKey' "$data/expected.json") (with repeated deliveries: $(jq -r '.eventsByBusyKeyWithCopies' "$data/expected.json"))"
      echo "trailindex-key $(./trailindex search --index "$idx" --count "userIdentity.accessKeyId:$key") expected $(jq -r '.incident.eventsByLeakedKey' "$data/expected.json")"
    } > "$out/answers.txt"
  fi

  if has duckdb; then
    db="benchmarks/.data/duck-$n.duckdb"
    rm -f "$db" "$db.wal"
    echo "== $n: DuckDB, own table: load" >&2
    /usr/bin/time -f '{"seconds": %e, "max_rss_kb": %M}' -o "$out/duck-load-time.json" "${DJ[@]}" DuckTable load "$db" "$logs" > "$out/duck-load.json"
    qs=("count=$busy" "all=$busy" "page=$busy" "facet=" "window=$first|$last" "nested=acme-payroll-exports" "word=payroll" "cidr=198.51.100.")
    echo "== $n: DuckDB, own table: warm" >&2
    "${DJ[@]}" DuckTable bench "$db" "${qs[@]}" > "$out/duck-warm.jsonl"
    echo "== $n: DuckDB, own table: fresh processes" >&2
    hyperfine -N --warmup 1 --runs 10 --export-json "$out/duck-cli.json" \
      -n duck-busy-all "${DJ[*]} DuckTable query $db all $busy" \
      -n duck-busy-page "${DJ[*]} DuckTable query $db page $busy" \
      -n duck-busy-count "${DJ[*]} DuckTable query $db count $busy" \
      -n duck-facet "${DJ[*]} DuckTable query $db facet" >/dev/null
  fi

  if has opensearch; then
    benchmarks/peer-opensearch.sh "$n"
  fi

  if has trace; then
    # trace.sh and detect.sh find the same files and index under their own names.
    ln -sfn "gen-$n" "benchmarks/.data/trace-gen-$n"
    ln -sfn "index-$n" "benchmarks/.data/trace-index-$n"
    touch "benchmarks/.data/trace-index-$n.done"
    benchmarks/trace.sh "$n" > /dev/null
    cp "benchmarks/results/trace-$n.jsonl" "$out/trace.jsonl"
    benchmarks/detect.sh "$n" > "$out/detect.txt"
  fi

  if has recheck; then
    # The headline comparison again, in one short hyperfine session (for a second run when the first was disturbed):
    # all of the busy key's events as a fresh process by trailindex, rg -z and DuckDB's own table, and the start-up.
    db="benchmarks/.data/duck-$n.duckdb"
    hyperfine -N --warmup 1 --runs 10 --export-json "$out/recheck.json" \
      -n trailindex-version "./trailindex --version" \
      -n trailindex-busy-count "./trailindex search --index $idx --count userIdentity.accessKeyId:$busy" \
      -n trailindex-busy-all "./trailindex search --index $idx --limit all --format ndjson userIdentity.accessKeyId:$busy" \
      -n duck-busy-all "${DJ[*]} DuckTable query $db all $busy" >/dev/null
    hyperfine -N --warmup 1 --runs 3 --export-json "$out/recheck-rg.json" -n rg-busy "rg -z -c -F $busy $logs" >/dev/null
  fi
done
python3 benchmarks/summarize.py "${sizes[@]}"
