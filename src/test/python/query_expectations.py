#!/usr/bin/env python3
"""Independent expectations for trailindex's queries, histograms, summaries and hunts.

Reads the unique events of an input folder through corpus_expectations.py (walk order,
gzip sniffing, shapes, first-wins dedup, time rules -- reused, not re-implemented), then
evaluates a fixed set of queries with hand-written Python predicates that follow
trailindex's documented matching rules:

* keyword / ip / boolean fields and dotted paths inside flattened fields match the whole
  value case-insensitively; a list anywhere on the path means "any element"; numbers are
  their JSON text, booleans true/false ("True"/"FALSE" strings count in boolean fields);
  empty strings and nulls never match and do not count as existing;
* `*` / `?` wildcards match the whole value, case-insensitively;
* CIDR only matches strict IP literals; time ranges are inclusive of whole named spans;
* related.arn / accessKey / account / ip are collected from every string value of the event.

There is deliberately no query-language parser here: every query and every hunt in
index-schema/hunts.json is translated by hand into a predicate (the hunt table keeps the
query text it was written for and the script stops if hunts.json says something else).

Prints one JSON object (keys sorted) on stdout.

Usage: python3 src/test/python/query_expectations.py --input ../shared/corpus
       python3 src/test/python/query_expectations.py --input src/samples
"""
import argparse
import collections
import datetime
import ipaddress
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_expectations as ce  # noqa: E402  (reused: ingestion, dedup, time rules)

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "..", "index-schema"))
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
DAY_MS, HOUR_MS = 86_400_000, 3_600_000
FLATTENED_ROOTS = ("requestParameters", "responseElements", "additionalEventData",
                   "serviceEventDetails", "insightDetails")


# ----------------------------------------------------------------------------- field values

def values(event, path):
    """Distinct non-empty string forms of the scalar values at a dotted path.

    ce.strings_at already applies "a list anywhere = any element", numbers as JSON text,
    booleans as true/false, no nulls, and the boolean-field reading of "True"/"FALSE";
    empty strings are dropped here (they never match and never exist).
    """
    return ce.strings_at(event, path) - {""}


def eq(path, *wanted):
    """Predicate: some value at path equals one of `wanted`, case-insensitively."""
    low = {w.lower() for w in wanted}
    return lambda e: any(v.lower() in low for v in values(e, path))


def wildcard_regex(pattern):
    """Whole-value regex for a `*` / `?` pattern (lower-cased; every other char literal)."""
    out = []
    for ch in pattern.lower():
        out.append(".*" if ch == "*" else "." if ch == "?" else re.escape(ch))
    return re.compile("".join(out), re.DOTALL)


def wild(path, pattern):
    """Predicate: some value at path matches the wildcard pattern, case-insensitively."""
    rx = wildcard_regex(pattern)
    return lambda e: any(rx.fullmatch(v.lower()) for v in values(e, path))


def exists(path):
    """Predicate: path has a non-empty value."""
    return lambda e: bool(values(e, path))


def all_of(*preds):
    return lambda e: all(p(e) for p in preds)


def any_of(*preds):
    return lambda e: any(p(e) for p in preds)


def negate(pred):
    return lambda e: not pred(e)


# ----------------------------------------------------------------------------- IP literals

IPV4_PART = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])"
IPV4_RE = re.compile(r"(?:%s\.){3}%s" % (IPV4_PART, IPV4_PART))   # no leading zeros
IPV6_CHARS_RE = re.compile(r"[0-9A-Fa-f:.]+")
PREFIX_RE = re.compile(r"(.*)/([0-9]{1,3})", re.DOTALL)


def ip_literal(text):
    """The ipaddress object if text is a strict IP literal, else None."""
    if IPV4_RE.fullmatch(text):
        return ipaddress.IPv4Address(text)
    if ":" in text and IPV6_CHARS_RE.fullmatch(text):
        try:
            return ipaddress.IPv6Address(text)
        except ValueError:
            return None
    return None


