#!/usr/bin/env python3
"""Prints the figures of benchmarks/results/<events>/ (written by benchmarks/run.sh) as Markdown tables: indexing,
the peers side by side, fresh processes, and every figure as a ratio within the one run, against issue 15's targets.

    python3 benchmarks/summarize.py [EVENTS ...]      (default 1000000)
"""
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


def lines(path):
    try:
        with open(path) as f:
            return {j["name"]: j for j in (json.loads(l) for l in f if l.strip())}
    except OSError:
        return {}


def means(*paths):
    """command name -> mean seconds, from hyperfine exports."""
    out = {}
    for p in paths:
        for r in load(p, {"results": []}).get("results", []):
            out[r["command"]] = r["mean"]
    return out


def number(path):
    try:
        return int(open(path).read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def ms(v):
    return "–" if v is None else (f"{v:,.0f} ms" if v >= 100 else f"{v:.1f} ms")


def sec(v):
    return "–" if v is None else f"{v:.2f} s"


def ratio(a, b):
    return "" if a is None or b is None or not b else f"{a / b:.1f}x"


def main(sizes):
    for n in sizes:
        d = os.path.join(HERE, "results", str(n))
        exp = load(os.path.join(d, "expected.json"), {})
        raw = exp.get("raw_bytes")
        parse = load(os.path.join(d, "parse.json"), {})
        itime = load(os.path.join(d, "index-time.json"), {})
        idx = number(os.path.join(d, "index-bytes.txt"))
        gz = exp.get("gzip_bytes") or number(os.path.join(d, "gzip-bytes.txt"))
        dload = load(os.path.join(d, "duck-load.json"), {})
        dtime = load(os.path.join(d, "duck-load-time.json"), {})
        osl = load(os.path.join(d, "os-load.json"), {})
        osdisk = number(os.path.join(d, "os-data-bytes.txt"))
        events = exp.get("events", n)
        warm, dwarm, owarm = (lines(os.path.join(d, f)) for f in ("warm.jsonl", "duck-warm.jsonl", "os-warm.jsonl"))
        cli = means(*(os.path.join(d, f) for f in ("cli.json", "rg.json", "duckdb.json", "jq.json", "duck-cli.json")))
        ps = parse.get("seconds")
        print(f"### {n:,} events: {exp.get('files', 0):,} files, {raw / 1e6:,.0f} MB raw, {gz / 1e6:,.0f} MB gzip'd "
              f"({raw / events:,.0f} B an event, gzip {raw / gz:.2f}x); the parse pass {sec(ps)}\n")
        print("| | trailindex | OpenSearch | DuckDB (own table) |")
        print("|---|---|---|---|")
        its, dts, ots = itime.get("seconds"), dload.get("seconds"), osl.get("seconds")
        cell = lambda t: "–" if not t else f"{t:.1f} s ({events / t / 1e3:.1f}k events/s, {t / ps:.1f}x the parse pass)"
        print(f"| load | {cell(its)} | {cell(ots)} | {cell(dts)} |")
        size = lambda b: "–" if not b else f"{b / 1e6:,.0f} MB, {b / raw:.3f}x raw"
        print(f"| size on disk | {size(idx)} | {size(osl.get('store_bytes'))} (data folder {size(osdisk)}) | {size(dload.get('bytes'))} |")
        print(f"| peak RSS while loading | {itime.get('max_rss_kb', 0) / 1024:,.0f} MB (heap 512 MB) | (heap 512 MB) | "
              f"{dtime.get('max_rss_kb', 0) / 1024:,.0f} MB |")
        rows = [("the busy key's events, all (warm)", "all-busy", "all", "all"),
                ("the busy key's events, a page of 100 (warm)", "pivot-busy", "page", "page"),
                ("facet on eventName over everything (warm)", "facet-all", "facet", "facet"),
                ("100 events of a time window (warm)", "window", "window", "window"),
                ("100 events of a nested value (warm)", "nested", "nested", "nested"),
                ("100 events with a word (warm)", "word", "word", "word"),
                ("100 events of a CIDR (warm)", "cidr", "cidr", "cidr")]
        for label, t, o, k in rows:
            a, b, c = warm.get(t), owarm.get(o), dwarm.get(k)
            f = lambda j: "–" if not j else f"{ms(j['median_ms'])} (p95 {ms(j['p95_ms'])}; {j['hits']:,} hits)"
            print(f"| {label} | {f(a)} | {f(b)} | {f(c)} |")
        print(f"| the busy key's events, all, fresh process | {sec(cli.get('trailindex-busy-all'))} | – | {sec(cli.get('duck-busy-all'))} |")
        print(f"| the busy key's events, page of 100, fresh | {sec(cli.get('trailindex-busy-page'))} | – | {sec(cli.get('duck-busy-page'))} |")
        print(f"| the busy key's count, fresh | {sec(cli.get('trailindex-busy-count'))} | – | {sec(cli.get('duck-busy-count'))} |")
        print(f"| facet, fresh | {sec(cli.get('trailindex-facet'))} | – | {sec(cli.get('duck-facet'))} |")
        print()
        print("Over the raw files (fresh processes, hyperfine means):\n")
        print("| question | trailindex | rg -z -c (finds files) | zcat \\| jq | DuckDB over the files |")
        print("|---|---|---|---|---|")
        t = cli.get("trailindex-busy-all")
        f = lambda k: "–" if k not in cli else f"{cli[k]:.2f} s ({ratio(cli[k], t)})"
        print(f"| the busy key's events, all as ndjson | {sec(t)} | {f('rg-busy')} | {f('jq-busy-all')} | {f('duckdb-raw-busy-all')} |")
        t2 = cli.get("trailindex-bucket")
        g = lambda k: "–" if k not in cli else f"{cli[k]:.2f} s ({ratio(cli[k], t2)})"
        print(f"| count of a bucket's events | {sec(t2)} | {g('rg-bucket')} | – | {g('duckdb-raw-bucket')} |")
        print(f"| `--version` | {sec(cli.get('trailindex-version'))} | | | |")
        print()
        aw = warm.get("all-busy", {})
        print("Against issue 15's targets (ratios in this run):\n")
        print("| target | measured | verdict |")
        print("|---|---|---|")
        def verdict(ok):
            return "met" if ok else "**missed**"
        if t and "rg-busy" in cli:
            r1 = cli["rg-busy"] / t
            print(f"| all of the key's events fresh ≥ 10x faster than `rg -z` | {r1:.1f}x | {verdict(r1 >= 10)} |")
        if t and "duckdb-raw-busy-all" in cli:
            r2 = cli["duckdb-raw-busy-all"] / t
            print(f"| ≥ 20x faster than DuckDB over the raw files | {r2:.1f}x | {verdict(r2 >= 20)} |")
        if t and "duck-busy-all" in cli:
            r3 = cli["duck-busy-all"] / t
            print(f"| ≥ 3x faster than DuckDB's own table, fresh | {r3:.2f}x | {verdict(r3 >= 3)} |")
        if aw:
            print(f"| warm under 100 ms | {ms(aw['median_ms'])} | {verdict(aw['median_ms'] < 100)} |")
            if "all" in owarm:
                r4 = owarm["all"]["median_ms"] / aw["median_ms"]
                print(f"| warm 3x ahead of OpenSearch | {r4:.2f}x | {verdict(r4 >= 3)} |")
        fw = warm.get("facet-all")
        if fw:
            print(f"| facets warm ≤ 5 ms at 1M | {ms(fw['median_ms'])} | {verdict(fw['median_ms'] <= 5)} |")
        if idx:
            print(f"| size ≤ 0.20x raw | {idx / raw:.3f}x | {verdict(idx / raw <= 0.20)} |")
        if its and ps:
            print(f"| indexing ≤ 5x the parse pass | {its / ps:.1f}x | {verdict(its / ps <= 5)} |")
            if ots:
                print(f"| indexing ≥ 3x OpenSearch's events/s | {ots / its:.2f}x | {verdict(ots / its >= 3)} |")
        v = cli.get("trailindex-version")
        if v:
            print(f"| `--version` ≤ 0.15 s | {v:.3f} s | {verdict(v <= 0.15)} |")
        c = cli.get("trailindex-busy-count")
        if c:
            print(f"| a count on the 1M index ≤ 0.25 s fresh | {c:.3f} s | {verdict(c <= 0.25)} |")
        print()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000000])
