#!/usr/bin/env python3
"""Independent expectations for Sigma rules on the real CloudTrail corpus.

A small evaluator of Sigma semantics written from the Sigma specification and the
facts page (../shared/docs/sigma-on-cloudtrail.md), with the Python standard
library only (a YAML subset reader of its own, as PyYAML is not a given), over
the raw events as corpus_expectations.py ingests them (first-wins dedup).  It
shares no code with trailindex's Java; the Java tests compare `detect` with it.

Semantics (the project's documented reading):
- strings match case-insensitively, whole value; * and ? wildcards; \\ escapes * ? \\;
  |cased keeps case; |re is a case-sensitive substring search (|i |m |s flags);
- a dotted path walks through arrays (any element); a path at an object or array
  stands for every scalar below it; a key that holds dots is found too;
- JSON null and "" are no value: `null` and '' mean "no value", |exists means "has one";
- numbers and booleans match as their JSON text ('22', 'true');
- keywords (field-less lists) are *value* over every scalar of the event;
- fieldref compares with another field's values, case kept;
- v1 `| count() [by f] > N` with timeframe, and Sigma 2 correlations: windows of
  timespan from each event, non-overlapping once one fires.

Usage:
  python3 sigma_expectations.py --corpus ../shared/corpus --rules ../shared/sigma
  python3 sigma_expectations.py --self-test      (unit tests per modifier and condition form)
"""
import argparse
import base64
import datetime
import ipaddress
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


# ----------------------------------------------------------------------------- a YAML subset

def _scalar(text):
    t = text.strip()
    if t == "":
        return None
    if t.startswith("'"):
        return t[1:t.rindex("'")].replace("''", "'")
    if t.startswith('"'):
        body = t[1:t.rindex('"')]
        return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)
    if t.startswith("[") and t.endswith("]"):
        inner = t[1:-1].strip()
        return [] if not inner else [_scalar(x) for x in inner.split(",")]
    if t in ("null", "~", "Null", "NULL"):
        return None
    if t in ("true", "True", "TRUE"):
        return True
    if t in ("false", "False", "FALSE"):
        return False
    if re.fullmatch(r"[-+]?\d+", t):
        return int(t)
    return t


def _strip_comment(line):
    quote = None
    for i, c in enumerate(line):
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def load_yaml(text):
    """The documents of a YAML text (block maps, lists, scalars, | and > blocks)."""
    docs = []
    for chunk in re.split(r"(?m)^---\s*$", text):
        lines = []
        raw = chunk.split("\n")
        i = 0
        while i < len(raw):
            line = raw[i]
            m = re.match(r"^(\s*)(.*?):\s*([|>])[-+]?\s*$", line)
            if m and not m.group(2).startswith("-"):
                indent = len(m.group(1))
                block = []
                i += 1
                while i < len(raw) and (not raw[i].strip() or len(raw[i]) - len(raw[i].lstrip()) > indent):
                    block.append(raw[i].strip())
                    i += 1
                lines.append((indent, m.group(2) + ": " + json.dumps(("\n" if m.group(3) == "|" else " ").join(block))))
                continue
            stripped = _strip_comment(line)
            if stripped.strip():
                lines.append((len(stripped) - len(stripped.lstrip()), stripped.strip()))
            i += 1
        if lines:
            value, _ = _block(lines, 0, lines[0][0])
            docs.append(value)
    return docs


def _split_key(s):
    m = re.match(r"^([^'\"][^:]*?|'[^']*'|\"[^\"]*\"):(\s+(.*)|)$", s)
    if not m:
        return None
    key = m.group(1)
    if key[0] in "'\"":
        key = key[1:-1]
    return key, (m.group(3) or "")