def cidr(path, network):
    """Predicate: some value at path is a strict IP literal inside network.

    An IPv4-mapped IPv6 literal (::ffff:a.b.c.d) counts as its IPv4 address, as Lucene's
    InetAddressPoint does (no such values occur in the corpus or the samples).
    """
    net = ipaddress.ip_network(network)

    def pred(e):
        for v in values(e, path):
            addr = ip_literal(v)
            if addr is not None and addr.version == 6 and addr.ipv4_mapped is not None:
                addr = addr.ipv4_mapped
            if addr is not None and addr.version == net.version and addr in net:
                return True
        return False
    return pred


# ----------------------------------------------------------------------------- time

def event_millis(event):
    """Epoch millis of the event's time (corpus_expectations' rules), or None."""
    when, _flags = ce.time_of(event)
    if when is None:
        return None
    dt, nanos = when
    return (dt - EPOCH) // datetime.timedelta(seconds=1) * 1000 + nanos // 1_000_000


SPAN_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2}))?)?)?")


def span(text):
    """(first ms, last ms) of the whole span a UTC date/time names (day, hour, minute, second)."""
    m = SPAN_RE.fullmatch(text)
    assert m, text
    parts = [int(g) if g is not None else None for g in m.groups()]
    given = sum(p is not None for p in parts)
    start = datetime.datetime(*(p or 0 for p in parts), tzinfo=datetime.timezone.utc)
    unit = {3: DAY_MS, 4: HOUR_MS, 5: 60_000, 6: 1000}[given]
    first = (start - EPOCH) // datetime.timedelta(milliseconds=1)
    return first, first + unit - 1


def time_range(lower, upper):
    """Predicate: the event time lies in [start of lower's span, end of upper's span]."""
    lo, hi = span(lower)[0], span(upper)[1]

    def pred(e):
        ms = event_millis(e)
        return ms is not None and lo <= ms <= hi
    return pred


def iso_bucket(ms):
    return datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ----------------------------------------------------------------------------- related.*

ARN_RE = re.compile(r"arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9a-z-]*:[^\s\"'<>,;()\[\]{}]+", re.ASCII)
KEY_RE = re.compile(r"(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])")
ACCOUNT_RE = re.compile(r"[0-9]{12}")


