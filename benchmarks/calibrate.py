#!/usr/bin/env python3
"""Compare the shape of generated CloudTrail logs with real ones.

    python3 benchmarks/calibrate.py [--sample N] REAL_DIR... -- GENERATED_DIR... [-- OTHER_GENERATED_DIR...]

Reads every event of each side (Records files, bare arrays, NDJSON; .gz or not), takes the same number of events
from each (N, default: the smallest side), spread evenly over the side (the S3 layout sorts files by account and
region, so a side's first events would be one account's first region), and prints one Markdown table, one column
per side and its ratio to the first (real) side: bytes per event
(compact JSON), gzip ratio (compact Records JSON of 1,000 events a file, gzip level 6, as CloudTrail delivers busy
trails), distinct values per 1,000 events of the fields that size an index's terms, nested leaves per event in
requestParameters and responseElements, the share of large requestParameters, errors and top-level fields.
Only the standard library; independent of trailindex's own code.
"""
import gzip
import json
import os
import statistics
import sys

FIELDS = ["eventName", "eventSource", "awsRegion", "sourceIPAddress", "userAgent", "userIdentity.arn",
          "userIdentity.accessKeyId", "userIdentity.principalId", "recipientAccountId", "errorCode"]


def events_of(path):
    raw = open(path, "rb").read()
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError):
            return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    try:
        doc = json.loads(text)
    except ValueError:
        for line in text.splitlines():
            try:
                e = json.loads(line)
            except ValueError:
                continue
            if isinstance(e, dict) and "eventName" in e:
                yield e
        return
    if isinstance(doc, dict) and isinstance(doc.get("Records"), list):
        doc = doc["Records"]
    if isinstance(doc, dict):
        doc = [doc]
    if isinstance(doc, list):
        for e in doc:
            if isinstance(e, dict) and "eventName" in e:
                yield e


def walk(dirs):
    for d in dirs:
        for root, subdirs, files in os.walk(d):
            subdirs.sort()
            if "CloudTrail-Digest" in root:
                continue
            for f in sorted(files):
                if f.endswith((".json", ".json.gz", ".jsonl", ".ndjson", ".gz")):
                    yield from events_of(os.path.join(root, f))


def get(e, dotted):
    for part in dotted.split("."):
        if not isinstance(e, dict):
            return None
        e = e.get(part)
    return e


def leaves(v):
    if isinstance(v, dict):
        return sum(leaves(x) for x in v.values())
    if isinstance(v, list):
        return sum(leaves(x) for x in v)
    return 0 if v is None else 1


def compact(o):
    return json.dumps(o, separators=(",", ":"), ensure_ascii=False)


def measure(events):
    n = len(events)
    sizes = [len(compact(e).encode("utf-8")) for e in events]
    raw = gz = 0
    for i in range(0, n, 1000):
        body = compact({"Records": events[i:i + 1000]}).encode("utf-8")
        raw += len(body)
        gz += len(gzip.compress(body, 6))
    out = {
        "events": n,
        "bytes per event (mean)": statistics.mean(sizes),
        "bytes per event (median)": statistics.median(sizes),
        "gzip ratio": raw / gz,
    }
    for f in FIELDS:
        vals = {json.dumps(get(e, f)) for e in events if get(e, f) is not None}
        out[f"distinct {f} per 1k events"] = len(vals) * 1000 / n
    req = [leaves(e.get("requestParameters")) for e in events]
    resp = [leaves(e.get("responseElements")) for e in events]
    out["requestParameters leaves per event (mean)"] = statistics.mean(req)
    out["responseElements leaves per event (mean)"] = statistics.mean(resp)
    big = [len(compact(e.get("requestParameters")).encode()) for e in events]
    out["requestParameters > 1 KB (share)"] = sum(b > 1024 for b in big) / n
    out["requestParameters > 10 KB (share)"] = sum(b > 10240 for b in big) / n
    out["errors (share)"] = sum(1 for e in events if e.get("errorCode")) / n
    out["top-level fields per event (mean)"] = statistics.mean(len(e) for e in events)
    return out


def spread(events, n):
    """n events taken evenly over the list, in order."""
    if n >= len(events):
        return events
    step = len(events) / n
    return [events[int(i * step)] for i in range(n)]


def main(argv):
    sample = None
    if argv[:1] == ["--sample"]:
        sample = int(argv[1])
        argv = argv[2:]
    if "--" not in argv:
        sys.exit("usage: calibrate.py [--sample N] REAL_DIR... -- GENERATED_DIR... [-- OTHER_GENERATED_DIR...]")
    groups, cur = [], []
    for a in argv:
        if a == "--":
            groups.append(cur)
            cur = []
        else:
            cur.append(a)
    groups.append(cur)
    sides = [list(walk(g)) for g in groups]
    names = ["real"] + [", ".join(os.path.basename(os.path.normpath(d)) for d in g) for g in groups[1:]]
    n = min(len(s) for s in sides)
    if sample:
        n = min(n, sample)
    if n == 0:
        sys.exit("calibrate.py: no events on one side")
    results = [measure(spread(s, n)) for s in sides]
    head = f"| measure ({n:,} events each) | real |"
    rule = "|---|---|"
    for name in names[1:]:
        head += f" {name} | ÷ real |"
        rule += "---|---|"
    print(head)
    print(rule)
    for k in results[0]:
        fmt = (lambda v: f"{v:,.0f}") if k == "events" else (lambda v: f"{v:,.3f}" if v < 10 else f"{v:,.1f}")
        row = f"| {k} | {fmt(results[0][k])} |"
        for r in results[1:]:
            ratio = "" if not results[0][k] else f"{r[k] / results[0][k]:.2f}"
            row += f" {fmt(r[k])} | {ratio} |"
        print(row)


if __name__ == "__main__":
    main(sys.argv[1:])
