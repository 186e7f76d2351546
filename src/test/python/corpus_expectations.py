#!/usr/bin/env python3
"""Independent expectations for indexing the real CloudTrail corpus.

Re-implements trailindex's documented ingestion rules (walking, gzip sniffing,
stream / line parsing, shape classification, first-wins dedup, time rules,
derived credential kinds) with the Python standard library only, and prints one
JSON object (keys sorted) on stdout.  The Java test suite compares trailindex's
output with it.  Self-checks against the counts in the corpus README.md go to
stderr; they never change the numbers printed.

Usage: python3 src/test/python/corpus_expectations.py --corpus ../shared/corpus
"""
import argparse
import base64
import collections
import datetime
import hashlib
import json
import os
import re
import sys
import zlib

EVENT_KEYS = ("eventVersion", "eventName", "eventSource", "eventID", "eventTime", "userIdentity")
DIGEST_KEYS = ("digestStartTime", "digestEndTime", "digestS3Object")
# An event holds a non-empty name or time; an object with only eventVersion and userIdentity is not one.
NEEDS_ONE_OF = ("eventName", "eventTime", "@timestamp")
LINE_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
JSON_WS = " \t\n\r"
TIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?"
                     r"(Z|[+-]\d{2}:?\d{2})?$", re.ASCII)
IDENTITY_KINDS = {"Root": "root", "IAMUser": "iam-user", "AssumedRole": "assumed-role",
                  "FederatedUser": "federated", "SAMLUser": "federated", "WebIdentityUser": "federated",
                  "AWSService": "aws-service", "AWSAccount": "aws-account",
                  "IdentityCenterUser": "identity-center"}


def _reject_constant(name):
    """Jackson (trailindex's parser) rejects NaN/Infinity; so do we."""
    raise ValueError("non-standard JSON constant " + name)


DECODER = json.JSONDecoder(parse_constant=_reject_constant)


class ParseBreak(Exception):
    """A JSON error that stops parsing; `truncated` when it is at end of input.

    `partial` is (salvaged fields, start) when the break cut a record of an array short (see salvage).
    """

    def __init__(self, truncated):
        super().__init__("truncated-json" if truncated else "invalid-json")
        self.reason = str(self)
        self.truncated = truncated
        self.partial = None


# ----------------------------------------------------------------------------- reading

def walk(corpus):
    """Return the sorted POSIX relative paths of all regular, non-dot files under corpus."""
    paths = []
    for root, _dirs, names in os.walk(corpus):
        for name in names:
            full = os.path.join(root, name)
            if name.startswith(".") or os.path.islink(full) or not os.path.isfile(full):
                continue
            paths.append(os.path.relpath(full, corpus).replace(os.sep, "/"))
    return sorted(paths)


def gunzip(data):
    """Decompress (possibly multi-member) gzip data as far as possible.

    Returns (bytes, ok).  Input is fed in small chunks so that the output produced
    before a corrupt block is kept; a stream that simply ends early is not ok either.
    """
    out, ok = [], True
    while data:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            for i in range(0, len(data), 1024):
                out.append(d.decompress(data[i:i + 1024]))
                if d.eof:
                    break
            out.append(d.flush())
        except zlib.error:
            ok = False
            break
        if not d.eof:
            ok = False
            break
        data = d.unused_data  # a further gzip member, if any
    return b"".join(out), ok


# ----------------------------------------------------------------------------- parsing

def skip_ws(text, pos):
    """Index of the first non-JSON-whitespace character at or after pos."""
    while pos < len(text) and text[pos] in JSON_WS:
        pos += 1
    return pos


def decode_at(text, pos):
    """raw_decode one JSON value at pos; translate errors into ParseBreak."""
    try:
        return DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as err:
        at_end = skip_ws(text, err.pos) >= len(text) or err.msg.startswith("Unterminated string")
        raise ParseBreak(at_end) from None
    except ValueError:
        raise ParseBreak(False) from None


def expect(text, pos, chars):
    """Skip whitespace and require one of chars; returns (char, position after it)."""
    pos = skip_ws(text, pos)
    if pos >= len(text):
        raise ParseBreak(True)
    if text[pos] not in chars:
        raise ParseBreak(False)
    return text[pos], pos + 1