def string_values(value):
    """Every string value anywhere inside value (dict values, list elements); keys are not values."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from string_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from string_values(item)


def related(value):
    """The related.* sets {arn, accessKey, account, ip} of an event (or any sub-tree)."""
    out = {"arn": set(), "accessKey": set(), "account": set(), "ip": set()}
    for s in string_values(value):
        for m in ARN_RE.finditer(s):
            arn = m.group().rstrip(".")
            out["arn"].add(arn)
            parts = arn.split(":")
            if len(parts) > 4 and ACCOUNT_RE.fullmatch(parts[4]):
                out["account"].add(parts[4])
        out["accessKey"].update(KEY_RE.findall(s))
        t = s.strip()
        if ACCOUNT_RE.fullmatch(t):
            out["account"].add(t)
        if ip_literal(t) is not None:
            out["ip"].add(t)
        else:
            m = PREFIX_RE.fullmatch(t)
            if m and ip_literal(m.group(1)) is not None:
                out["ip"].add(m.group(1))
    return out


def in_related(sets, kind, wanted):
    low = wanted.lower()
    return any(v.lower() == low for v in sets[kind])


# ----------------------------------------------------------------------------- picks

# Values chosen by looking at the data of each input; the hit counts are always computed.
# Each query: (name, field, value, kind, predicate or None for related.*).
PROFILES = {
    "corpus": {
        "queries": [
            ("eventName-lowercase", "eventName", "consolelogin", "eq", eq("eventName", "consolelogin")),
            ("bucketName-mixed-case", "requestParameters.bucketName", "ElasticBeanstalk-US-East-1-974349055189",
             "eq", eq("requestParameters.bucketName", "ElasticBeanstalk-US-East-1-974349055189")),
            ("instanceId-list-path-uppercase", "requestParameters.instancesSet.items.instanceId",
             "I-00A50652D1F306BD3", "eq",
             eq("requestParameters.instancesSet.items.instanceId", "I-00A50652D1F306BD3")),
            ("userIdentity-type-lowercase", "userIdentity.type", "iamuser", "eq", eq("userIdentity.type", "iamuser")),
            ("readOnly-TRUE", "readOnly", "TRUE", "eq", eq("readOnly", "TRUE")),
            ("eventName-prefix", "eventName", "Delete*", "wildcard", wild("eventName", "Delete*")),
            ("eventName-prefix-lowercase", "eventName", "delete*", "wildcard", wild("eventName", "delete*")),
            ("arn-contains-role", "userIdentity.arn", "*role/*", "wildcard", wild("userIdentity.arn", "*role/*")),
            ("userName-question-marks", "userIdentity.userName", "alucloud1??", "wildcard",
             wild("userIdentity.userName", "alucloud1??")),
            ("policyArn-suffix", "requestParameters.policyArn", "*AdministratorAccess", "wildcard",
             wild("requestParameters.policyArn", "*AdministratorAccess")),
            ("errorCode-exists", "errorCode", "*", "exists", exists("errorCode")),
            ("errorCode-not-exists", "errorCode", "*", "not-exists", negate(exists("errorCode"))),
            ("ip-cidr-top-16", "sourceIPAddress", "37.15.0.0/16", "cidr", cidr("sourceIPAddress", "37.15.0.0/16")),
            ("ip-cidr-10-8", "sourceIPAddress", "10.0.0.0/8", "cidr", cidr("sourceIPAddress", "10.0.0.0/8")),
            ("time-june-2017", "eventTime", "[2017-06-01 TO 2017-06-30]", "time-range",
             time_range("2017-06-01", "2017-06-30")),
            ("time-minutes", "eventTime", "[2017-06-01T10:00 TO 2017-06-01T12:30]", "time-range",
             time_range("2017-06-01T10:00", "2017-06-01T12:30")),
            ("related-arn-role", "related.arn", "arn:aws:iam::974349055189:role/EMR_DefaultRole", "related", None),
            ("related-arn-session", "related.arn",
             "arn:aws:sts::974349055189:assumed-role/EMR_DefaultRole/CCSSession", "related", None),
            ("related-arn-kms-key", "related.arn",
             "arn:aws:kms:us-east-1:974349055189:key/5fc43618-9206-4ba1-a6c5-8f2a17db8d26", "related", None),
            ("related-key-long-term", "related.accessKey", "AKIAI4DAJ75TZ2FB3BHA", "related", None),
            ("related-key-temporary", "related.accessKey", "ASIAIW7NA65ANGHCOCJA", "related", None),
            ("related-account-main", "related.account", "974349055189", "related", None),
            ("related-account-example", "related.account", "123456789012", "related", None),
            ("related-ip-service", "related.ip", "23.23.205.252", "related", None),
            ("related-ip-any", "related.ip", "0.0.0.0", "related", None),
        ],
        "histogram": ("eventSource:ec2.amazonaws.com", eq("eventSource", "ec2.amazonaws.com")),
        "summary": ("userIdentity.type:IAMUser", eq("userIdentity.type", "IAMUser")),
    },
    "samples": {
        "queries": [
            ("eventName-lowercase", "eventName", "consolelogin", "eq", eq("eventName", "consolelogin")),
            ("bucketName-mixed-case", "requestParameters.bucketName", "ACME-Finance-Reports", "eq",
             eq("requestParameters.bucketName", "ACME-Finance-Reports")),
            ("accessKeyId-lowercase", "userIdentity.accessKeyId", "akiae3p2dlmchexample", "eq",
             eq("userIdentity.accessKeyId", "akiae3p2dlmchexample")),
            ("userIdentity-type-lowercase", "userIdentity.type", "iamuser", "eq", eq("userIdentity.type", "iamuser")),
            ("readOnly-TRUE", "readOnly", "TRUE", "eq", eq("readOnly", "TRUE")),
            ("eventName-prefix", "eventName", "Delete*", "wildcard", wild("eventName", "Delete*")),
            ("eventName-prefix-lowercase", "eventName", "delete*", "wildcard", wild("eventName", "delete*")),
            ("arn-contains-role", "userIdentity.arn", "*role/*", "wildcard", wild("userIdentity.arn", "*role/*")),
            ("region-question-mark", "awsRegion", "eu-west-?", "wildcard", wild("awsRegion", "eu-west-?")),
            ("policyArn-suffix", "requestParameters.policyArn", "*AdministratorAccess", "wildcard",
             wild("requestParameters.policyArn", "*AdministratorAccess")),
            ("errorCode-exists", "errorCode", "*", "exists", exists("errorCode")),
            ("errorCode-not-exists", "errorCode", "*", "not-exists", negate(exists("errorCode"))),
            ("ip-cidr-test-net-16", "sourceIPAddress", "192.0.0.0/16", "cidr", cidr("sourceIPAddress", "192.0.0.0/16")),
            ("ip-cidr-10-8", "sourceIPAddress", "10.0.0.0/8", "cidr", cidr("sourceIPAddress", "10.0.0.0/8")),
            ("ip-cidr-ipv6-doc", "sourceIPAddress", "2001:db8::/32", "cidr", cidr("sourceIPAddress", "2001:db8::/32")),
            ("time-attack-window", "eventTime", "[2026-11-20T11:00 TO 2026-11-20T11:41]", "time-range",
             time_range("2026-11-20T11:00", "2026-11-20T11:41")),
            ("time-whole-day", "eventTime", "[2026-11-20 TO 2026-11-20]", "time-range",
             time_range("2026-11-20", "2026-11-20")),
            ("related-arn-role", "related.arn", "arn:aws:iam::444455556666:role/acme-deploy", "related", None),
            ("related-arn-session", "related.arn",
             "arn:aws:sts::444455556666:assumed-role/acme-deploy/botocore-session-1795174491", "related", None),
            ("related-arn-bucket", "related.arn", "arn:aws:s3:::acme-finance-reports", "related", None),
            ("related-key-leaked", "related.accessKey", "AKIAE3P2DLMCHEXAMPLE", "related", None),
            ("related-key-temporary", "related.accessKey", "ASIA76B4RSFKCEXAMPLE", "related", None),
            ("related-account-tooling", "related.account", "111122223333", "related", None),
            ("related-account-production", "related.account", "444455556666", "related", None),
            ("related-ip-first-attacker", "related.ip", "203.0.113.50", "related", None),
            ("related-ip-second-attacker", "related.ip", "198.51.100.7", "related", None),
            ("related-ip-any", "related.ip", "0.0.0.0", "related", None),
        ],
        "histogram": ("", lambda e: True),
        "summary": ("", lambda e: True),
    },
}

LEAKED_SAMPLE_KEY = "AKIAE3P2DLMCHEXAMPLE"


def pick_profile(events):
    """'samples' when the samples' story key signs some event, else 'corpus'."""
    leaked = eq("userIdentity.accessKeyId", LEAKED_SAMPLE_KEY)
    return "samples" if any(leaked(e) for e in events) else "corpus"