def _block(lines, i, indent):
    if lines[i][1].startswith("- ") or lines[i][1] == "-":
        out = []
        while i < len(lines) and lines[i][0] == indent and (lines[i][1].startswith("- ") or lines[i][1] == "-"):
            rest = lines[i][1][2:].strip()
            kv = _split_key(rest) if rest else None
            if kv is None:
                if rest:
                    out.append(_scalar(rest))
                    i += 1
                else:
                    value, i = _block(lines, i + 1, lines[i + 1][0])
                    out.append(value)
                continue
            # "- key: value" starts a map whose other keys are indented to the key's column.
            sub = [(indent + 2, rest)]
            j = i + 1
            while j < len(lines) and lines[j][0] > indent:
                sub.append(lines[j])
                j += 1
            value, _ = _block(sub, 0, indent + 2)
            out.append(value)
            i = j
        return out, i
    out = {}
    while i < len(lines) and lines[i][0] == indent:
        kv = _split_key(lines[i][1])
        if kv is None:
            raise ValueError("cannot read YAML line: " + lines[i][1])
        key, rest = kv
        if rest.strip():
            out[key] = _scalar(rest)
            i += 1
        elif i + 1 < len(lines) and lines[i + 1][0] > indent:
            out[key], i = _block(lines, i + 1, lines[i + 1][0])
        elif i + 1 < len(lines) and lines[i + 1][0] == indent and lines[i + 1][1].startswith("- "):
            out[key], i = _block(lines, i + 1, indent)
        else:
            out[key] = None
            i += 1
    return out, i


# ----------------------------------------------------------------------------- values and patterns

class Untranslatable(Exception):
    pass


def text_of(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def event_values(event, field):
    """Scalar texts at a dotted path (through arrays, below objects), no null, no ''."""
    out = []

    def leaves(node):
        if node is None:
            return
        if isinstance(node, dict):
            for v in node.values():
                leaves(v)
        elif isinstance(node, list):
            for v in node:
                leaves(v)
        else:
            t = text_of(node)
            if t != "":
                out.append(t)

    def walk(node, segs, i):
        if node is None:
            return
        if isinstance(node, list):
            for e in node:
                walk(e, segs, i)
            return
        if i == len(segs):
            leaves(node)
            return
        if not isinstance(node, dict):
            return
        for j in range(i + 1, len(segs) + 1):
            key = ".".join(segs[i:j])
            if key in node:
                walk(node[key], segs, j)

    if field is None:
        leaves(event)
    else:
        walk(event, field.split("."), 0)
    return out


def glob_regex(s, before, after):
    """A Sigma string (wildcards, escapes) as a Python regex for a whole-value match."""
    parts, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s) and s[i + 1] in "*?\\":
            parts.append(re.escape(s[i + 1]))
            i += 2
            continue
        parts.append(".*" if c == "*" else "." if c == "?" else re.escape(c))
        i += 1
    body = "".join(parts)
    if before and not body.startswith(".*"):
        body = ".*" + body
    if after and not body.endswith(".*"):
        body = body + ".*"
    return body


MODIFIERS = {"contains", "startswith", "endswith", "all", "re", "i", "m", "s", "cidr", "exists", "base64",
             "base64offset", "windash", "lt", "lte", "gt", "gte", "fieldref", "expand", "cased"}


def b64offsets(s):
    val = s.encode("utf-8")
    start, end = (0, 2, 3), (0, 3, 2)
    out = []
    for i in range(3):
        enc = base64.b64encode(b" " * i + val).decode()
        cut = end[(len(val) + i) % 3]
        out.append(enc[start[i]:len(enc) - cut])
    return out


def windash(s):
    pieces = re.split(r"\B[-/]\b", s)
    variants = [pieces[0]]
    for p in pieces[1:]:
        variants = [v + d + p for v in variants for d in ("-", "/", "\u2013", "\u2014", "\u2015")]
    return variants