def salvage(text, pos):
    """The top-level fields of the object cut short at text[pos] == '{'.

    A field is kept when its value is complete and followed by ',' or '}'; a value cut
    mid-way is dropped and so is everything after it (a number at the very end too: "12"
    may have been "123").  Returns a dict, possibly empty.
    """
    fields = {}
    pos += 1
    while True:
        pos = skip_ws(text, pos)
        if pos >= len(text) or text[pos] != '"':
            return fields
        try:
            key, pos = decode_at(text, pos)
            pos = skip_ws(text, pos)
            if pos >= len(text) or text[pos] != ":":
                return fields
            value, pos = decode_at(text, skip_ws(text, pos + 1))
        except ParseBreak:
            return fields
        pos = skip_ws(text, pos)
        if pos >= len(text) or text[pos] not in ",}":
            return fields
        fields[key] = value
        if text[pos] == "}":
            return fields
        pos += 1


def stream_array(text, pos, items):
    """Parse the array starting at text[pos] == '[' element by element.

    Each complete element is appended to items as (value, start, end) before the
    next one is read, so a break keeps everything decoded so far.  An object cut short
    by the end of input is salvaged into the ParseBreak's `partial`.  Returns end pos.
    """
    pos = skip_ws(text, pos + 1)
    if pos < len(text) and text[pos] == "]":
        return pos + 1
    while True:
        start = skip_ws(text, pos)
        try:
            value, pos = decode_at(text, start)
        except ParseBreak as brk:
            if brk.truncated and start < len(text) and text[start] == "{":
                brk.partial = (salvage(text, start), start)
            raise
        items.append((value, start, pos))
        char, pos = expect(text, pos, ",]")
        if char == "]":
            return pos


def parse_object(text, pos, arrays):
    """Parse the top-level object at text[pos] == '{' key by key.

    Records / Events arrays are streamed into arrays[key] (list of (value, start, end));
    the returned dict holds the plain element values for them.  Returns (dict, end).
    """
    obj = {}
    pos = skip_ws(text, pos + 1)
    if pos < len(text) and text[pos] == "}":
        return obj, pos + 1
    while True:
        _, pos = expect(text, pos, '"')
        key, pos = decode_at(text, pos - 1)
        _, pos = expect(text, pos, ":")
        pos = skip_ws(text, pos)
        if key in ("Records", "Events") and pos < len(text) and text[pos] == "[":
            arrays[key] = []
            pos = stream_array(text, pos, arrays[key])
            obj[key] = [v for v, _, _ in arrays[key]]
        else:
            arrays.pop(key, None)
            obj[key], pos = decode_at(text, pos)
        char, pos = expect(text, pos, ",}")
        if char == "}":
            return obj, pos


class FileResult:
    """What one input file produced: events as (event, raw text, shape), rejections, outcome."""

    def __init__(self, rel):
        self.rel = rel
        self.events = []
        self.rejected = collections.Counter()
        self.digest = self.other = False
        self.outcome, self.reason = "ok", None


def has_name_or_time(obj):
    """Whether the object holds a value that is not null or blank at one of NEEDS_ONE_OF."""
    return any(obj.get(k) is not None and not (isinstance(obj.get(k), str) and not obj.get(k).strip())
               for k in NEEDS_ONE_OF)


def add_partial(res, fields, raw):
    """Record the salvaged fields of a record cut short, if they hold a name or time (else it is lost, uncounted)."""
    if has_name_or_time(fields):
        res.events.append((fields, raw, "partial"))


def add_event(res, event, raw, shape):
    """Record an event, or reject an object that has neither name nor time."""
    if has_name_or_time(event):
        res.events.append((event, raw, shape))
    else:
        res.rejected["no-name-or-time"] += 1


def add_element(res, text, value, start, end, shape):
    """Record one element of a Records / Events / bare array as an event (or a rejection)."""
    if not isinstance(value, dict):
        res.rejected["not-an-object"] += 1
    elif shape == "Events" and isinstance(value.get("CloudTrailEvent"), str):
        add_embedded(res, value["CloudTrailEvent"])
    else:
        add_event(res, value, text[start:end], shape)