# ----------------------------------------------------------------------------- hunts

# Every hunt of index-schema/hunts.json, translated by hand.  The query text is kept so a
# change to hunts.json is noticed instead of silently producing stale expectations.
CONSOLE_LOGIN = eq("eventName", "ConsoleLogin")
HUNTS = {
    "root-activity": ("userIdentity.type:Root", eq("userIdentity.type", "Root")),
    "console-login-without-mfa": (
        "eventName:ConsoleLogin AND responseElements.ConsoleLogin:Success AND additionalEventData.MFAUsed:No",
        all_of(CONSOLE_LOGIN, eq("responseElements.ConsoleLogin", "Success"),
               eq("additionalEventData.MFAUsed", "No"))),
    "failed-console-login": (
        "eventName:ConsoleLogin AND responseElements.ConsoleLogin:Failure",
        all_of(CONSOLE_LOGIN, eq("responseElements.ConsoleLogin", "Failure"))),
    "access-denied-by-principal": (
        "errorCode:(AccessDenied OR AccessDeniedException OR UnauthorizedOperation OR "
        "Client.UnauthorizedOperation OR UnauthorizedAccess)",
        eq("errorCode", "AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
           "Client.UnauthorizedOperation", "UnauthorizedAccess")),
    "cloudtrail-tampering": (
        "eventSource:cloudtrail.amazonaws.com AND eventName:(StopLogging OR DeleteTrail OR UpdateTrail OR "
        "PutEventSelectors OR PutInsightSelectors OR DeleteEventDataStore)",
        all_of(eq("eventSource", "cloudtrail.amazonaws.com"),
               eq("eventName", "StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors",
                  "PutInsightSelectors", "DeleteEventDataStore"))),
    "new-access-keys": ("eventName:CreateAccessKey", eq("eventName", "CreateAccessKey")),
    "login-profiles": ("eventName:(CreateLoginProfile OR UpdateLoginProfile)",
                       eq("eventName", "CreateLoginProfile", "UpdateLoginProfile")),
    "iam-users-created": ("eventName:CreateUser AND eventSource:iam.amazonaws.com",
                          all_of(eq("eventName", "CreateUser"), eq("eventSource", "iam.amazonaws.com"))),
    "policy-attachments": (
        "eventSource:iam.amazonaws.com AND eventName:(AttachUserPolicy OR AttachRolePolicy OR "
        "AttachGroupPolicy OR PutUserPolicy OR PutRolePolicy OR PutGroupPolicy)",
        all_of(eq("eventSource", "iam.amazonaws.com"),
               eq("eventName", "AttachUserPolicy", "AttachRolePolicy", "AttachGroupPolicy",
                  "PutUserPolicy", "PutRolePolicy", "PutGroupPolicy"))),
    "admin-policy-attached": (
        "eventName:Attach*Policy AND requestParameters.policyArn:*AdministratorAccess",
        all_of(wild("eventName", "Attach*Policy"), wild("requestParameters.policyArn", "*AdministratorAccess"))),
    "guardduty-disabled": (
        "eventSource:guardduty.amazonaws.com AND eventName:(DeleteDetector OR UpdateDetector OR "
        "DisassociateFromMasterAccount OR DisassociateFromAdministratorAccount OR StopMonitoringMembers OR "
        "DeleteMembers OR CreateFilter OR UpdateFilter)",
        all_of(eq("eventSource", "guardduty.amazonaws.com"),
               eq("eventName", "DeleteDetector", "UpdateDetector", "DisassociateFromMasterAccount",
                  "DisassociateFromAdministratorAccount", "StopMonitoringMembers", "DeleteMembers",
                  "CreateFilter", "UpdateFilter"))),
    "config-disabled": (
        "eventSource:config.amazonaws.com AND eventName:(StopConfigurationRecorder OR "
        "DeleteConfigurationRecorder OR DeleteDeliveryChannel)",
        all_of(eq("eventSource", "config.amazonaws.com"),
               eq("eventName", "StopConfigurationRecorder", "DeleteConfigurationRecorder",
                  "DeleteDeliveryChannel"))),
    "security-group-open-to-world": (
        "eventName:(AuthorizeSecurityGroupIngress OR AuthorizeSecurityGroupEgress) AND "
        "(requestParameters.ipPermissions.items.ipRanges.items.cidrIp:\"0.0.0.0/0\" OR "
        "requestParameters.ipPermissions.items.ipv6Ranges.items.cidrIpv6:\"::/0\")",
        all_of(eq("eventName", "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress"),
               any_of(eq("requestParameters.ipPermissions.items.ipRanges.items.cidrIp", "0.0.0.0/0"),
                      eq("requestParameters.ipPermissions.items.ipv6Ranges.items.cidrIpv6", "::/0")))),
    "s3-policy-or-acl-changed": (
        "eventSource:s3.amazonaws.com AND eventName:(PutBucketPolicy OR DeleteBucketPolicy OR PutBucketAcl OR "
        "PutObjectAcl OR PutBucketPublicAccessBlock OR DeleteBucketPublicAccessBlock)",
        all_of(eq("eventSource", "s3.amazonaws.com"),
               eq("eventName", "PutBucketPolicy", "DeleteBucketPolicy", "PutBucketAcl", "PutObjectAcl",
                  "PutBucketPublicAccessBlock", "DeleteBucketPublicAccessBlock"))),
    "kms-key-deletion": (
        "eventSource:kms.amazonaws.com AND eventName:(ScheduleKeyDeletion OR DisableKey)",
        all_of(eq("eventSource", "kms.amazonaws.com"), eq("eventName", "ScheduleKeyDeletion", "DisableKey"))),
    "secrets-read": (
        "eventName:(GetSecretValue OR BatchGetSecretValue) OR (eventSource:ssm.amazonaws.com AND "
        "eventName:(GetParameter OR GetParameters OR GetParametersByPath) AND requestParameters.withDecryption:true)",
        any_of(eq("eventName", "GetSecretValue", "BatchGetSecretValue"),
               all_of(eq("eventSource", "ssm.amazonaws.com"),
                      eq("eventName", "GetParameter", "GetParameters", "GetParametersByPath"),
                      eq("requestParameters.withDecryption", "true")))),
    "snapshot-or-image-shared": (
        "eventName:(ModifySnapshotAttribute OR ModifyImageAttribute OR ModifyDBSnapshotAttribute OR "
        "ModifyDBClusterSnapshotAttribute)",
        eq("eventName", "ModifySnapshotAttribute", "ModifyImageAttribute", "ModifyDBSnapshotAttribute",
           "ModifyDBClusterSnapshotAttribute")),
    "mfa-removed": ("eventName:(DeactivateMFADevice OR DeleteVirtualMFADevice)",
                    eq("eventName", "DeactivateMFADevice", "DeleteVirtualMFADevice")),
    "logs-deleted": ("eventName:(DeleteLogGroup OR DeleteLogStream OR DeleteFlowLogs)",
                     eq("eventName", "DeleteLogGroup", "DeleteLogStream", "DeleteFlowLogs")),
    "caller-identity-recon": ("eventName:GetCallerIdentity", eq("eventName", "GetCallerIdentity")),
    "conflicting-copies": ("ti.flags:conflicting-copies",
                           lambda e: isinstance(e.get("eventID"), str) and e["eventID"] in CONFLICTING_IDS),
    "unusual-regions": ("", lambda e: True),
}
# eventIDs with copies whose exact bytes differ (corpus_expectations.copy_conflicts), set by expectations()
CONFLICTING_IDS = set()


