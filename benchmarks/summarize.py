#!/usr/bin/env python3
"""Prints the benchmark figures of benchmarks/results/<events>/ as Markdown tables, with the targets' ratios."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(path, default=None):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def means(path):
    """name -> (mean seconds, runs) from a hyperfine export."""
    data = load(path, {"results": []})
    return {r["command"]: (r["mean"], len(r.get("times", []))) for r in data.get("results", [])}


def raw_bytes(expected, parse):
    for key in ("raw_bytes", "rawBytes", "uncompressed_bytes"):
        if key in expected:
            return expected[key]
        if key in expected.get("totals", {}):
            return expected["totals"][key]
    return parse.get("raw_bytes")


def main(sizes):
    rows, queries, ratios = [], [], []
    for n in sizes:
        d = os.path.join(HERE, "results", str(n))
        parse = load(os.path.join(d, "parse.json"), {})
        idx = load(os.path.join(d, "index.json"), {})
        itime = load(os.path.join(d, "index-time.json"), {})
        expected = load(os.path.join(d, "expected.json"), {})
        raw = raw_bytes(expected, parse)
        gz = int(open(os.path.join(d, "gzip-bytes.txt")).read())
        size = int(open(os.path.join(d, "index-bytes.txt")).read())
        secs = itime.get("seconds", 0)
        rows.append(f"| {n:,} | {idx.get('indexed', 0):,} | {secs:.1f} s | {idx.get('eventsRead', 0) / secs:,.0f} | "
                    f"{raw / secs / 1e6:.1f} | {parse.get('seconds', 0):.1f} s | {secs / parse.get('seconds', 1):.2f}x | "
                    f"{itime.get('max_rss_kb', 0) / 1024:.0f} MB | {size / 1e6:.1f} MB | {size / raw:.2f}x | {size / gz:.2f}x |")
        for line in open(os.path.join(d, "warm.jsonl")):
            q = json.loads(line)
            queries.append(f"| {n:,} | {q['name']} | `{q['query']}` | {q['hits']:,} | {q['median_ms']:.2f} | {q['p95_ms']:.2f} |")
        cli, rg, duck, jq = (means(os.path.join(d, f)) for f in ("cli.json", "rg.json", "duckdb.json", "jq.json"))
        for question, ours, theirs in (("access key", "trailindex-key", ("rg-key", "duckdb-key", "jq-key")),
                                       ("bucket", "trailindex-bucket", ("rg-bucket", "duckdb-bucket"))):
            if ours not in cli:
                continue
            t = cli[ours][0]
            cells = []
            for other in theirs:
                src = {**rg, **duck, **jq}
                if other in src:
                    cells.append(f"{other} {src[other][0]:.2f} s ({src[other][0] / t:.0f}x)")
            ratios.append(f"| {n:,} | {question} | {t * 1000:.0f} ms | " + " · ".join(cells) + " |")
    print("| events | indexed | index time | events/s | raw MB/s | parse pass | index/parse | peak RSS | index size | /raw | /gzip |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print()
    print("| events | question | query | hits | median ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    print("\n".join(queries))
    print()
    print("| events | question | trailindex (fresh CLI process) | others (mean, ratio to trailindex) |")
    print("|---|---|---|---|")
    print("\n".join(ratios))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100000, 1000000])