def add_embedded(res, string):
    """Record the event held as a JSON string in a lookup-events CloudTrailEvent field."""
    try:
        event = DECODER.decode(string)
    except ValueError:
        res.rejected["invalid-json"] += 1  # judgement call: an unparsable embedded event
        return
    if isinstance(event, dict):
        add_event(res, event, string, "CloudTrailEvent")
    else:
        res.rejected["not-an-object"] += 1


def classify_object(res, text, obj, start, end, arrays):
    """Apply the top-level shape rules (Records, Events, CloudTrailEvent, digest, event, other)."""
    for key in ("Records", "Events"):
        if isinstance(obj.get(key), list):
            for value, s, e in arrays[key]:
                add_element(res, text, value, s, e, key)
            return
    if isinstance(obj.get("CloudTrailEvent"), str):
        add_embedded(res, obj["CloudTrailEvent"])
    elif any(k in obj for k in DIGEST_KEYS):
        res.digest = True
    elif any(k in obj for k in EVENT_KEYS) and has_name_or_time(obj):
        res.events.append((obj, text[start:end], "object"))
    else:
        res.other = True


def parse_values(res, text):
    """Parse text as a whitespace-separated sequence of JSON values into res.

    On a break, elements of a Records/Events/top-level array completed before the
    break are kept; a partial plain object is not.  Re-raises the ParseBreak.
    """
    pos = skip_ws(text, 0)
    while pos < len(text):
        start, arrays = pos, {}
        try:
            if text[pos] == "{":
                obj, pos = parse_object(text, pos, arrays)
                classify_object(res, text, obj, start, pos, arrays)
            elif text[pos] == "[":
                items = arrays["["] = []
                pos = stream_array(text, pos, items)
                for value, s, e in items:
                    add_element(res, text, value, s, e, "array")
            else:
                _, pos = decode_at(text, pos)  # a bare scalar: judgement call, "not CloudTrail"
                res.other = True
        except ParseBreak as brk:
            container = None
            for key, shape in (("Records", "Records"), ("Events", "Events"), ("[", "array")):
                if key in arrays:
                    container = shape
                    for value, s, e in arrays[key]:
                        add_element(res, text, value, s, e, shape)
                    break
            if brk.partial is not None and container in ("Records", "array"):
                # a record of a Records or bare array cut short (lookup-events wrappers are not salvaged)
                add_partial(res, brk.partial[0], text[brk.partial[1]:])
            elif container is None and brk.truncated and text[start] == "{":
                # a single event object (a JSON line, say) cut short
                fields = salvage(text, start)
                if (any(k in fields for k in EVENT_KEYS) and not isinstance(fields.get("CloudTrailEvent"), str)
                        and not any(k in fields for k in DIGEST_KEYS)):
                    add_partial(res, fields, text[start:])
            raise
        pos = skip_ws(text, pos)


def parse_lines(res, text):
    """Line mode: each non-blank line on its own; a bad line is rejected whole (no events)."""
    for line in text.split("\n"):
        if not line.strip(JSON_WS):
            continue
        part = FileResult(res.rel)
        try:
            parse_values(part, line)
        except ParseBreak as brk:
            if any(shape == "partial" for _, _, shape in part.events):
                # the line was cut short and its event salvaged: the file is broken, the line not lost
                res.events += part.events
                if res.outcome == "ok":
                    res.outcome, res.reason = "failed", brk.reason
                continue
            res.rejected["invalid-json"] += 1
            res.outcome, res.reason = "failed", "invalid-json"
            continue
        res.events += part.events
        res.rejected.update(part.rejected)
        res.digest |= part.digest
        res.other |= part.other