def load_hunts():
    """The hunts of index-schema/hunts.json, checked against the hand translations."""
    with open(os.path.join(SCHEMA_DIR, "hunts.json"), encoding="utf-8") as fh:
        hunts = json.load(fh)["hunts"]
    names = [h["name"] for h in hunts]
    if sorted(names) != sorted(HUNTS) or len(set(names)) != len(names):
        sys.exit("hunts.json names differ from the hand-translated hunts: %s" %
                 sorted(set(names) ^ set(HUNTS)))
    for hunt in hunts:
        if hunt["query"] != HUNTS[hunt["name"]][0]:
            sys.exit("hunts.json query of %s changed; re-translate it by hand:\n  %s"
                     % (hunt["name"], hunt["query"]))
    return hunts


def group_counts(events, path, rarest_first):
    """[value, count] of the original values at path: top 5 (count desc) or rarest 5 (count asc)."""
    counts = collections.Counter()
    for e in events:
        counts.update(values(e, path))
    if rarest_first:
        ranked = sorted(counts.items(), key=lambda kv: (kv[1], kv[0]))
    else:
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [[v, n] for v, n in ranked[:5]]


def run_hunts(events):
    out = {}
    for hunt in load_hunts():
        pred = HUNTS[hunt["name"]][1]
        hits = [e for e in events if pred(e)]
        entry = {"hits": len(hits)}
        if hunt.get("groupBy"):
            entry["groups"] = group_counts(hits, hunt["groupBy"], bool(hunt.get("rarestFirst")))
        out[hunt["name"]] = entry
    return out


