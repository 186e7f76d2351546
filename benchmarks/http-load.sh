#!/usr/bin/env bash
# HTTP load: index ../shared/corpus, serve it on loopback, and run 32 concurrent clients with a mixed
# workload (searches, facets, histograms, event fetches, stats, health) for a bounded time.
#   benchmarks/http-load.sh [CLIENTS] [SECONDS]
# Client and server share this machine's cores; the figures are for both together.
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-32}"
seconds="${2:-30}"
corpus="${TRAILINDEX_CORPUS:-../shared/corpus}"
[ -d "$corpus" ] || { echo "http-load: no corpus at $corpus" >&2; exit 1; }

jdk="$(TRAILINDEX_LAUNCHER_DRY_RUN=1 ./trailindex)"
./trailindex --version >/dev/null                      # builds the jar if needed
(JAVA_HOME="$jdk" mvn -B -q -Dstyle.color=never test-compile >/dev/null)

work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
./trailindex index -q --index "$work/index" "$corpus" >/dev/null || true   # exit 3: the corpus has broken files
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
./trailindex serve --index "$work/index" --bind 127.0.0.1 --port "$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done

"$jdk/bin/java" -cp "target/test-classes:target/classes:target/lib/*" dev.trailindex.http.LoadGenerator \
  "http://127.0.0.1:$port/" "$clients" "$seconds" \
  'userIdentity.accessKeyId:ASIAJPARIVD3SHUIOTCQ' 'eventName:ConsoleLogin' 'ip:37.15.0.0/16' \
  'errorCode:* AND NOT eventSource:s3.amazonaws.com' 'related.arn:*EMR_DefaultRole*' \
  'requestParameters.bucketName:elasticbeanstalk-us-east-1-974349055189' 'eventTime:[2017-06-01 TO 2017-06-02]' 'snapshot'