def read_file(corpus, rel):
    """Read, gunzip, parse and classify one input file; returns a FileResult."""
    res = FileResult(rel)
    if "CloudTrail-Digest" in rel:
        res.outcome, res.reason = "skipped", "digest"
        return res
    with open(os.path.join(corpus, rel), "rb") as fh:
        data = fh.read()
    gz_ok = True
    if data[:2] == b"\x1f\x8b":
        data, gz_ok = gunzip(data)
    stripped = data.lstrip(JSON_WS.encode())
    if gz_ok and not stripped[:1] in (b"{", b"["):
        res.outcome, res.reason = "skipped", "not-json"
        return res
    # surrogateescape keeps the text -> bytes round trip exact even for invalid UTF-8
    text = data.decode("utf-8", "surrogateescape")
    try:
        if rel.endswith(LINE_SUFFIXES):
            parse_lines(res, text)
        else:
            parse_values(res, text)
    except ParseBreak as brk:
        res.outcome, res.reason = "failed", brk.reason
    if not gz_ok:
        res.outcome, res.reason = "failed", "corrupt-gzip"
    elif res.outcome == "ok" and not res.events and not res.rejected and (res.digest or res.other):
        res.outcome, res.reason = "skipped", "digest" if res.digest else "not-cloudtrail"
    elif res.outcome == "ok" and res.rejected:
        # A file whose own values were rejected (not events) is reported as failed, by its first rejection.
        res.outcome, res.reason = "failed", sorted(res.rejected)[0]
    return res


# ----------------------------------------------------------------------------- per-event rules

def canonical(event):
    """Canonical JSON text of an event (used for content hashes and conflict checks)."""
    return json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def identity(event):
    """Dedup key: the eventID if a non-empty string, else a hash of the canonical content."""
    eid = event.get("eventID")
    if isinstance(eid, str) and eid:
        return "id:" + eid
    return "sha256:" + hashlib.sha256(canonical(event).encode("utf-8", "surrogatepass")).hexdigest()


def parse_time(raw):
    """Parse a timestamp by the documented regex; returns (aware UTC datetime, nanos, no_zone) or None."""
    m = TIME_RE.match(raw)
    if not m:
        return None
    year, month, day, hour, minute = (int(g) for g in m.groups()[:5])
    second = int(m.group(6) or 0)
    nanos = int((m.group(7) or ".")[1:].ljust(9, "0") or 0)
    zone = m.group(8)
    offset = 0
    if zone and zone != "Z":
        digits = zone[1:].replace(":", "")
        oh, om = int(digits[:2]), int(digits[2:])
        if om > 59 or oh * 60 + om > 18 * 60:  # java.time.ZoneOffset limits
            return None
        offset = (oh * 60 + om) * (1 if zone[0] == "+" else -1)
    try:
        local = datetime.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    utc = (local - datetime.timedelta(minutes=offset)).replace(tzinfo=datetime.timezone.utc)
    return utc, nanos, zone is None


def time_of(event):
    """Apply the time rules; returns ((datetime, nanos) or None, list of flags)."""
    raw = event.get("eventTime")
    flags = []
    if not (isinstance(raw, str) and raw):
        raw = event.get("@timestamp")
        if not (isinstance(raw, str) and raw):
            return None, ["time-missing"]
        flags.append("time-fallback")
    parsed = parse_time(raw)
    if parsed is None:
        return None, flags + ["time-unparseable"]
    if parsed[2]:
        flags.append("time-no-zone")
    return parsed[:2], flags