# ----------------------------------------------------------------------------- schema check

def check_fields(queries):
    """Every field a query names must be in the schema with the type its rule assumes."""
    with open(os.path.join(SCHEMA_DIR, "cloudtrail.json"), encoding="utf-8") as fh:
        fields = {f["name"]: f for f in json.load(fh)["fields"]}
    allowed = {"eq": ("keyword", "ip", "boolean", "flattened"), "wildcard": ("keyword", "ip", "flattened"),
               "exists": ("keyword", "ip", "boolean", "flattened"),
               "not-exists": ("keyword", "ip", "boolean", "flattened"),
               "cidr": ("ip",), "time-range": ("time",)}
    for name, field, _value, kind, _pred in queries:
        if kind == "related":
            continue
        root = field.split(".", 1)[0]
        spec = fields.get(root) if root in FLATTENED_ROOTS else fields.get(field)
        assert spec is not None, "%s: unknown field %s" % (name, field)
        assert spec["type"] in allowed[kind], "%s: %s is %s" % (name, field, spec["type"])
        if spec["type"] != "flattened" and field != "eventTime":
            assert spec.get("from") == [field], "%s: %s comes from %s" % (name, field, spec.get("from"))


# ----------------------------------------------------------------------------- sections

def run_queries(events, queries):
    rel = [related(e) for e in events]
    rel_ui = [related(e.get("userIdentity")) for e in events]
    out = []
    for name, field, value, kind, pred in queries:
        entry = {"name": name, "field": field, "value": value, "kind": kind}
        if kind == "related":
            what = field.split(".", 1)[1]
            entry["hits"] = sum(in_related(s, what, value) for s in rel)
            # the same value looked for in the userIdentity sub-tree only
            entry["userIdentity_hits"] = sum(in_related(s, what, value) for s in rel_ui)
            if what == "ip":
                entry["sourceIPAddress_hits"] = sum(eq("sourceIPAddress", value)(e) for e in events)
        else:
            entry["hits"] = sum(bool(pred(e)) for e in events)
        out.append(entry)
    return out