def make_test(mods, raw, placeholders):
    """One value -> a function(values, event) -> bool."""
    if "exists" in mods:
        return lambda have, ev: bool(have) == bool(raw)
    if raw is None or (raw == "" and "re" not in mods and "fieldref" not in mods):
        return lambda have, ev: not have
    s = text_of(raw)
    before = "contains" in mods or "endswith" in mods
    after = "contains" in mods or "startswith" in mods
    if "re" in mods:
        flags = (re.I if "i" in mods else 0) | (re.M if "m" in mods else 0) | (re.S if "s" in mods else 0)
        rx = re.compile(s, flags)
        return lambda have, ev: any(rx.search(h) for h in have)
    if "cidr" in mods:
        net = ipaddress.ip_network(s, strict=False)

        def in_net(h):
            try:
                return ipaddress.ip_address(h) in net
            except ValueError:
                return False
        return lambda have, ev: any(in_net(h) for h in have)
    for op in ("lt", "lte", "gt", "gte"):
        if op in mods:
            n = float(s)
            cmp = {"lt": lambda a: a < n, "lte": lambda a: a <= n, "gt": lambda a: a > n, "gte": lambda a: a >= n}[op]

            def num(h):
                try:
                    return float(h)
                except ValueError:
                    return None
            return lambda have, ev: any(num(h) is not None and cmp(num(h)) for h in have)
    if "fieldref" in mods:
        def ref(have, ev):
            other = event_values(ev, s)
            if before and after:
                return any(o in h for h in have for o in other)
            if before:
                return any(h.endswith(o) for h in have for o in other)
            if after:
                return any(h.startswith(o) for h in have for o in other)
            return any(h == o for h in have for o in other)
        return ref
    texts = [s]
    if "expand" in mods:
        for name in re.findall(r"%([A-Za-z0-9_.-]+)%", s):
            if not placeholders.get(name):
                raise Untranslatable("placeholder %" + name + "% has no values")
            texts = [t.replace("%" + name + "%", v) for t in texts for v in placeholders[name]]
    if "base64" in mods:
        texts = [base64.b64encode(t.encode()).decode().replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?") for t in texts]
    elif "base64offset" in mods:
        texts = [x.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?") for t in texts for x in b64offsets(t)]
    elif "windash" in mods:
        texts = [x for t in texts for x in windash(t)]
    flags = 0 if "cased" in mods else re.I
    rxs = [re.compile(glob_regex(t, before, after), flags | re.S) for t in texts]
    return lambda have, ev: any(rx.fullmatch(h) for rx in rxs for h in have)


def make_item(key, raw, placeholders):
    parts = key.split("|") if key is not None else [None]
    field, mods = parts[0], parts[1:]
    for m in mods:
        if m not in MODIFIERS:
            raise Untranslatable("unknown modifier " + m)
    raws = raw if isinstance(raw, list) else [raw]
    tests = []
    for r in raws:
        if isinstance(r, (dict, list)):
            raise Untranslatable("nested value")
        tests.append(make_test(mods, r, placeholders))
    combine = all if "all" in mods else any
    return lambda ev: combine(t(event_values(ev, field), ev) for t in tests)


def make_search(body, placeholders):
    if isinstance(body, dict):
        items = [make_item(k, v, placeholders) for k, v in body.items()]
        return lambda ev: all(i(ev) for i in items)
    if isinstance(body, list) and body and isinstance(body[0], dict):
        groups = [make_search(m, placeholders) for m in body]
        return lambda ev: any(g(ev) for g in groups)
    keywords = body if isinstance(body, list) else [body]
    tests = [make_test(["contains"], k, placeholders) for k in keywords]
    return lambda ev: any(t(event_values(ev, None), ev) for t in tests)


# ----------------------------------------------------------------------------- conditions

def parse_condition(text, names):
    tokens = re.findall(r"\(|\)|[^\s()]+", text)
    pos = [0]

    def peek():
        return tokens[pos[0]] if pos[0] < len(tokens) else None

    def take(w):
        if peek() is not None and peek().lower() == w:
            pos[0] += 1
            return True
        return False

    def select(pattern):
        if pattern == "them":
            chosen = [n for n in names if not n.startswith("_")]
        else:
            rx = re.compile("".join(".*" if c == "*" else re.escape(c) for c in pattern))
            chosen = [n for n in names if rx.fullmatch(n) and (pattern.startswith("_") or not n.startswith("_"))]
        if not chosen:
            raise Untranslatable("no identifier for " + pattern)
        return chosen

    def primary():
        t = peek()
        pos[0] += 1
        if t == "(":
            c = orr()
            if not take(")"):
                raise Untranslatable("unclosed (")
            return c
        if t in ("1", "all", "any") and take("of"):
            chosen = select(peek())
            pos[0] += 1
            return ("and" if t == "all" else "or", [("ref", n) for n in chosen])
        if t not in names:
            raise Untranslatable("unknown identifier " + str(t))
        return ("ref", t)

    def nott():
        return ("not", nott()) if take("not") else primary()

    def andd():
        xs = [nott()]
        while take("and"):
            xs.append(nott())
        return xs[0] if len(xs) == 1 else ("and", xs)

    def orr():
        xs = [andd()]
        while take("or"):
            xs.append(andd())
        return xs[0] if len(xs) == 1 else ("or", xs)

    c = orr()
    if pos[0] != len(tokens):
        raise Untranslatable("trailing tokens")
    return c


def evaluate(cond, searches, ev):
    kind = cond[0]
    if kind == "ref":
        return searches[cond[1]](ev)
    if kind == "not":
        return not evaluate(cond[1], searches, ev)
    if kind == "and":
        return all(evaluate(c, searches, ev) for c in cond[1])
    return any(evaluate(c, searches, ev) for c in cond[1])


V1 = re.compile(r"count\(\s*([\w.]*)\s*\)\s*(?:by\s+([\w.]+(?:\s*,\s*[\w.]+)*))?\s*(<=|>=|==|<|>|=)\s*(\d+)")
SPAN = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400, "M": 30 * 86400, "y": 365 * 86400}


def span_millis(s):
    m = re.fullmatch(r"(\d+)\s*([smhdwMy])", str(s).strip())
    if not m:
        raise Untranslatable("bad span " + str(s))
    return int(m.group(1)) * SPAN[m.group(2)] * 1000


def compile_rule(doc, placeholders):
    """(matcher(event) -> bool, aggregation or None); raises Untranslatable."""
    det = doc.get("detection")
    if not isinstance(det, dict) or "condition" not in det:
        raise Untranslatable("no detection")
    names = [k for k in det if k not in ("condition", "timeframe")]
    searches = {k: make_search(det[k], placeholders) for k in names}
    conds = det["condition"] if isinstance(det["condition"], list) else [det["condition"]]
    agg = None
    trees = []
    for c in conds:
        main, _, pipe = c.partition("|")
        trees.append(parse_condition(main, names))
        if pipe:
            m = V1.fullmatch(pipe.strip())
            if not m or "timeframe" not in det:
                raise Untranslatable("aggregation " + pipe)
            op = {">": "gt", ">=": "gte", "<": "lt", "<=": "lte"}.get(m.group(3), "eq")
            agg = {"type": "value_count" if m.group(1) else "event_count", "field": m.group(1) or None,
                   "group": [g.strip() for g in m.group(2).split(",")] if m.group(2) else [],
                   "span": span_millis(det["timeframe"]), "op": op, "n": int(m.group(4))}
    if agg is None and "timeframe" in det:
        raise Untranslatable("timeframe without aggregation")
    tree = trees[0] if len(trees) == 1 else ("or", trees)
    return (lambda ev: evaluate(tree, searches, ev)), agg


def passes(op, n, have):
    return {"gt": have > n, "gte": have >= n, "lt": have < n, "lte": have <= n}.get(op, have == n)


def measure(agg, window):
    if agg["type"] == "event_count":
        return len(window)
    if agg["type"] == "value_count":
        return len({v for e in window for v in e[3]})
    if agg["type"] == "temporal":
        return len({e[4] for e in window})
    nxt = 0
    for e in window:
        if nxt < agg["rules"] and e[4] == nxt:
            nxt += 1
    return nxt


def windows(agg, hits):
    """hits: (millis, key, group tuple, counted values[, rule]); windows that fire, non-overlapping per group."""
    hits = [h if len(h) > 4 else h + (0,) for h in hits]
    groups = {}
    for h in sorted(hits, key=lambda h: (h[0], h[1])):
        groups.setdefault(h[2], []).append(h)
    out = []
    for g, evs in groups.items():
        i = 0
        while i < len(evs):
            j = i
            while j < len(evs) and evs[j][0] - evs[i][0] <= agg["span"]:
                j += 1
            window = evs[i:j]
            n = measure(agg, window)
            ok = passes(agg["op"], agg["n"], n) if agg.get("op") else n >= agg["rules"]
            if ok:
                out.append((evs[i][0], window[-1][0], list(g), n))
                i = j
            else:
                i += 1
    return sorted(out)


# ----------------------------------------------------------------------------- the corpus

def millis(event):
    import corpus_expectations as ce
    when, _flags = ce.time_of(event)
    if when is None:
        return None
    dt, nanos = when
    return int(dt.timestamp()) * 1000 + nanos // 1_000_000


def iso(ms):
    if ms is None:
        return None
    dt = datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (ms % 1000)


def is_cloudtrail(doc):
    ls = doc.get("logsource") or {}
    return str(ls.get("product", "")).lower() == "aws" and str(ls.get("service", "")).lower() == "cloudtrail"


def correlate(doc, compiled, events):
    """A Sigma 2 correlation over the compiled rules it names: its windows."""
    import corpus_expectations as ce
    c = doc["correlation"]
    refs = c.get("rules") or []
    refs = refs if isinstance(refs, list) else [refs]
    cond = c.get("condition") or {}
    op = next((k for k in ("gt", "gte", "lt", "lte", "eq") if k in cond), None)
    agg = {"type": c.get("type"), "span": span_millis(c.get("timespan")), "op": op, "n": cond.get(op, 0),
           "rules": len(refs)}
    group_by = c.get("group-by") or []
    aliases = c.get("aliases") or {}
    hits = []
    for idx, ref in enumerate(refs):
        base = compiled.get(ref)
        if base is None:
            raise Untranslatable("no rule " + str(ref))
        bdoc, match = base
        for ev, ms in events:
            if ms is not None and match(ev):
                fields = [(aliases.get(g) or {}).get(ref, g) for g in group_by]
                hits.append((ms, ce.identity(ev), tuple(",".join(event_values(ev, f)) for f in fields),
                             event_values(ev, cond["field"]) if "field" in cond else [], idx))
    return windows(agg, hits)


def run(corpus, rules_root):
    import corpus_expectations as ce
    _results, unique, _stats = ce.ingest(corpus)
    events = [(e, millis(e)) for e, _rel in unique]
    out = {}
    compiled = {}
    correlations = []
    for root, _dirs, files in sorted(os.walk(rules_root)):
        for f in sorted(files):
            if not f.endswith((".yml", ".yaml")):
                continue
            path = os.path.join(root, f)
            rel = os.path.relpath(path, rules_root)
            with open(path, encoding="utf-8") as fh:
                doc = load_yaml(fh.read())[0]
            if "correlation" in doc:
                correlations.append((rel, doc))
                continue
            if not is_cloudtrail(doc):
                continue
            try:
                match, agg = compile_rule(doc, {})
                for ref in (doc.get("id"), doc.get("title"), doc.get("name")):
                    if ref:
                        compiled[ref] = (doc, match)
            except Untranslatable as e:
                out[rel] = {"state": "untranslatable", "reason": str(e)}
                continue
            hits = [(ms, ev) for ev, ms in events if match(ev)]
            if agg is None:
                times = [ms for ms, _ in hits if ms is not None]
                out[rel] = {"state": "ok", "hits": len(hits), "first": iso(min(times)) if times else None,
                            "last": iso(max(times)) if times else None}
            else:
                timed = [(ms, ce.identity(ev), tuple(",".join(event_values(ev, g)) for g in agg["group"]),
                          event_values(ev, agg["field"]) if agg["field"] else []) for ms, ev in hits if ms is not None]
                w = windows(agg, timed)
                out[rel] = {"state": "ok", "hits": len(w), "first": iso(w[0][0]) if w else None,
                            "last": iso(max(x[1] for x in w)) if w else None,
                            "windows": [[iso(a), iso(b), g, n] for a, b, g, n in w]}
    for rel, doc in correlations:
        try:
            w = correlate(doc, compiled, events)
        except Untranslatable as e:
            out[rel] = {"state": "untranslatable", "reason": str(e)}
            continue
        out[rel] = {"state": "ok", "hits": len(w), "first": iso(w[0][0]) if w else None,
                    "last": iso(max(x[1] for x in w)) if w else None,
                    "windows": [[iso(a), iso(b), g, n] for a, b, g, n in w]}
    return out


def per_file(corpus, rules_root, folder):
    """Hits per rule for each file of one corpus folder on its own (the Stratus detonations)."""
    import corpus_expectations as ce
    out = {}
    base = os.path.join(corpus, folder)
    for f in sorted(os.listdir(base)):
        res = ce.read_file(corpus, folder + "/" + f)
        events = [(e, millis(e)) for e, _raw, _shape in res.events]
        fired = {}
        for root, _dirs, files in sorted(os.walk(rules_root)):
            for rf in sorted(files):
                if not rf.endswith(".yml"):
                    continue
                with open(os.path.join(root, rf), encoding="utf-8") as fh:
                    doc = load_yaml(fh.read())[0]
                try:
                    match, agg = compile_rule(doc, {})
                except Untranslatable:
                    continue
                hits = [(ms, ev) for ev, ms in events if match(ev)]
                if agg is not None:
                    hits = windows(agg, [(ms, ce.identity(ev), tuple(",".join(event_values(ev, g)) for g in agg["group"]),
                                          event_values(ev, agg["field"]) if agg["field"] else [])
                                         for ms, ev in hits if ms is not None])
                if hits:
                    fired[rf[:-4]] = len(hits)
        out[f] = fired
    return out


# ----------------------------------------------------------------------------- self-test

def _rule(detection):
    return compile_rule({"detection": detection}, {"ips": ["10.0.0.1"]})[0]


def self_test():
    """Unit tests of this evaluator: one or more per modifier and condition form, and the facts page's pitfalls."""
    ev = {"eventName": "ConsoleLogin", "additionalEventData": {"MFAUsed": "No"}, "readOnly": True, "port": 22,
          "requestParameters": {"layers": ["arn:aws:lambda:x:layer:evil:1"], "items": [{"cidrIp": "10.1.2.3"}],
                                "VersioningConfiguration": {"Status": "Suspended"}, "a.b": "dotted"},
          "userIdentity": {"arn": "arn:aws:sts::1:assumed-role/aws:ec2-instance/i-1", "userName": "alice"},
          "errorCode": None, "sourceIPAddress": "10.0.0.1", "userAgent": "S3 Browser 9", "cmd": "run -x 5",
          "b64": "aGVsbG8gd29ybGQ=", "ref": "alice"}
    cases = [
        ({"s": {"additionalEventData.MFAUsed": "NO"}, "condition": "s"}, True),            # case-insensitive
        ({"s": {"additionalEventData.MFAUsed|cased": "NO"}, "condition": "s"}, False),     # cased
        ({"s": {"errorCode": None}, "condition": "s"}, True),                             # null = JSON null
        ({"s": {"errorMessage": None}, "condition": "s"}, True),                          # null = absent
        ({"s": {"errorCode|exists": True}, "condition": "s"}, False),
        ({"s": {"eventName|exists": True}, "condition": "s"}, True),
        ({"s": {"errorCode": ""}, "condition": "s"}, True),                               # '' = no value
        ({"s": {"readOnly": "true"}, "condition": "s"}, True),                            # boolean as text
        ({"s": {"port": "22"}, "condition": "s"}, True),                                  # number as text
        ({"s": {"port|gte": 22}, "condition": "s"}, True),
        ({"s": {"port|gt": 22}, "condition": "s"}, False),
        ({"s": {"port|lt": 23}, "condition": "s"}, True),
        ({"s": {"port|lte": 21}, "condition": "s"}, False),
        ({"s": {"requestParameters.layers|contains": "evil"}, "condition": "s"}, True),   # through an array
        ({"s": {"requestParameters.items.cidrIp|cidr": "10.0.0.0/8"}, "condition": "s"}, True),
        ({"s": {"sourceIPAddress|cidr": "192.168.0.0/16"}, "condition": "s"}, False),
        ({"s": {"requestParameters|contains": "Suspended"}, "condition": "s"}, True),     # object: any leaf below
        ({"s": {"requestParameters.a.b": "dotted"}, "condition": "s"}, True),             # a key with a dot
        ({"s": {"eventName|startswith": "console"}, "condition": "s"}, True),
        ({"s": {"eventName|endswith": "LOGIN"}, "condition": "s"}, True),
        ({"s": {"eventName": "Con*L?gin"}, "condition": "s"}, True),                      # wildcards
        ({"s": {"eventName": "Con\\*"}, "condition": "s"}, False),                        # escaped *
        ({"s": {"userAgent|contains|all": ["s3", "browser"]}, "condition": "s"}, True),
        ({"s": {"userAgent|contains|all": ["s3", "chrome"]}, "condition": "s"}, False),
        ({"s": {"userIdentity.arn|re": ".+:assumed-role/aws:.+"}, "condition": "s"}, True),
        ({"s": {"userIdentity.arn|re": "ASSUMED"}, "condition": "s"}, False),             # re is case-sensitive
        ({"s": {"userIdentity.arn|re|i": "ASSUMED"}, "condition": "s"}, True),
        ({"s": {"userIdentity.arn|re": "i-\\D"}, "condition": "s"}, False),               # \D is not folded to \d
        ({"s": {"userIdentity.arn|re": "i-\\d"}, "condition": "s"}, True),
        ({"s": {"b64|base64": "hello world"}, "condition": "s"}, True),
        ({"s": {"b64|base64offset|contains": "world"}, "condition": "s"}, True),
        ({"s": {"cmd|windash|contains": " /x"}, "condition": "s"}, True),
        ({"s": {"ref|fieldref": "userIdentity.userName"}, "condition": "s"}, True),
        ({"s": {"userIdentity.arn|fieldref|contains": "userIdentity.userName"}, "condition": "s"}, False),
        ({"s": {"sourceIPAddress|expand": "%ips%"}, "condition": "s"}, True),
        ({"s": ["browser 9"], "condition": "s"}, True),                                   # keywords
        ({"s": ["nothing-like-this"], "condition": "s"}, False),
        ({"a": {"eventName": "x"}, "condition": "not a"}, True),                          # pure negation
        ({"a": {"eventName": "x"}, "b": {"readOnly": "true"}, "condition": "a or b"}, True),
        ({"a": {"eventName": "x"}, "b": {"readOnly": "true"}, "condition": "a and b"}, False),
        ({"a": {"eventName": "x"}, "b": {"readOnly": "true"}, "condition": "not (a or not b)"}, True),
        ({"sel_a": {"eventName": "x"}, "sel_b": {"port": 22}, "condition": "1 of sel_*"}, True),
        ({"sel_a": {"eventName": "x"}, "sel_b": {"port": 22}, "condition": "all of sel_*"}, False),
        ({"a": {"port": 22}, "_b": {"eventName": "x"}, "condition": "all of them"}, True),
        ({"s": [{"eventName": "x"}, {"port": 22}], "condition": "s"}, True),              # list of maps: OR
        ({"s": {"eventName": ["x", "ConsoleLogin"]}, "condition": "s"}, True),            # list: OR
        ({"a": {"eventName": "x"}, "b": {"port": 22}, "condition": ["a", "b"]}, True),    # condition list: OR
    ]
    failed = 0
    for det, want in cases:
        got = _rule(det)(ev)
        if got != want:
            failed += 1
            print("FAIL", json.dumps(det), "expected", want, "got", got, file=sys.stderr)
    for bad in ({"s": {"f|nosuch": 1}, "condition": "s"}, {"s": {"f|expand": "%nope%"}, "condition": "s"}):
        try:
            _rule(bad)
            failed += 1
            print("FAIL: no error for", bad, file=sys.stderr)
        except Untranslatable:
            pass
    y = load_yaml("a: 'x: y'\nb:\n    - 1\n    - c: d\n      e: null\nf: |\n    two\n    lines\n")[0]
    if y != {"a": "x: y", "b": [1, {"c": "d", "e": None}], "f": "two\nlines\n"}:
        failed += 1
        print("FAIL yaml", y, file=sys.stderr)
    agg = {"type": "event_count", "span": 1000, "op": "gt", "n": 2}
    if windows(agg, [(0, "a", (), []), (500, "b", (), []), (900, "c", (), []), (5000, "d", (), [])]) != [(0, 900, [], 3)]:
        failed += 1
        print("FAIL windows", file=sys.stderr)
    total = len(cases) + 4
    print("%d passed, %d failed" % (total - failed, failed))
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus")
    parser.add_argument("--rules")
    parser.add_argument("--per-file", help="a corpus folder whose files are evaluated one by one")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        sys.exit(1 if self_test() else 0)
    if args.per_file:
        doc = per_file(args.corpus, args.rules, args.per_file)
    else:
        doc = run(args.corpus, args.rules)
    json.dump(doc, sys.stdout, sort_keys=True, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
