#!/usr/bin/env python3
"""Per S3 bucket: how many unique corpus events touched it, by ARN anywhere or by requestParameters.bucketName.

Independent of trailindex: the corpus is read by corpus_expectations.py's own reader (first copy of an eventID
wins), and an event "touches" bucket B when any string in it holds the ARN arn:aws:s3:::B (a whole ARN, not
arn:aws:s3:::B/key) or its requestParameters.bucketName is B. Prints {"buckets": {B: count}, "by_name_only": n,
"bucket_name_values": {lower-case value: events}, "events_with_bucket_name": n}: the last two are what a facet on the
nested path requestParameters.bucketName must count.
"""
import argparse
import json
import re
import sys

import corpus_expectations as ce

ARN = re.compile(r"arn:aws[a-z-]*:s3:::([^\s\"'<>,;()\[\]{}]+)")


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def bucket_arns(event):
    out = set()
    for s in strings(event):
        for m in ARN.finditer(s):
            whole = m.group(1).rstrip(".")
            if "/" not in whole:
                out.add(whole.lower())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    args = ap.parse_args()
    _results, unique, _stats = ce.ingest(args.corpus)
    counts, by_name_only = {}, 0
    names, with_name = {}, 0
    for event, _rel in unique:
        named = set()
        params = event.get("requestParameters")
        if isinstance(params, dict) and params.get("bucketName") is not None:
            values = params["bucketName"] if isinstance(params["bucketName"], list) else [params["bucketName"]]
            values = [v for v in values if v is not None and not isinstance(v, (dict, list))]
            if values:
                with_name += 1
            for v in set(str(v).lower() if not isinstance(v, bool) else str(v).lower() for v in values):
                names[v] = names.get(v, 0) + 1
        if isinstance(params, dict) and isinstance(params.get("bucketName"), str):
            named.add(params["bucketName"].lower())
        arns = bucket_arns(event)
        for b in named | arns:
            counts[b] = counts.get(b, 0) + 1
        if named - arns:
            by_name_only += 1
    json.dump({"buckets": counts, "by_name_only": by_name_only, "bucket_name_values": names,
               "events_with_bucket_name": with_name}, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