def iso_millis(when):
    """Format (datetime, nanos) as ISO-8601 UTC with millisecond precision (truncated)."""
    dt, nanos = when
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (nanos // 1_000_000)


def credential_kind(event):
    """Derived credential kind from userIdentity.type."""
    ui = event.get("userIdentity")
    if not isinstance(ui, dict) or ui.get("type") is None:
        return "none"
    return IDENTITY_KINDS.get(ui["type"], "unknown")


def access_key_kind(event):
    """Derived access key kind from userIdentity.accessKeyId."""
    ui = event.get("userIdentity")
    key = ui.get("accessKeyId") if isinstance(ui, dict) else None
    if not isinstance(key, str) or not key:
        return "none"
    return "long-term" if key.startswith("AKIA") else "temporary" if key.startswith("ASIA") else "other"


def values_at(value, parts):
    """All leaf values at a dotted path; a list anywhere on the path means 'any element'."""
    if isinstance(value, list):
        return [leaf for item in value for leaf in values_at(item, parts)]
    if not parts:
        return [value]
    if isinstance(value, dict) and parts[0] in value:
        return values_at(value[parts[0]], parts[1:])
    return []


# Fields the schema types as boolean: trailindex reads the strings "True"/"FALSE" there as booleans too.
BOOLEAN_FIELDS = {"readOnly", "managementEvent", "sessionCredentialFromConsole",
                  "userIdentity.sessionContext.attributes.mfaAuthenticated"}


def strings_at(event, path):
    """Distinct string forms of the scalar leaves at path (booleans as true/false, no nulls)."""
    out = set()
    for leaf in values_at(event, path.split(".")):
        if isinstance(leaf, bool):
            out.add("true" if leaf else "false")
        elif isinstance(leaf, str) and path in BOOLEAN_FIELDS and leaf.strip().lower() in ("true", "false"):
            out.add(leaf.strip().lower())
        elif isinstance(leaf, str):
            out.add(leaf)
        elif isinstance(leaf, (int, float)):
            out.add(json.dumps(leaf))
    return out


# ----------------------------------------------------------------------------- whole corpus

def top_set(rel):
    """The top-level corpus folder a file belongs to ('.' for files at the root)."""
    return rel.split("/", 1)[0] if "/" in rel else "."


def ingest(corpus):
    """Read every file in walk order and apply first-wins dedup.

    Returns (file results, unique events as (event, rel), stats dict).
    """
    results, unique, first = [], [], {}
    per_set = collections.defaultdict(lambda: collections.Counter(files=0, events_read=0, unique=0))
    id_count = collections.Counter()
    conflicts = []
    winner_at = {}   # key -> index in unique; a whole copy replaces a partial winner
    copies = collections.defaultdict(dict)  # key -> {raw text of a whole copy: (rel, record) first seen}
    for rel in walk(corpus):
        res = read_file(corpus, rel)
        results.append(res)
        stats = per_set[top_set(rel)]
        stats["files"] += 1
        stats[res.outcome] += 1
        for record, (event, raw, shape) in enumerate(res.events):
            stats["events_read"] += 1
            key = identity(event)
            id_count[key] += 1
            partial = shape == "partial"
            if not partial and key.startswith("id:"):
                # events keyed by their content have the same content by construction: no conflicts
                copies[key].setdefault(raw, (rel, record))
            if key not in first:
                first[key] = (canonical(event) if key.startswith("id:") else None, rel, partial)
                winner_at[key] = len(unique)
                unique.append((event, rel))
                stats["unique"] += 1
            elif first[key][2] and not partial:
                # whole beats partial, wherever it is in walk order
                first[key] = (canonical(event) if key.startswith("id:") else None, rel, False)
                unique[winner_at[key]] = (event, rel)
            elif first[key][0] is not None and not partial and first[key][0] != canonical(event):
                conflicts.append({"eventID": key[3:], "first": first[key][1], "other": rel})
    return results, unique, {"per_set": per_set, "id_count": id_count, "conflicts": conflicts,
                             "copy_conflicts": copy_conflicts(copies)}


def copy_conflicts(copies):
    """Conflicting copies: whole copies of one eventID whose exact bytes differ.

    Per key, every distinct raw text beyond the first is one conflicting copy; the indexed
    copy is the first whole copy in walk order, and each other text is placed where it was
    first seen.  Returns {"copies": n, "pairs": [...]} with pairs sorted like trailindex's report.
    """
    pairs = []
    for key, texts in copies.items():
        if len(texts) < 2:
            continue
        places = list(texts.values())   # insertion order is walk order
        winner = places[0]
        for rel, record in places[1:]:
            pairs.append({"eventID": key.split(":", 1)[1] if key.startswith("id:") else key,
                          "file": winner[0], "record": winner[1], "copyFile": rel, "copyRecord": record})
    pairs.sort(key=lambda p: (p["eventID"], p["copyFile"], p["copyRecord"]))
    return {"copies": len(pairs), "pairs": pairs}


def top_counts(unique, path, limit=10):
    """Value counts at path over unique events: top `limit` (count desc, value asc) and totals."""
    counts = collections.Counter()
    with_value = 0
    for event, _rel in unique:
        values = strings_at(event, path) - {""}  # judgement call: empty strings are not facet values
        with_value += bool(values)
        counts.update(values)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return {"top": [[v, n] for v, n in ranked[:limit]], "distinct": len(counts), "events_with_value": with_value}


def summarise_time(unique):
    """Time flag counts and min/max parsed time over unique events."""
    flags = collections.Counter({f: 0 for f in ("time-fallback", "time-missing", "time-no-zone",
                                                "time-unparseable")})
    parsed = []
    for event, _rel in unique:
        when, event_flags = time_of(event)
        flags.update(event_flags)
        if when is not None:
            parsed.append(when)
    return dict(flags), iso_millis(min(parsed)), iso_millis(max(parsed))


# (field, value) pairs chosen by looking at the data; hit counts are computed, never hard-coded.
QUERIES = [
    ("eventName", "ConsoleLogin"),
    ("userIdentity.type", "Root"),
    ("errorCode", "AccessDenied"),
    ("awsRegion", "sa-east-1"),
    ("recipientAccountId", "974349055189"),
    ("eventSource", "s3.amazonaws.com"),
    ("readOnly", "false"),        # booleans; one panther event has the *string* "True",
    ("readOnly", "true"),         # which trailindex reads as the boolean true (BOOLEAN_FIELDS)
    ("sourceIPAddress", "37.15.201.180"),               # most frequent IP (grycap)
    ("userIdentity.arn", "arn:aws:iam::974349055189:user/alucloud171"),
    ("userIdentity.accessKeyId", "ASIAJPARIVD3SHUIOTCQ"),
    ("requestParameters.bucketName", "elasticbeanstalk-us-east-1-974349055189"),
    ("requestParameters.instancesSet.items.instanceId", "i-00a50652d1f306bd3"),  # list on the path
    ("userIdentity.sessionContext.sessionIssuer.arn", "arn:aws:iam::974349055189:role/aws-opsworks-service-role"),
    ("resources.ARN", "arn:aws:kms:us-east-1:974349055189:key/5fc43618-9206-4ba1-a6c5-8f2a17db8d26"),
    ("sourceIPAddress", "253.252.51.07"),               # stratus: anonymised, not a valid IPv4 literal
    ("requestParameters.roleName", "stratus-red-team-malicious-iam-role"),  # stratus
    ("eventSource", "cloudtrail.amazonaws.com"),
]
EXISTS = ["errorCode", "userIdentity.sessionContext.sessionIssuer.arn"]


def run_queries(unique):
    """Hit counts for QUERIES and non-null, non-empty counts for EXISTS over unique events."""
    queries = [{"field": f, "value": v, "hits": sum(v in strings_at(e, f) for e, _ in unique)}
               for f, v in QUERIES]
    exists = {f: sum(any(x is not None and x != "" for x in values_at(e, f.split(".")))
                     for e, _ in unique) for f in EXISTS}
    return queries, exists


def pick_show(results, id_count):
    """Pick 3 events whose eventID occurs exactly once in the corpus, first in walk order:
    one from a .json.gz Records file, one ndjson line, one lookup-events CloudTrailEvent string."""
    wanted = {"records-gz": None, "ndjson-line": None, "cloudtrailevent-string": None}
    for res in results:
        for event, raw, shape in res.events:
            eid = event.get("eventID")
            if not (isinstance(eid, str) and eid) or id_count["id:" + eid] != 1:
                continue
            if shape == "Records" and res.rel.endswith(".json.gz"):
                kind = "records-gz"
            elif shape == "object" and res.rel.endswith((".ndjson", ".ndjson.gz")):
                kind = "ndjson-line"
            elif shape == "CloudTrailEvent":
                kind = "cloudtrailevent-string"
            else:
                continue
            if wanted[kind] is None:
                # raw is the source text slice (or the decoded CloudTrailEvent string);
                # surrogateescape restores the original bytes exactly
                data = raw.encode("utf-8", "surrogateescape")
                assert json.loads(data) == event, res.rel  # the slice really is this event
                wanted[kind] = {"eventID": eid, "path": res.rel,
                                "bytes_base64": base64.b64encode(data).decode("ascii")}
    return wanted


def partial_events(results):
    """Events salvaged from records cut short: how many, and each one's file, fields and exact cut bytes."""
    found = [{"path": res.rel, "fields": sorted(event), "bytes_base64":
              base64.b64encode(raw.encode("utf-8", "surrogateescape")).decode("ascii")}
             for res in results for event, raw, shape in res.events if shape == "partial"]
    return {"count": len(found), "events": found}


def expectations(corpus):
    """Compute the whole expectations document (a dict) for the corpus."""
    results, unique, stats = ingest(corpus)
    outcomes = collections.Counter(r.outcome for r in results)
    rejected = collections.Counter()
    for res in results:
        rejected.update(res.rejected)
    flags, tmin, tmax = summarise_time(unique)
    queries, exists = run_queries(unique)
    conflicts = stats["conflicts"]
    cross = [c for c in conflicts if c["first"] != c["other"]]
    facets = {path: top_counts(unique, path) for path in
              ("eventSource", "eventName", "awsRegion", "userIdentity.type", "errorCode")}
    for name, fn in (("credentialKind", credential_kind), ("accessKeyKind", access_key_kind)):
        counts = collections.Counter(fn(e) for e, _ in unique)
        facets[name] = dict(counts)
    per_set = {}
    for name, c in stats["per_set"].items():
        per_set[name] = {"files": c["files"], "events_read": c["events_read"], "unique": c["unique"],
                         "outcomes": {o: c[o] for o in ("ok", "failed", "skipped")}}
    events_read = sum(c["events_read"] for c in stats["per_set"].values())
    return {
        "per_set": per_set,
        "files": {"total": len(results), **{o: outcomes[o] for o in ("ok", "failed", "skipped")}},
        "skipped_by_reason": dict(collections.Counter(r.reason for r in results if r.outcome == "skipped")),
        "failed_by_reason": dict(collections.Counter(r.reason for r in results if r.outcome == "failed")),
        "failed_files": [r.rel for r in results if r.outcome == "failed"],
        "rejected_events_by_reason": dict(rejected),
        "events_read": events_read,
        "unique": len(unique),
        # plain duplicates: copies that are neither the indexed one nor a conflicting copy
        "duplicates": events_read - len(unique) - stats["copy_conflicts"]["copies"],
        "copy_conflicts": stats["copy_conflicts"],
        "partial": partial_events(results),
        # conflicts: duplicate copies (same eventID) whose canonical content differs from the first copy
        "conflicts": {"copies": len(conflicts),
                      "event_ids": len({c["eventID"] for c in conflicts}),
                      "cross_file_copies": len(cross),
                      "cross_file_first_10": cross[:10]},
        "time_flags": flags,
        "time_min": tmin,
        "time_max": tmax,
        "facets": facets,
        "queries": queries,
        "exists": exists,
        "show": pick_show(results, stats["id_count"]),
    }, results


# ----------------------------------------------------------------------------- README cross-check

def readme_checks(results):
    """Compare per-set numbers with the corpus README; returns a list of mismatch messages.

    The numbers are computed over events READ in each set (duplicates included), as the
    README counts.  Known, explained differences (all checked against the data):
    * grycap "17,601 unique eventIDs": 17,601 is the number of distinct event *contents*.
      eventID 11111111111111111 occurs with two contents (the hand-edited
      examples/prueba/*.json.gz.blob-27cf27f4 says user alucloud193 where the .json says
      alucloud192), so there are 17,600 distinct eventIDs -- which is what the README's own
      "1,433 duplicate eventIDs" implies (19,033 - 1,433).  The two .blob-* files are real
      gzip files (content decides) and the README does count them: 1,114 files and 19,033
      events include their 11 + 10 events.
    * "301 distinct event names" (grycap), "201 event names" (panther): the README counts
      distinct (eventSource, eventName) pairs; distinct eventName strings are 293 and 192.
    * parser-edge-cases 39: the first Records element of SerializerTestFileBadFieldName.json
      and of SerializerTestFileNewFieldName.json has every key renamed (eventVersionWrong,
      eventVersion1, ...).  trailindex's rule makes every object in Records an event, so we
      read 41; the README evidently left out the two elements with no CloudTrail key.
    * aws-docs-examples "23 events": that is events.ndjson alone.  lookup-events-insights.json
      is NOT {"CloudTrailEvent": "<string>"} entries as the README says: its Events array holds
      2 plain Insights event objects, which count as events (25 in total).
    * seed-examples "2 (+1 broken copy)" and malformed-and-compact "2 (+1 broken file)": the
      broken seed copy yields its event up to the stray brace (which cuts off eventID, so it is
      not a duplicate); bad_cloudtrail.json breaks inside its first event, whose whole top-level
      fields (name and time among them) are salvaged as one partial event: 3 events.
    """
    sets = collections.defaultdict(lambda: {"files": 0, "events": []})
    for res in results:
        sets[top_set(res.rel)]["files"] += 1
        sets[top_set(res.rel)]["events"].extend(e for e, _, _ in res.events)

    def present(event, key):
        return event.get(key) not in (None, "")

    def measure(name):
        events = sets[name]["events"]
        ids = [e.get("eventID") for e in events if present(e, "eventID")]
        return {
            "files": sets[name]["files"],
            "events": len(events),
            "distinct eventIDs": len(set(ids)),
            "duplicate eventIDs": len(ids) - len(set(ids)),
            "error events": sum(present(e, "errorCode") for e in events),
            "error codes": len({e["errorCode"] for e in events if present(e, "errorCode")}),
            "event names": len({e["eventName"] for e in events if present(e, "eventName")}),
            "without eventTime": sum(not present(e, "eventTime") for e in events),
            "without eventID": sum(not present(e, "eventID") for e in events),
            "accounts": len({e.get("recipientAccountId") for e in events if present(e, "recipientAccountId")}),
        }

    expected = {
        "seed-examples": {"files": 3, "events": 3},
        "grycap-alucloud": {"files": 1114, "events": 19033, "distinct eventIDs": 17601,
                            "duplicate eventIDs": 1433, "error events": 1605, "error codes": 30,
                            "event names": 301},
        "stratus-detonations": {"files": 35, "events": 310, "error events": 52, "accounts": 35},
        "panther-rule-tests": {"events": 462, "without eventTime": 13, "without eventID": 52,
                               "event names": 201, "error events": 65},
        "aws-docs-examples": {"events": 23},
        "parser-edge-cases": {"events": 39},
        "lookup-events-jsonl": {"events": 6},
        "malformed-and-compact": {"files": 3, "events": 2},
        "logstash-shaped": {"events": 103},
    }
    explain = {
        ("grycap-alucloud", "distinct eventIDs"): "README counts distinct contents; eventID "
            "11111111111111111 has two (prueba .json vs .blob-27cf27f4); 19,033 - 1,433 = 17,600",
        ("grycap-alucloud", "event names"): "README counts (eventSource, eventName) pairs",
        ("panther-rule-tests", "event names"): "README counts (eventSource, eventName) pairs",
        ("parser-edge-cases", "events"): "2 Records elements with every key renamed are events by "
            "trailindex's rule (Records elements are always events); README left them out",
        ("aws-docs-examples", "events"): "README counts events.ndjson only; lookup-events-insights.json "
            "adds 2 plain Insights event objects (no CloudTrailEvent strings in it)",
        ("malformed-and-compact", "events"): "bad_cloudtrail.json is cut inside its first event, whose whole "
            "top-level fields are salvaged as a partial event",
    }
    problems = []
    for name, checks in expected.items():
        actual = measure(name)
        for what, want in checks.items():
            if actual[what] != want:
                why = explain.get((name, what), "UNEXPLAINED")
                problems.append("%s: %s README %s, computed %s (%s)" % (name, what, want, actual[what], why))
    pairs = {n: len({(e.get("eventSource"), e.get("eventName")) for e in sets[n]["events"]})
             for n in ("grycap-alucloud", "panther-rule-tests")}
    if pairs != {"grycap-alucloud": 301, "panther-rule-tests": 201}:
        problems.append("(eventSource, eventName) pairs %s, expected 301 / 201: UNEXPLAINED" % pairs)
    return problems


def main():
    """Parse arguments, compute, print the JSON on stdout and README mismatches on stderr."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="the corpus directory (../shared/corpus)")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        sys.exit("corpus directory not found: " + args.corpus)
    doc, results = expectations(args.corpus)
    json.dump(doc, sys.stdout, sort_keys=True, indent=1)
    sys.stdout.write("\n")
    for problem in readme_checks(results):
        print("README mismatch: " + problem, file=sys.stderr)


if __name__ == "__main__":
    main()
