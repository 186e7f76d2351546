#!/usr/bin/env python3
"""OpenSearch as a peer of trailindex, with the standard library only (used by benchmarks/peer-opensearch.sh).

    os_peer.py load URL INDEX LOGS_DIR [SENDERS]     create the index (a CloudTrail mapping) and bulk-load every event
    os_peer.py bench URL INDEX NAME=ARG...           the benchmark's questions warm; JSON lines like QueryBench's

Loading: SENDERS processes (default 2) each take every other delivery file, gunzip and parse it, and send its events
as bulk requests of about 5 MB with the eventID as the document id (so a repeated delivery overwrites itself, as
trailindex keeps one copy). Refresh is off during the load and the index is refreshed and flushed at the end.

The mapping is what a careful user writes for CloudTrail (after Elastic's CloudTrail integration): eventTime a date,
sourceIPAddress a keyword with an ip sub-field (it also holds service names), errorMessage text, every other string a
keyword (ignore_above 1024, so the rare 200 KB policy is kept in _source but not indexed), numbers and booleans as
keywords too (their types vary across services, which would reject documents), and every string also copied into one
full-text field, all_text, for bare words (trailindex has the same catch-all).
"""
import gzip
import http.client
import json
import multiprocessing
import os
import statistics
import sys
import time
import urllib.parse

LEAF = {"type": "keyword", "ignore_above": 1024, "copy_to": "all_text"}
MAPPING = {
    "settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "-1",
                 "index.mapping.total_fields.limit": 5000, "index.mapping.depth.limit": 40},
    "mappings": {
        "dynamic": "true", "date_detection": False, "numeric_detection": False,
        "dynamic_templates": [
            {"strings": {"match_mapping_type": "string", "mapping": LEAF}},
            {"longs": {"match_mapping_type": "long", "mapping": LEAF}},
            {"doubles": {"match_mapping_type": "double", "mapping": LEAF}},
            {"booleans": {"match_mapping_type": "boolean", "mapping": LEAF}},
        ],
        "properties": {
            "eventTime": {"type": "date"},
            "sourceIPAddress": {"type": "keyword", "copy_to": "all_text",
                                "fields": {"ip": {"type": "ip", "ignore_malformed": True}}},
            "errorMessage": {"type": "text", "copy_to": "all_text"},
            "all_text": {"type": "text"},
        },
    },
}


class Client:
    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)

    def call(self, method, path, body=None, ctype="application/json"):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        self.conn.request(method, path, body=body, headers={"Content-Type": ctype} if body is not None else {})
        r = self.conn.getresponse()
        data = r.read()
        if r.status >= 300:
            raise RuntimeError(f"{method} {path}: {r.status} {data[:500]!r}")
        return data


def events_of(path):
    with gzip.open(path, "rb") as f:
        doc = json.loads(f.read())
    return doc.get("Records", []) if isinstance(doc, dict) else doc


def send(args):
    url, index, files = args
    c = Client(url)
    buf, size, sent, failed = [], 0, 0, 0

    def flush():
        nonlocal buf, size, sent, failed
        if not buf:
            return
        r = json.loads(c.call("POST", f"/{index}/_bulk", b"".join(buf), "application/x-ndjson"))
        if r.get("errors"):
            for item in r["items"]:
                st = item["index"]
                if st.get("error"):
                    failed += 1
                    if failed <= 3:
                        print("bulk error:", json.dumps(st["error"])[:400], file=sys.stderr)
        sent += len(buf) // 2
        buf, size = [], 0

    for path in files:
        for e in events_of(path):
            meta = {"index": {"_id": e["eventID"]}} if e.get("eventID") else {"index": {}}
            line = json.dumps(e, ensure_ascii=False, separators=(",", ":")).encode()
            buf.append(json.dumps(meta).encode() + b"\n")
            buf.append(line + b"\n")
            size += len(line)
            if size > 5_000_000:
                flush()
    flush()
    return sent, failed


def load(url, index, logs, senders):
    files = []
    for root, _dirs, names in os.walk(logs):
        files += [os.path.join(root, n) for n in names if n.endswith(".json.gz")]
    files.sort()
    c = Client(url)
    try:
        c.call("DELETE", f"/{index}")
    except RuntimeError:
        pass
    t0 = time.time()
    c.call("PUT", f"/{index}", MAPPING)
    with multiprocessing.Pool(senders) as pool:
        results = pool.map(send, [(url, index, files[i::senders]) for i in range(senders)])
    c.call("POST", f"/{index}/_refresh")
    c.call("POST", f"/{index}/_flush")
    secs = time.time() - t0
    stats = json.loads(c.call("GET", f"/{index}/_stats/store,docs"))["indices"][index]["primaries"]
    print(json.dumps({"seconds": round(secs, 2), "sent": sum(r[0] for r in results), "failed": sum(r[1] for r in results),
                      "docs": stats["docs"]["count"], "store_bytes": stats["store"]["size_in_bytes"], "senders": senders}))


def question(name, arg):
    newest = [{"eventTime": "desc"}, {"_id": "asc"}]
    if name in ("count", "all", "page"):
        q = {"term": {"userIdentity.accessKeyId": arg}}
    elif name == "facet":
        return {"size": 0, "track_total_hits": True, "aggs": {"names": {"terms": {"field": "eventName", "size": 10}}}}
    elif name == "window":
        a, b = arg.split("|")
        q = {"range": {"eventTime": {"gte": a, "lte": b}}}
    elif name == "nested":
        q = {"term": {"requestParameters.bucketName": arg}}
    elif name == "word":
        q = {"match": {"all_text": arg}}
    elif name == "cidr":
        q = {"term": {"sourceIPAddress.ip": arg}}
    else:
        raise SystemExit(f"no such question: {name}")
    size = {"count": 0, "all": 10000, "page": 100}.get(name, 100)
    return {"query": q, "size": size, "sort": newest, "track_total_hits": True}


def bench(url, index, questions):
    c = Client(url)
    for spec in questions:
        label, arg = spec.split("=", 1)
        name = label.split("-")[0]
        body = json.dumps(question(name, arg)).encode()
        path = f"/{index}/_search"
        r = json.loads(c.call("POST", path, body))
        hits, returned = r["hits"]["total"]["value"], len(r["hits"]["hits"])
        warm, runs = (3, 15) if name == "all" else (5, 30)
        times, took, nbytes = [], [], 0
        for i in range(warm + runs):
            s = time.perf_counter()
            data = c.call("POST", path, body)
            e = time.perf_counter() - s
            if i >= warm:
                times.append(e * 1000)
                took.append(json.loads(data)["took"])
                nbytes = len(data)
        times.sort()
        print(json.dumps({"name": label, "hits": hits, "rows": returned, "bytes": nbytes, "median_ms": round(statistics.median(times), 3),
                          "p95_ms": round(times[int(len(times) * 0.95)], 3), "took_median_ms": statistics.median(took), "runs": runs}))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "load":
        load(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]) if len(sys.argv) > 5 else 2)
    elif cmd == "bench":
        bench(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        raise SystemExit(__doc__)