def histogram(events, query, pred):
    matching = [e for e in events if pred(e)]
    times = [ms for ms in (event_millis(e) for e in matching) if ms is not None]
    days = collections.Counter(ms // DAY_MS * DAY_MS for ms in times)
    hours = collections.Counter(ms // HOUR_MS * HOUR_MS for ms in times)
    top_hour = min(hours.items(), key=lambda kv: (-kv[1], kv[0])) if hours else None
    return {
        "query": query,
        "matching": len(matching),
        "total_with_time": len(times),
        "interval_1d": [[iso_bucket(start), n] for start, n in sorted(days.items())],
        "interval_1h": {"non_empty_buckets": len(hours),
                        "max_bucket": [iso_bucket(top_hour[0]), top_hour[1]] if top_hour else None},
    }


def summary(events, query, pred, by="userIdentity.arn"):
    groups = collections.defaultdict(list)
    matching = 0
    for e in events:
        if pred(e):
            matching += 1
            for v in values(e, by):
                groups[v].append(e)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:5]
    top = []
    for value, evs in ranked:
        whens = [w for w in (ce.time_of(e)[0] for e in evs) if w is not None]
        top.append({
            "value": value,
            "events": len(evs),
            "first": ce.iso_millis(min(whens)) if whens else None,
            "last": ce.iso_millis(max(whens)) if whens else None,
            "errors": sum(exists("errorCode")(e) for e in evs),
            "ips": len(set().union(*(values(e, "sourceIPAddress") for e in evs))),
            "keys": len(set().union(*(values(e, "userIdentity.accessKeyId") for e in evs))),
            "regions": len(set().union(*(values(e, "awsRegion") for e in evs))),
            "agents": len(set().union(*(values(e, "userAgent") for e in evs))),
        })
    return {"query": query, "by": by, "matching": matching, "values": len(groups), "top": top}


def expectations(folder, profile=None):
    _results, unique, stats = ce.ingest(folder)
    events = [e for e, _rel in unique]
    CONFLICTING_IDS.clear()
    CONFLICTING_IDS.update(p["eventID"] for p in stats["copy_conflicts"]["pairs"])
    profile = profile or pick_profile(events)
    picks = PROFILES[profile]
    check_fields(picks["queries"])
    return {
        "profile": profile,
        "events_read": sum(c["events_read"] for c in stats["per_set"].values()),
        "total": len(events),
        "queries": run_queries(events, picks["queries"]),
        "histogram": histogram(events, *picks["histogram"]),
        "summary": summary(events, *picks["summary"]),
        "hunts": run_hunts(events),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="folder to read (../shared/corpus or src/samples)")
    parser.add_argument("--profile", choices=sorted(PROFILES),
                        help="which picked values to use (default: samples if the samples' leaked key "
                             "occurs, else corpus)")
    args = parser.parse_args()
    if not os.path.isdir(args.input):
        sys.exit("input directory not found: " + args.input)
    json.dump(expectations(args.input, args.profile), sys.stdout, sort_keys=True, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
