#!/usr/bin/env python3
"""Independent expectations for `trailindex trace`: credential chains, trees and activity.

Reads the unique events of an input folder through corpus_expectations.py (walk order, shapes,
first-wins dedup, time rules -- reused, not re-implemented) and follows the documented rules
over the raw events, with no index and no query language:

* an event is made with key K when userIdentity.accessKeyId is K;
* a successful (no errorCode) AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity,
  GetSessionToken or GetFederationToken issues responseElements.credentials.accessKeyId, a
  CreateAccessKey issues responseElements.accessKey.accessKeyId; every copy of such a call
  (a cross-account call is logged in both accounts) names the same new key;
* upward: AKIA keys are long-term (root when their events are Root's) and stop the chain;
  SAML and web identity calls start it; a call made with a key goes on upward; a call by a
  service (no key, AWSService or invokedBy) is `service`; with no issuing call: console
  (sessionCredentialFromConsole), service (ec2RoleDelivery or an i- session name), root,
  web-identity (webIdFederationData), else unknown;
* downward: the keys issued by events made with the key, breadth first, each level by time;
* a mention: the key appears in a string anywhere in an event not made with it and not
  issuing it.

Prints one JSON object: {CREDENTIAL: {"queryKind", "traces": [...]}} for each --credential,
times as epoch milliseconds.

Usage: python3 src/test/python/trace_expectations.py --input DIR --credential AKIA... [...]
"""
import argparse
import calendar
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_expectations as ce  # noqa: E402

ISSUING = {"AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "GetSessionToken",
           "GetFederationToken", "CreateAccessKey"}
KEY_RE = re.compile(r"(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])")


def get(d, *path):
    for p in path:
        if not isinstance(d, dict):
            return None
        d = d.get(p)
    return d


def text(v):
    return v if isinstance(v, str) and v != "" else None


def millis(event):
    when, _flags = ce.time_of(event)
    if when is None:
        return None
    dt, nanos = when
    return calendar.timegm(dt.utctimetuple()) * 1000 + nanos // 1_000_000


def strings(v, out):
    if isinstance(v, str):
        out.append(v)
    elif isinstance(v, dict):
        for x in v.values():
            strings(x, out)
    elif isinstance(v, list):
        for x in v:
            strings(x, out)


class Ev:
    def __init__(self, e):
        self.e = e
        self.id = e["eventID"] if isinstance(e.get("eventID"), str) and e["eventID"].strip() else ce.identity(e)
        self.id = self.id.lower() if re.fullmatch(r"[0-9a-fA-F-]{36}", self.id) else self.id
        self.time = millis(e)
        ui = e.get("userIdentity") if isinstance(e.get("userIdentity"), dict) else {}
        self.ui = ui
        self.key = text(ui.get("accessKeyId"))
        self.key = self.key.upper() if self.key else None
        self.name = text(e.get("eventName"))
        self.error = text(e.get("errorCode"))
        issued = None
        if self.error is None and self.name in ISSUING:
            issued = text(get(e, "responseElements", "credentials", "accessKeyId")) or \
                text(get(e, "responseElements", "accessKey", "accessKeyId"))
        self.issued = issued.upper() if issued else None
        found = []
        strings(e, found)
        self.related = {m.group(0) for s in found for m in KEY_RE.finditer(s)}

    def session(self):
        ui = self.ui
        sc = ui.get("sessionContext") if isinstance(ui.get("sessionContext"), dict) else {}
        issuer = sc.get("sessionIssuer") if isinstance(sc.get("sessionIssuer"), dict) else {}
        pid, arn = text(ui.get("principalId")), text(ui.get("arn"))
        if issuer.get("type") == "Role" and text(issuer.get("arn")):
            parts = issuer["arn"].split(":", 5)
            name = pid.split(":", 1)[1] if pid and ":" in pid and pid.split(":", 1)[1] else \
                (arn.rsplit("/", 1)[1] if arn and ":assumed-role/" in arn else None)
            if len(parts) == 6 and parts[5].startswith("role/") and name:
                return "arn:%s:sts::%s:assumed-role/%s/%s" % (parts[1], parts[4], parts[5].rsplit("/", 1)[1], name)
        if ui.get("type") in ("AssumedRole", "FederatedUser") and arn:
            return arn
        return None

    def issued_to(self):
        if not self.issued:
            return set()
        e = self.e
        if self.name == "CreateAccessKey":
            user, acct = text(get(e, "responseElements", "accessKey", "userName")), text(e.get("recipientAccountId"))
            caller = text(self.ui.get("arn")) or ""
            part = caller.split(":")[1] if caller.startswith("arn:") and len(caller.split(":")) > 2 else "aws"
            return {"arn:%s:iam::%s:user/%s" % (part, acct, user)} if user and acct else set()
        if self.name == "GetSessionToken":
            return {v for v in (text(self.ui.get("arn")), text(self.ui.get("principalId"))) if v}
        return {v for v in (text(get(e, "responseElements", "assumedRoleUser", "arn")),
                            text(get(e, "responseElements", "assumedRoleUser", "assumedRoleId")),
                            text(get(e, "responseElements", "federatedUser", "arn")),
                            text(get(e, "responseElements", "federatedUser", "federatedUserId"))) if v}


def order(evs):
    return sorted(evs, key=lambda x: (x.time is None, x.time or 0, x.id))


