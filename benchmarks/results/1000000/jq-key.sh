#!/bin/sh
find benchmarks/.data/gen-1000000/AWSLogs -name "*.json.gz" -exec zcat {} + | jq -c '.Records[] | select(.userIdentity.accessKeyId == "AKIALEAKEDKEY0EXAMPL")' | wc -l