class World:
    def __init__(self, events):
        self.evs = order([Ev(e) for e in events])
        self.by_key, self.issuing = {}, {}
        for x in self.evs:
            if x.key:
                self.by_key.setdefault(x.key, []).append(x)
            if x.issued:
                self.issuing.setdefault(x.issued, []).append(x)

    def made_with(self, k):
        return self.by_key.get(k, [])

    def origin(self, k):
        own, iss = self.made_with(k), self.issuing.get(k, [])
        caller = next((x for x in iss if x.key), None)
        issued_by = None
        if iss:
            first = caller or iss[0]
            issued_by = {"eventName": first.name, "eventIDs": sorted(x.id for x in iss),
                         "credential": caller.key if caller else None}
        root = any(x.ui.get("type") == "Root" for x in own)
        if k.startswith("AKIA"):
            return ("root" if root else "long-term"), None, issued_by
        if iss:
            if issued_by["eventName"] == "AssumeRoleWithSAML":
                return "saml", None, issued_by
            if issued_by["eventName"] == "AssumeRoleWithWebIdentity":
                return "web-identity", None, issued_by
            if caller:
                return "issued", caller.key, issued_by
            svc = any(not x.key and (x.ui.get("type") == "AWSService" or text(x.ui.get("invokedBy"))) for x in iss)
            return ("service" if svc else "issued"), None, issued_by
        if any(str(x.e.get("sessionCredentialFromConsole")).lower() == "true" for x in own):
            return "console", None, None
        def ec2(x):
            pid = text(x.ui.get("principalId")) or ""
            return get(x.ui, "sessionContext", "ec2RoleDelivery") is not None or \
                (":" in pid and pid.split(":", 1)[1].startswith("i-"))
        if any(ec2(x) for x in own):
            return "service", None, None
        if root:
            return "root", None, None
        if any(get(x.ui, "sessionContext", "webIdFederationData", "federatedProvider") for x in own):
            return "web-identity", None, None
        return "unknown", None, None

    def chain(self, k):
        out, seen, cur = [], set(), k
        while cur and cur not in seen:
            seen.add(cur)
            origin, nxt, issued_by = self.origin(cur)
            out.insert(0, {"credential": cur, "origin": origin, "issuedBy": issued_by})
            cur = nxt
        return out

    def descendants(self, k, seen, depth_limit=None):
        out, level, depth = [], [k], 1
        while level and (depth_limit is None or depth <= depth_limit):
            kids = []
            for p in level:
                for x in self.made_with(p):
                    if x.issued and x.issued != p and x.issued not in seen:
                        seen.add(x.issued)
                        kids.append((x, p))
            kids.sort(key=lambda xp: (xp[0].time is None, xp[0].time or 0, xp[0].issued))
            for x, p in kids:
                out.append({"credential": x.issued, "parent": p, "depth": depth, "eventName": x.name,
                            "eventIDs": sorted(y.id for y in self.issuing.get(x.issued, []))})
            level = [x.issued for x, _p in kids]
            depth += 1
        return out

    def mentions(self, k):
        return [x.id for x in self.evs if k in x.related and x.key != k and x.issued != k]

    def activity(self, k):
        own = self.made_with(k)
        times = [x.time for x in own if x.time is not None]
        return {"events": len(own), "first": min(times) if times else None, "last": max(times) if times else None,
                "sourceIPs": sorted({x.e.get("sourceIPAddress") for x in own if text(x.e.get("sourceIPAddress"))}),
                "regions": sorted({x.e.get("awsRegion") for x in own if text(x.e.get("awsRegion"))}),
                "errors": sum(1 for x in own if x.error), "mentionedIn": self.mentions(k)}

    def trace(self, k, depth=None):
        chain = self.chain(k)
        seen = {c["credential"] for c in chain}
        tree = self.descendants(k, seen, depth)
        keys = [c["credential"] for c in chain] + [d["credential"] for d in tree]
        return {"credential": k, "chain": chain, "descendants": tree,
                "credentials": {x: self.activity(x) for x in keys}, "mentionedIn": self.mentions(k)}

    def keys_of(self, cred):
        low = cred.lower()
        if ":assumed-role/" in low:
            kind, match = "session", lambda x: (x.session() or "").lower() == low
        elif low.startswith("arn:"):
            kind = "root" if low.endswith(":root") else "federatedUser" if ":federated-user/" in low else "user"
            match = lambda x: (text(x.ui.get("arn")) or "").lower() == low
        else:
            kind, match = "principalId", lambda x: (text(x.ui.get("principalId")) or "").lower() == low
        keys = {x.key for x in self.evs if x.key and match(x)}
        keys |= {x.issued for x in self.evs if x.issued and low in {v.lower() for v in x.issued_to()}}

        def first_seen(k):
            own = [x.time for x in self.made_with(k) if x.time is not None]
            iss = [x.time for x in self.issuing.get(k, []) if x.time is not None]
            t = min(own) if own else (min(iss) if iss else None)
            return (t is None, t or 0, k)
        return kind, sorted(keys, key=first_seen)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--credential", action="append", default=[])
    ap.add_argument("--depth", type=int)
    args = ap.parse_args()
    _results, unique, _stats = ce.ingest(args.input)
    world = World([e for e, _rel in unique])
    out = {}
    for cred in args.credential:
        if KEY_RE.fullmatch(cred.upper()):
            out[cred] = {"queryKind": "accessKey", "traces": [world.trace(cred.upper(), args.depth)]}
        else:
            kind, keys = world.keys_of(cred)
            out[cred] = {"queryKind": kind, "traces": [world.trace(k, args.depth) for k in keys]}
    json.dump(out, sys.stdout, sort_keys=True, indent=1)
    print()


if __name__ == "__main__":
    main()
