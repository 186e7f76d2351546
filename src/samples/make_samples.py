#!/usr/bin/env python3
"""Regenerate the bundled CloudTrail sample data set under src/samples/.

    python3 src/samples/make_samples.py

Standard library only, deterministic: every identifier is derived from a fixed label by SHA-256, there is
no clock and no `random` module, gzip members carry mtime 0, and files are written in a fixed order.
Running it twice gives byte-identical files (for a given zlib build).

Writes, next to this script:
  AWSLogs/<account>/CloudTrail/<region>/2026/11/20/*.json.gz   delivery files {"Records":[...]}
  AWSLogs/111122223333/CloudTrail-Digest/...json.gz            one digest file (not events; skip it)
  exports/lookup-events.json                                   `aws cloudtrail lookup-events` output
  exports/events.jsonl                                         one event per line
  expected.json, README.md                                     counts, re-read from the written files

The story: on 2026-11-20 a long-term access key of IAM user ci-deploy (account 111122223333) leaks and
is used from 203.0.113.50 and 198.51.100.7; see README.md.
"""
import base64
import calendar
import gzip
import hashlib
import json
import os
import shutil
import struct
import sys
import uuid
import zlib
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
DAY = "2026-11-20"
A, B = "111122223333", "444455556666"          # tooling/CI account, production account
OUTSIDER = "777788889999"                       # attacker-controlled account in the bucket policy
E1, W1 = "us-east-1", "eu-west-1"
IP_ATK1, IP_ATK2 = "203.0.113.50", "198.51.100.7"
IP_CI, IP_ALICE, IP_ALICE6 = "192.0.2.10", "192.0.2.44", "2001:db8:4f2a:100::1b"
IP_DANA, IP_ROOT, IP_CAROL, IP_ERIN, IP_LAMBDA = (
    "192.0.2.61", "192.0.2.71", "192.0.2.88", "192.0.2.93", "192.0.2.200")
FILES_PER_PREFIX = {(A, E1): 6, (A, W1): 4, (B, E1): 3, (B, W1): 3}
LOG_BUCKET = "acme-cloudtrail-logs"


# ---------------------------------------------------------------- deterministic identifiers

def _h(label):
    return hashlib.sha256(("trailindex-samples/" + label).encode()).digest()


def uid(label):
    """A version-4 UUID derived from a label."""
    return str(uuid.UUID(bytes=_h(label)[:16], version=4))


def _pick(label, alphabet, n):
    out, i = [], 0
    while len(out) < n:
        for b in _h(f"{label}#{i}"):
            if b < 256 - 256 % len(alphabet):   # unbiased
                out.append(alphabet[b % len(alphabet)])
        i += 1
    return "".join(out[:n])


UPPER32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
UPPERNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def access_key(prefix, label):
    # AWS documentation style (AKIAIOSFODNN7EXAMPLE): 20 characters ending in EXAMPLE, so secret
    # scanners recognise them as examples.
    return prefix + _pick(label, UPPER32, 9) + "EXAMPLE"


def unique_id(prefix, label):          # AIDA..., AROA... principal ids (21 characters)
    return prefix + _pick(label, UPPERNUM, 17)


def hexid(prefix, label, n=17):        # i-0..., sg-0..., ami-0...
    return prefix + "0" + _h(label).hex()[:n - 1]


def b64(label, n):
    raw = b"".join(_h(f"{label}#{i}") for i in range(n // 32 + 2))
    return base64.b64encode(raw).decode()[:n]


def session_token(label):
    return "IQoJb3JpZ2luX2VjE" + b64("token/" + label, 300).replace("/", "+") + "="


# ---------------------------------------------------------------- time helpers

def ts(hms):
    return f"{DAY}T{hms}Z"


def secs(hms):
    h, m, s = (int(x) for x in hms.split(":"))
    return h * 3600 + m * 60 + s


def hms_of(n):
    return f"{n // 3600:02d}:{n % 3600 // 60:02d}:{n % 60:02d}"


def epoch_ms(hms):
    return (calendar.timegm((2026, 11, 20, 0, 0, 0)) + secs(hms)) * 1000


def aws_date(hms, plus=0, comma=True):
    """IAM/STS response style: 'Nov 20, 2026, 11:09:27 AM'."""
    n = secs(hms) + plus
    day, n = 20 + n // 86400, n % 86400
    h, ampm = n // 3600, "AM" if n < 43200 else "PM"
    h12 = h % 12 or 12
    return f"Nov {day}, 2026{',' if comma else ''} {h12}:{n % 3600 // 60:02d}:{n % 60:02d} {ampm}"


# ---------------------------------------------------------------- identities

def iam_user(acct, name, akid, arn=True):
    ident = {"type": "IAMUser", "principalId": unique_id("AIDA", f"user/{acct}/{name}")}
    if arn:
        ident["arn"] = f"arn:aws:iam::{acct}:user/{name}"
    ident.update({"accountId": acct, "accessKeyId": akid, "userName": name})
    return ident


def role_arn(acct, role, path="/"):
    return f"arn:aws:iam::{acct}:role{path}{role}"


def role_id(acct, role):
    return unique_id("AROA", f"role/{acct}/{role}")


def assumed(acct, role, session, created, path="/", mfa=False, invoked_by=None, ec2=False):
    rid = role_id(acct, role)
    ctx = {"sessionIssuer": {"type": "Role", "principalId": rid, "arn": role_arn(acct, role, path),
                             "accountId": acct, "userName": role},
           "webIdFederationData": {},
           "attributes": {"creationDate": ts(created), "mfaAuthenticated": "true" if mfa else "false"}}
    if ec2:
        ctx["ec2RoleDelivery"] = "2.0"
    ident = {"type": "AssumedRole", "principalId": f"{rid}:{session}",
             "arn": f"arn:aws:sts::{acct}:assumed-role/{role}/{session}", "accountId": acct,
             "accessKeyId": access_key("ASIA", f"session/{acct}/{role}/{session}/{created}"),
             "sessionContext": ctx}
    if invoked_by:
        ident["invokedBy"] = invoked_by
    return ident


def aws_service(svc):
    return {"type": "AWSService", "invokedBy": svc}


# ---------------------------------------------------------------- the cast

LEAKED_KEY = access_key("AKIA", "user/111122223333/ci-deploy/key1")
NEW_KEY = access_key("AKIA", "user/111122223333/ci-deploy/key2")
ALICE_KEY = access_key("AKIA", "user/111122223333/alice/key1")
CI = iam_user(A, "ci-deploy", LEAKED_KEY)
CI_NEW = iam_user(A, "ci-deploy", NEW_KEY)
ALICE = iam_user(A, "alice", ALICE_KEY)
SSO_PATH = "/aws-reserved/sso.amazonaws.com/"
DANA = assumed(A, "AWSReservedSSO_AdministratorAccess_5c1a9e3f2b7d8c60", "dana@acme.example",
               "08:35:02", path=SSO_PATH)
ERIN = assumed(B, "AWSReservedSSO_PlatformAdmin_0d4e8b2a9c7f1e35", "erin@acme.example", "09:31:44",
               path=SSO_PATH)
CLEANUP = assumed(A, "acme-snapshot-cleanup-role", "acme-snapshot-cleanup", "07:02:03")
REMEDIATE = assumed(A, "acme-security-autoremediation", "ct-logging-guard", "11:12:58")
ANALYZER = assumed(A, "AWSServiceRoleForAccessAnalyzer", "access-analyzer", "09:55:10",
                   path="/aws-service-role/access-analyzer.amazonaws.com/")
ETL_INSTANCE = "i-0c9d8e7f6a5b4c3d2"
ETL = assumed(A, "acme-etl-instance", ETL_INSTANCE, "09:00:21", ec2=True)
REPORT_INSTANCE = "i-07a6b5c4d3e2f1a0b"
REPORTER = assumed(B, "acme-report-builder", REPORT_INSTANCE, "09:05:40", ec2=True)
CONFIG = assumed(B, "AWSServiceRoleForConfig", "AWSConfig-Describe", "10:09:58",
                 path="/aws-service-role/config.amazonaws.com/")
CAROL = assumed(B, "FinanceAnalyst", "carol@acme.example", "08:15:09")
DEPLOY_LEGIT = assumed(B, "acme-deploy", "ci-deploy-pipeline-4711", "07:18:30")
ATK_SESSION = "botocore-session-1795174491"
DEPLOY_ATK = assumed(B, "acme-deploy", ATK_SESSION, "11:34:51")
ROOT_B = {"type": "Root", "principalId": B, "arn": f"arn:aws:iam::{B}:root", "accountId": B,
          "accessKeyId": access_key("ASIA", "root/444455556666/console"),
          "sessionContext": {"sessionIssuer": {}, "webIdFederationData": {},
                             "attributes": {"creationDate": ts("07:40:12"), "mfaAuthenticated": "true"}}}

UA_CI = ("aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0-1017-azure md/arch#x86_64 lang/python#3.12.6 "
         "md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off "
         "md/command#{}")
UA_ALICE = ("aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.6 "
            "md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off md/command#{}")
UA_ATK1 = "aws-cli/1.32.70 Python/3.11.8 Linux/6.6.15-amd64 botocore/1.34.70"
UA_ATK2 = ("Boto3/1.35.63 md/Botocore#1.35.63 ua/2.0 os/linux#6.1.0-27-amd64 md/arch#x86_64 "
           "lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.63")
UA_LAMBDA = ("Boto3/1.34.145 md/Botocore#1.34.145 ua/2.0 os/linux#5.10.227-239.884.amzn2.x86_64 "
             "md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 "
             "cfg/retry-mode#legacy Botocore/1.34.145")
UA_JAVA = ("aws-sdk-java/2.29.15 Linux/6.1.115-126.197.amzn2023.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS "
           "Java/21.0.5 vendor/Amazon.com_Inc. md/io#sync md/http#Apache ua/2.1 cfg/retry-mode#legacy m/D")
UA_S3CONSOLE = ("[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.771 Linux/5.10.228-196.880.amzn2int.x86_64 "
                "OpenJDK_64-Bit_Server_VM/17.0.13+11-LTS java/17.0.13 vendor/Amazon.com_Inc. "
                "cfg/retry-mode/standard]")
UA_CONSOLE = "AWS Internal"
UA_CHROME = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
             "Chrome/131.0.0.0 Safari/537.36")
UA_FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
UA_SAFARI = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
             "Version/18.1 Safari/605.1.15")

VERSION = {"iam": "1.08", "sts": "1.08", "signin": "1.09", "s3": "1.10", "ec2": "1.10", "kms": "1.11",
           "secretsmanager": "1.11", "cloudtrail": "1.11", "lambda": "1.11", "cloudformation": "1.09"}

# resources the story keeps coming back to
TRAIL_ARN = f"arn:aws:cloudtrail:{E1}:{A}:trail/main-trail"
FIN_BUCKET = "acme-finance-reports"
SG_ID = hexid("sg-", "sg/build-runners")
AMI = hexid("ami-", "ami/al2023")
ATK_INSTANCES = [hexid("i-", "atk/instance/1"), hexid("i-", "atk/instance/2")]
FIN_KEY_ID = uid("kms/finance-backups")
FIN_KEY_ARN = f"arn:aws:kms:{W1}:{A}:key/{FIN_KEY_ID}"
DATA_KEY_ID = uid("kms/data-platform")
ETL_KEY_ID = uid("kms/etl-config")
SECRET_ARN = f"arn:aws:secretsmanager:{W1}:{A}:secret:prod/finance/warehouse-db-Ab12Cd"
DEPLOY_ROLE_ARN = role_arn(B, "acme-deploy")
VPCE_A, VPCE_B = "vpce-0a1b2c3d4e5f60789", "vpce-0f9e8d7c6b5a40312"
ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess"

EVENTS = []   # (account, region, event) in story order; files get their own order
BY_KEY = {}   # story key -> event


def ev(key, hms, acct, region, source, name, ident, ip, ua, *, ro, req=None, resp=None, extra=None,
       error=None, resources=None, etype="AwsApiCall", mgmt=True, shared=None, vpce=None, tls="default",
       console=False, version=None, api=None):
    """One CloudTrail record, with keys in the order CloudTrail writes them."""
    svc = source.split(".")[0]
    e = {"eventVersion": version or VERSION[svc], "userIdentity": ident, "eventTime": ts(hms),
         "eventSource": source, "eventName": name, "awsRegion": region, "sourceIPAddress": ip,
         "userAgent": ua}
    if error:
        if error[0]:
            e["errorCode"] = error[0]
        e["errorMessage"] = error[1]
    e["requestParameters"] = req
    e["responseElements"] = resp
    if extra is not None:
        e["additionalEventData"] = extra
    if etype == "AwsApiCall":
        e["requestID"] = uid("request/" + key)
    e["eventID"] = uid("event/" + key)
    e["readOnly"] = ro
    if resources:
        e["resources"] = resources
    e["eventType"] = etype
    if api:
        e["apiVersion"] = api
    e["managementEvent"] = mgmt
    e["recipientAccountId"] = acct
    if shared:
        e["sharedEventID"] = uid("shared/" + shared)
    if vpce:
        e["vpcEndpointId"] = vpce
        e["vpcEndpointAccountId"] = acct
    e["eventCategory"] = "Management" if mgmt else "Data"
    if tls:
        host = tls if tls != "default" else {
            "iam": "iam.amazonaws.com", "signin": "signin.aws.amazon.com"}.get(svc, f"{svc}.{region}.amazonaws.com")
        e["tlsDetails"] = {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                           "clientProvidedHostHeader": host}
    if console:
        e["sessionCredentialFromConsole"] = "true"
    assert key not in BY_KEY, key
    EVENTS.append((acct, region, e))
    BY_KEY[key] = e
    return e


def denied(action, who, resource="*"):
    return ("AccessDenied", f"User: {who['arn']} is not authorized to perform: {action} on resource: "
            f"{resource} because no identity-based policy allows the {action} action")


def s3_extra(label, out=0, inn=0, sse=None):
    d = {"SignatureVersion": "SigV4", "CipherSuite": "TLS_AES_128_GCM_SHA256", "bytesTransferredIn": inn}
    if sse:
        d["SSEApplied"] = sse
    d.update({"AuthenticationMethod": "AuthHeader", "x-amz-id-2": b64("amzid2/" + label, 76),
              "bytesTransferredOut": out})
    return d


def s3_object(key, hms, acct, region, name, ident, ip, ua, bucket, obj, *, out=0, inn=0, sse="SSE_S3",
              error=None, vpce=None, console=False, extra_req=None):
    host = f"{bucket}.s3.{region}.amazonaws.com"
    req = {"bucketName": bucket, "Host": host, "key": obj}
    req.update(extra_req or {})
    resp = None
    if name == "PutObject" and not error:
        resp = {"x-amz-server-side-encryption": "aws:kms" if sse == "SSE_KMS" else "AES256"}
    return ev(key, hms, acct, region, "s3.amazonaws.com", name, ident, ip, ua,
              ro=name in ("GetObject", "HeadObject", "ListObjects"), req=req, resp=resp, error=error,
              extra=s3_extra(key, out=0 if error else out, inn=inn, sse=None if error else sse),
              resources=[{"type": "AWS::S3::Object", "ARN": f"arn:aws:s3:::{bucket}/{obj}"},
                         {"accountId": acct, "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::{bucket}"}],
              mgmt=False, vpce=vpce, tls=host, console=console)


def list_buckets(key, hms, acct, ident, ip, ua, host="s3.amazonaws.com", region=E1):
    return ev(key, hms, acct, region, "s3.amazonaws.com", "ListBuckets", ident, ip, ua, ro=True,
              req={"Host": host}, extra=s3_extra(key, out=1284), tls=host)


def assume_role(key, hms, role_acct, role, session, caller_ident, ip, ua, *, caller_acct=None, region=E1,
                duration=3600, tls="default", shared=None):
    """AssumeRole; for a cross-account call, logged once in each account (same sharedEventID)."""
    creds = {"accessKeyId": access_key("ASIA", f"session/{role_acct}/{role}/{session}/{hms}"),
             "sessionToken": session_token(key), "expiration": aws_date(hms, duration)}
    rid = role_id(role_acct, role)
    req = {"roleArn": role_arn(role_acct, role), "roleSessionName": session}
    if duration != 3600:
        req["durationSeconds"] = duration
    resp = {"credentials": creds,
            "assumedRoleUser": {"assumedRoleId": f"{rid}:{session}",
                                "arn": f"arn:aws:sts::{role_acct}:assumed-role/{role}/{session}"}}
    res = [{"accountId": role_acct, "type": "AWS::IAM::Role", "ARN": role_arn(role_acct, role)}]
    kw = dict(ro=True, req=req, resp=resp, resources=res, tls=tls, shared=shared)
    if caller_acct and caller_acct != role_acct:       # caller's copy, then role owner's copy
        ev(key + "/caller", hms, caller_acct, region, "sts.amazonaws.com", "AssumeRole", caller_ident,
           ip, ua, **kw)
        owner = {"type": "AWSAccount", "principalId": caller_ident["principalId"], "accountId": caller_acct}
        return ev(key + "/owner", hms, role_acct, region, "sts.amazonaws.com", "AssumeRole", owner, ip, ua,
                  **kw)
    return ev(key, hms, role_acct, region, "sts.amazonaws.com", "AssumeRole", caller_ident, ip, ua, **kw)


def big_key_policy():
    """A KMS key policy of ~12 KB: CloudTrail logs it verbatim as one string in requestParameters."""
    teams = ["analytics", "billing", "catalog", "checkout", "crm", "data-science", "etl", "finance",
             "fraud", "growth", "hr", "identity", "inventory", "ledger", "logistics", "marketing",
             "ml-platform", "notifications", "payments", "pricing", "procurement", "recommendations",
             "reporting", "risk", "search", "security", "shipping", "support", "tax", "warehouse"]
    stmts = [{"Sid": "EnableRootAccountPermissions", "Effect": "Allow",
              "Principal": {"AWS": f"arn:aws:iam::{A}:root"}, "Action": "kms:*", "Resource": "*"}]
    for t in teams:
        stmts.append({"Sid": f"AllowDecrypt{t.title().replace('-', '')}", "Effect": "Allow",
                      "Principal": {"AWS": role_arn(A, f"acme-{t}-reader")},
                      "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*",
                      "Condition": {"StringLike": {
                          "kms:EncryptionContext:aws:s3:arn": f"arn:aws:s3:::acme-data-lake/{t}/*"}}})
    return json.dumps({"Version": "2012-10-17", "Id": "acme-data-platform-key-policy", "Statement": stmts},
                      indent=4)


def tag_set(tags):
    return {"items": [{"key": k, "value": v} for k, v in tags]}


def build_story():
    # ---------------------------------------------------------- account A, us-east-1: background
    assume_role("bg/lambda-assume", "07:02:03", A, "acme-snapshot-cleanup-role", "acme-snapshot-cleanup",
                aws_service("lambda.amazonaws.com"), "lambda.amazonaws.com", "lambda.amazonaws.com",
                tls=None, shared="bg/lambda-assume")
    ev("bg/cleanup-describe", "07:02:09", A, E1, "ec2.amazonaws.com", "DescribeSnapshots", CLEANUP,
       IP_LAMBDA, UA_LAMBDA, ro=True,
       req={"snapshotSet": {}, "ownersSet": {"items": [{"owner": "self"}]}, "sharedUsersSet": {},
            "filterSet": {"items": [{"name": "tag:retention", "valueSet": {"items": [{"value": "7d"}]}}]}})
    snap = hexid("snap-", "snap/old-build-cache")
    ev("bg/cleanup-delete", "07:02:11", A, E1, "ec2.amazonaws.com", "DeleteSnapshot", CLEANUP, IP_LAMBDA,
       UA_LAMBDA, ro=False, req={"snapshotId": snap},
       resp={"requestId": uid("request/bg/cleanup-delete"), "_return": True})
    ev("bg/ci-whoami", "07:15:40", A, E1, "sts.amazonaws.com", "GetCallerIdentity", CI, IP_CI,
       UA_CI.format("sts.get-caller-identity"), ro=True, tls="sts.us-east-1.amazonaws.com")
    assume_role("bg/ci-assume-deploy", "07:18:30", B, "acme-deploy", "ci-deploy-pipeline-4711", CI, IP_CI,
                UA_CI.format("sts.assume-role"), caller_acct=A, tls="sts.us-east-1.amazonaws.com",
                shared="bg/ci-assume-deploy")
    ev("bg/ci-artifact", "07:16:02", A, E1, "s3.amazonaws.com", "PutObject", CI, IP_CI,
       UA_CI.format("s3.cp"), ro=False,
       req={"bucketName": "acme-ci-artifacts", "Host": "acme-ci-artifacts.s3.us-east-1.amazonaws.com",
            "key": "builds/web-frontend/4711/bundle.zip"},
       resp={"x-amz-server-side-encryption": "AES256"},
       extra=s3_extra("bg/ci-artifact", inn=4194304, sse="SSE_S3"),
       resources=[{"type": "AWS::S3::Object",
                   "ARN": "arn:aws:s3:::acme-ci-artifacts/builds/web-frontend/4711/bundle.zip"},
                  {"accountId": A, "type": "AWS::S3::Bucket", "ARN": "arn:aws:s3:::acme-ci-artifacts"}],
       mgmt=False, tls="acme-ci-artifacts.s3.us-east-1.amazonaws.com")
    ev("bg/ci-describe-stacks", "07:16:44", A, E1, "cloudformation.amazonaws.com", "DescribeStacks", CI,
       IP_CI, UA_CI.format("cloudformation.describe-stacks"), ro=True, req={"stackName": "web-frontend"})
    stack_id = f"arn:aws:cloudformation:{E1}:{A}:stack/web-frontend/{uid('stack/web-frontend')}"
    ev("bg/ci-update-stack", "07:17:05", A, E1, "cloudformation.amazonaws.com", "UpdateStack", CI, IP_CI,
       UA_CI.format("cloudformation.update-stack"), ro=False,
       req={"stackName": "web-frontend",
            "templateURL": "https://acme-ci-artifacts.s3.amazonaws.com/builds/web-frontend/4711/template.yaml",
            "parameters": [{"parameterKey": "BuildNumber", "parameterValue": "4711"}],
            "capabilities": ["CAPABILITY_NAMED_IAM"]},
       resp={"stackId": stack_id})
    list_buckets("bg/alice-ls-ipv6", "08:05:19", A, ALICE, IP_ALICE6, UA_ALICE.format("s3.ls"),
                 host="s3.dualstack.us-east-1.amazonaws.com")
    ev("bg/alice-describe", "08:06:02", A, E1, "ec2.amazonaws.com", "DescribeInstances", ALICE, IP_ALICE,
       UA_ALICE.format("ec2.describe-instances"), ro=True,
       req={"instancesSet": {}, "filterSet": {"items": [
           {"name": "instance-state-name", "valueSet": {"items": [{"value": "running"}]}}]}})
    ev("bg/dana-put-key-policy", "08:41:27", A, E1, "kms.amazonaws.com", "PutKeyPolicy", DANA, IP_DANA,
       UA_CONSOLE, ro=False, console=True,
       req={"keyId": DATA_KEY_ID, "policyName": "default", "policy": big_key_policy(),
            "bypassPolicyLockoutSafetyCheck": False},
       resources=[{"accountId": A, "type": "AWS::KMS::Key",
                   "ARN": f"arn:aws:kms:{E1}:{A}:key/{DATA_KEY_ID}"}])
    ev("bg/dana-describe-key", "08:41:29", A, E1, "kms.amazonaws.com", "DescribeKey", DANA, IP_DANA,
       UA_CONSOLE, ro=True, console=True, req={"keyId": DATA_KEY_ID},
       resources=[{"accountId": A, "type": "AWS::KMS::Key",
                   "ARN": f"arn:aws:kms:{E1}:{A}:key/{DATA_KEY_ID}"}])
    ev("bg/analyzer-list-roles", "09:55:12", A, E1, "iam.amazonaws.com", "ListRoles", ANALYZER,
       "access-analyzer.amazonaws.com", "access-analyzer.amazonaws.com", ro=True, req={"maxItems": 1000},
       tls=None)

    # ---------------------------------------------------------- the incident, account A
    ev("atk/whoami", "11:02:14", A, E1, "sts.amazonaws.com", "GetCallerIdentity", CI, IP_ATK1, UA_ATK1,
       ro=True, tls="sts.amazonaws.com")
    list_buckets("atk/ls", "11:02:40", A, CI, IP_ATK1, UA_ATK1)
    burst = [("03:05", "iam", "ListUsers", "iam:ListUsers", f"arn:aws:iam::{A}:user/", {"maxItems": 100}),
             ("03:09", "iam", "ListRoles", "iam:ListRoles", f"arn:aws:iam::{A}:role/", None),
             ("03:16", "iam", "GetAccountAuthorizationDetails", "iam:GetAccountAuthorizationDetails", "*",
              {"filter": ["User", "Role", "Group", "LocalManagedPolicy"]}),
             ("03:41", "secretsmanager", "ListSecrets", "secretsmanager:ListSecrets", "*", None),
             ("03:58", "kms", "ListKeys", "kms:ListKeys", "*", None),
             ("04:22", "lambda", "ListFunctions20150331", "lambda:ListFunctions", "*", None)]
    for mmss, svc, name, action, res, req in burst:
        ev(f"atk/denied/{name}", "11:" + mmss, A, E1, f"{svc}.amazonaws.com", name, CI, IP_ATK1, UA_ATK1,
           ro=True, req=req, error=denied(action, CI, res),
           api="2015-03-31" if svc == "lambda" else None)
    ev("atk/denied/ec2", "11:04:37", A, E1, "ec2.amazonaws.com", "DescribeInstances", CI, IP_ATK1, UA_ATK1,
       ro=True, req={"instancesSet": {}, "filterSet": {}},
       error=("Client.UnauthorizedOperation", "You are not authorized to perform this operation. User: "
              f"{CI['arn']} is not authorized to perform: ec2:DescribeInstances because no identity-based "
              "policy allows the ec2:DescribeInstances action"))
    s3_object("atk/denied/s3", "11:05:02", A, W1, "GetObject", CI, IP_ATK1, UA_ATK1, FIN_BUCKET,
              "2026/Q3/board-pack.pdf", error=("AccessDenied", "Access Denied"))
    ev("atk/attach-admin", "11:08:31", A, E1, "iam.amazonaws.com", "AttachUserPolicy", CI, IP_ATK1, UA_ATK1,
       ro=False, req={"userName": "ci-deploy", "policyArn": ADMIN_POLICY})
    ev("atk/create-key", "11:09:27", A, E1, "iam.amazonaws.com", "CreateAccessKey", CI, IP_ATK1, UA_ATK1,
       ro=False, req={"userName": "ci-deploy"},
       resp={"accessKey": {"accessKeyId": NEW_KEY, "createDate": aws_date("11:09:27", comma=False),
                           "status": "Active", "userName": "ci-deploy"}})
    ev("atk/stop-logging", "11:11:40", A, E1, "cloudtrail.amazonaws.com", "StopLogging", CI, IP_ATK1,
       UA_ATK1, ro=False, req={"name": TRAIL_ARN})
    # logging gap: these three reached only the organisation's event data store (exports/events.jsonl)
    backup_user = iam_user(A, "svc-backup", "")["principalId"]
    ev("gap/create-user", "11:12:10", A, E1, "iam.amazonaws.com", "CreateUser", CI, IP_ATK1, UA_ATK1,
       ro=False, req={"userName": "svc-backup"},
       resp={"user": {"path": "/", "userName": "svc-backup", "userId": backup_user,
                      "arn": f"arn:aws:iam::{A}:user/svc-backup", "createDate": aws_date("11:12:10", comma=False)}})
    ev("gap/login-profile", "11:12:31", A, E1, "iam.amazonaws.com", "CreateLoginProfile", CI, IP_ATK1,
       UA_ATK1, ro=False, req={"userName": "svc-backup", "passwordResetRequired": False},
       resp={"loginProfile": {"userName": "svc-backup", "createDate": aws_date("11:12:31", comma=False),
                              "passwordResetRequired": False}})
    ev("gap/attach-admin", "11:12:49", A, E1, "iam.amazonaws.com", "AttachUserPolicy", CI, IP_ATK1, UA_ATK1,
       ro=False, req={"userName": "svc-backup", "policyArn": ADMIN_POLICY})
    ev("rem/start-logging", "11:13:05", A, E1, "cloudtrail.amazonaws.com", "StartLogging", REMEDIATE,
       IP_LAMBDA, UA_LAMBDA, ro=False, req={"name": TRAIL_ARN})
    ev("atk/whoami-newkey", "11:19:52", A, E1, "sts.amazonaws.com", "GetCallerIdentity", CI_NEW, IP_ATK2,
       UA_ATK2, ro=True, tls="sts.amazonaws.com")
    ev("atk/open-ssh", "11:21:18", A, W1, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", CI, IP_ATK2,
       UA_ATK2, ro=False,
       req={"groupId": SG_ID, "ipPermissions": {"items": [
           {"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "groups": {},
            "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]}, "ipv6Ranges": {}, "prefixListIds": {}}]}},
       resp={"requestId": uid("request/atk/open-ssh"), "_return": True, "securityGroupRuleSet": {"items": [
           {"groupOwnerId": A, "groupId": SG_ID, "securityGroupRuleId": hexid("sgr-", "sgr/atk"),
            "isEgress": False, "ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "cidrIpv4": "0.0.0.0/0"}]}})
    subnet, vpc = hexid("subnet-", "subnet/runners-a"), hexid("vpc-", "vpc/runners")
    launch = epoch_ms("11:22:47")
    items = []
    for n, iid in enumerate(ATK_INSTANCES):
        items.append({
            "instanceId": iid, "imageId": AMI, "currentInstanceBootMode": "legacy-bios",
            "instanceState": {"code": 0, "name": "pending"},
            "privateDnsName": f"ip-172-31-9-{201 + n}.eu-west-1.compute.internal", "keyName": "ops-temp",
            "amiLaunchIndex": n, "productCodes": {}, "instanceType": "c5.4xlarge", "launchTime": launch,
            "placement": {"availabilityZone": "eu-west-1a", "tenancy": "default"},
            "monitoring": {"state": "disabled"}, "subnetId": subnet, "vpcId": vpc,
            "privateIpAddress": f"172.31.9.{201 + n}", "stateReason": {"code": "pending", "message": "pending"},
            "architecture": "x86_64", "rootDeviceType": "ebs", "rootDeviceName": "/dev/xvda",
            "blockDeviceMapping": {}, "virtualizationType": "hvm", "hypervisor": "xen",
            "groupSet": {"items": [{"groupId": SG_ID, "groupName": "build-runners"}]},
            "sourceDestCheck": True, "ebsOptimized": False, "enaSupport": True,
            "cpuOptions": {"coreCount": 8, "threadsPerCore": 2},
            "metadataOptions": {"state": "pending", "httpTokens": "optional", "httpPutResponseHopLimit": 1,
                                "httpEndpoint": "enabled"},
            "tagSet": tag_set([("Name", "build-cache")])})
    ev("atk/run-instances", "11:22:47", A, W1, "ec2.amazonaws.com", "RunInstances", CI, IP_ATK2, UA_ATK2,
       ro=False,
       req={"instancesSet": {"items": [{"imageId": AMI, "minCount": 2, "maxCount": 2, "keyName": "ops-temp"}]},
            "userData": "<sensitiveDataRemoved>", "instanceType": "c5.4xlarge", "blockDeviceMapping": {},
            "monitoring": {"enabled": False}, "disableApiTermination": False, "disableApiStop": False,
            "clientToken": uid("clienttoken/atk"),
            "networkInterfaceSet": {"items": [{"deviceIndex": 0, "subnetId": subnet,
                                               "associatePublicIpAddress": True,
                                               "groupSet": {"items": [{"groupId": SG_ID}]}}]},
            "tagSpecificationSet": {"items": [{"resourceType": "instance",
                                               "tags": [{"key": "Name", "value": "build-cache"}]}]}},
       resp={"requestId": uid("request/atk/run-instances"), "reservationId": hexid("r-", "reservation/atk"),
             "ownerId": A, "groupSet": {}, "instancesSet": {"items": items}})
    for mmss, obj, size in (("25:03", "2026/11/ledger-2026-11-19.parquet", 48213677),
                            ("25:48", "2026/Q3/board-pack.pdf", 7340541),
                            ("26:30", "2026/11/daily-summary-2026-11-19.csv", 918204)):
        s3_object(f"atk/get/{obj}", "11:" + mmss, A, W1, "GetObject", CI, IP_ATK2, UA_ATK2, FIN_BUCKET, obj,
                  out=size)
    policy = {"Version": "2012-10-17", "Statement": [{
        "Sid": "ReplicationReader", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{OUTSIDER}:root"},
        "Action": ["s3:GetObject", "s3:ListBucket"],
        "Resource": [f"arn:aws:s3:::{FIN_BUCKET}", f"arn:aws:s3:::{FIN_BUCKET}/*"]}]}
    fin_host = f"{FIN_BUCKET}.s3.{W1}.amazonaws.com"
    ev("atk/put-bucket-policy", "11:29:14", A, W1, "s3.amazonaws.com", "PutBucketPolicy", CI, IP_ATK2,
       UA_ATK2, ro=False, req={"bucketPolicy": policy, "bucketName": FIN_BUCKET, "Host": fin_host, "policy": ""},
       extra=s3_extra("atk/put-bucket-policy", inn=331),
       resources=[{"accountId": A, "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::{FIN_BUCKET}"}],
       tls=fin_host)
    ev("atk/get-secret", "11:30:40", A, W1, "secretsmanager.amazonaws.com", "GetSecretValue", CI, IP_ATK2,
       UA_ATK2, ro=True, req={"secretId": SECRET_ARN})
    ev("atk/schedule-key-deletion", "11:32:05", A, W1, "kms.amazonaws.com", "ScheduleKeyDeletion", CI,
       IP_ATK2, UA_ATK2, ro=False, req={"keyId": FIN_KEY_ID, "pendingWindowInDays": 7},
       resp={"keyId": FIN_KEY_ARN, "deletionDate": "Nov 28, 2026, 12:00:00 AM", "keyState": "PendingDeletion",
             "pendingWindowInDays": 7},
       resources=[{"accountId": A, "type": "AWS::KMS::Key", "ARN": FIN_KEY_ARN}])
    assume_role("atk/assume-deploy", "11:34:51", B, "acme-deploy", ATK_SESSION, CI, IP_ATK2, UA_ATK2,
                caller_acct=A, tls="sts.amazonaws.com", shared="atk/assume-deploy")
    ev("atk/console-login", "11:41:07", A, E1, "signin.amazonaws.com", "ConsoleLogin",
       iam_user(A, "ci-deploy", "", arn=False), IP_ATK2, UA_FIREFOX, ro=False, etype="AwsConsoleSignIn",
       error=(None, "Failed authentication"), resp={"ConsoleLogin": "Failure"},
       extra={"LoginTo": "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state="
                         "hashArgsFromTB_us-east-1_5b3c7e9a1d2f4e60", "MobileVersion": "No", "MFAUsed": "No"})

    # ---------------------------------------------------------- account B: the pivot
    ev("atk/b-whoami", "11:35:20", B, E1, "sts.amazonaws.com", "GetCallerIdentity", DEPLOY_ATK, IP_ATK2,
       UA_ATK2, ro=True, tls="sts.amazonaws.com")
    list_buckets("atk/b-ls", "11:35:44", B, DEPLOY_ATK, IP_ATK2, UA_ATK2)
    ev("atk/b-describe", "11:36:31", B, W1, "ec2.amazonaws.com", "DescribeInstances", DEPLOY_ATK, IP_ATK2,
       UA_ATK2, ro=True, req={"instancesSet": {}, "filterSet": {}})
    ev("atk/b-secret", "11:37:02", B, W1, "secretsmanager.amazonaws.com", "GetSecretValue", DEPLOY_ATK,
       IP_ATK2, UA_ATK2, ro=True,
       req={"secretId": "prod/payments/stripe-api-key"},
       error=denied("secretsmanager:GetSecretValue", DEPLOY_ATK,
                    f"arn:aws:secretsmanager:{W1}:{B}:secret:prod/payments/stripe-api-key-Q9xT2w"))

    # ---------------------------------------------------------- account A, eu-west-1: background
    assume_role("bg/ec2-assume-etl", "09:00:21", A, "acme-etl-instance", ETL_INSTANCE,
                aws_service("ec2.amazonaws.com"), "ec2.amazonaws.com", "ec2.amazonaws.com", region=W1,
                tls=None, shared="bg/ec2-assume-etl")
    s3_object("bg/etl-config", "09:14:02", A, W1, "GetObject", ETL, "10.20.3.14", UA_JAVA,
              "acme-etl-config", "config/pipeline.yaml", out=6121, sse="SSE_KMS", vpce=VPCE_A)
    ev("bg/etl-decrypt", "09:14:02", A, W1, "kms.amazonaws.com", "Decrypt",
       dict(ETL, invokedBy="s3.amazonaws.com"), "s3.amazonaws.com", "s3.amazonaws.com", ro=True, tls=None,
       req={"encryptionContext": {"aws:s3:arn": "arn:aws:s3:::acme-etl-config/config/pipeline.yaml"},
            "encryptionAlgorithm": "SYMMETRIC_DEFAULT"},
       resources=[{"accountId": A, "type": "AWS::KMS::Key", "ARN": f"arn:aws:kms:{W1}:{A}:key/{ETL_KEY_ID}"}])
    s3_object("bg/etl-put-ledger", "09:31:47", A, W1, "PutObject", ETL, "10.20.3.14", UA_JAVA, FIN_BUCKET,
              "2026/11/ledger-2026-11-19.parquet", inn=48213677, vpce=VPCE_A)
    s3_object("bg/etl-put-summary", "09:32:05", A, W1, "PutObject", ETL, "10.20.3.14", UA_JAVA, FIN_BUCKET,
              "2026/11/daily-summary-2026-11-19.csv", inn=918204, vpce=VPCE_A)
    ev("bg/alice-describe-eu", "10:12:36", A, W1, "ec2.amazonaws.com", "DescribeInstances", ALICE, IP_ALICE,
       UA_ALICE.format("ec2.describe-instances"), ro=True, req={"instancesSet": {}, "filterSet": {}})

    # ---------------------------------------------------------- account B: background
    ev("bg/root-login", "07:40:12", B, E1, "signin.amazonaws.com", "ConsoleLogin",
       {"type": "Root", "principalId": B, "arn": f"arn:aws:iam::{B}:root", "accountId": B, "accessKeyId": ""},
       IP_ROOT, UA_SAFARI, ro=False, etype="AwsConsoleSignIn", resp={"ConsoleLogin": "Success"},
       extra={"LoginTo": "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true",
              "MobileVersion": "No", "MFAIdentifier": f"arn:aws:iam::{B}:mfa/root-account-mfa-device",
              "MFAUsed": "Yes"})
    ev("bg/root-summary", "07:41:03", B, E1, "iam.amazonaws.com", "GetAccountSummary", ROOT_B, IP_ROOT,
       UA_CONSOLE, ro=True, console=True)
    saml_provider = f"arn:aws:iam::{B}:saml-provider/AcmeOkta"
    carol_creds = {"accessKeyId": CAROL["accessKeyId"], "sessionToken": session_token("carol"),
                   "expiration": aws_date("08:15:09", 3600)}
    ev("bg/carol-saml", "08:15:09", B, E1, "sts.amazonaws.com", "AssumeRoleWithSAML",
       {"type": "SAMLUser", "principalId": "Xq3mV8kR2pT7wLz9cN5bH1yD4fA=:carol@acme.example",
        "userName": "carol@acme.example", "identityProvider": "Xq3mV8kR2pT7wLz9cN5bH1yD4fA="},
       IP_CAROL, UA_CHROME, ro=True, tls="sts.amazonaws.com",
       req={"sAMLAssertionID": "id" + _h("saml/carol").hex()[:28], "roleSessionName": "carol@acme.example",
            "roleArn": role_arn(B, "FinanceAnalyst"), "principalArn": saml_provider, "durationSeconds": 3600},
       resp={"credentials": carol_creds,
             "assumedRoleUser": {"assumedRoleId": CAROL["principalId"], "arn": CAROL["arn"]},
             "packedPolicySize": 6, "subject": "carol@acme.example", "subjectType": "persistent",
             "issuer": "http://www.okta.com/exk1a2b3c4d5E6F7g8h9",
             "audience": "https://signin.aws.amazon.com/saml", "nameQualifier": "Xq3mV8kR2pT7wLz9cN5bH1yD4fA="},
       resources=[{"accountId": B, "type": "AWS::IAM::Role", "ARN": role_arn(B, "FinanceAnalyst")},
                  {"accountId": B, "type": "AWS::IAM::SAMLProvider", "ARN": saml_provider}])
    ledger = "acme-prod-ledger"
    ev("bg/carol-list", "08:16:40", B, W1, "s3.amazonaws.com", "ListObjects", CAROL, IP_CAROL, UA_S3CONSOLE,
       ro=True, console=True, mgmt=False,
       req={"list-type": "2", "bucketName": ledger, "encoding-type": "url", "max-keys": "300",
            "prefix": "2026/11/", "delimiter": "/", "Host": f"{ledger}.s3.eu-west-1.amazonaws.com"},
       extra=s3_extra("bg/carol-list", out=5120),
       resources=[{"type": "AWS::S3::Object", "ARNPrefix": f"arn:aws:s3:::{ledger}/2026/11/"},
                  {"accountId": B, "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::{ledger}"}],
       tls=f"{ledger}.s3.eu-west-1.amazonaws.com")
    s3_object("bg/carol-get-1", "08:17:02", B, W1, "GetObject", CAROL, IP_CAROL, UA_S3CONSOLE, ledger,
              "2026/11/close-checklist.xlsx", out=88412, console=True)
    s3_object("bg/carol-get-2", "08:19:55", B, W1, "GetObject", CAROL, IP_CAROL, UA_S3CONSOLE, ledger,
              "2026/11/accruals-2026-11-19.csv", out=302117, console=True)
    stack_b = f"arn:aws:cloudformation:{W1}:{B}:stack/web-frontend/{uid('stack/web-frontend-prod')}"
    ev("bg/deploy-update-stack", "07:19:12", B, W1, "cloudformation.amazonaws.com", "UpdateStack",
       DEPLOY_LEGIT, IP_CI, UA_CI.format("cloudformation.update-stack"), ro=False,
       req={"stackName": "web-frontend",
            "templateURL": "https://acme-ci-artifacts.s3.amazonaws.com/builds/web-frontend/4711/template.yaml",
            "parameters": [{"parameterKey": "BuildNumber", "parameterValue": "4711"}],
            "capabilities": ["CAPABILITY_NAMED_IAM"]},
       resp={"stackId": stack_b})
    assume_role("bg/ec2-assume-report", "09:05:40", B, "acme-report-builder", REPORT_INSTANCE,
                aws_service("ec2.amazonaws.com"), "ec2.amazonaws.com", "ec2.amazonaws.com", region=W1,
                tls=None, shared="bg/ec2-assume-report")
    s3_object("bg/report-config", "09:06:13", B, W1, "GetObject", REPORTER, "10.40.1.27", UA_JAVA,
              "acme-prod-app-config", "report-builder/settings.json", out=2210, vpce=VPCE_B)
    vol = hexid("vol-", "vol/report-scratch")
    ev("bg/erin-tags", "09:40:18", B, W1, "ec2.amazonaws.com", "CreateTags", ERIN, IP_ERIN, UA_CONSOLE,
       ro=False, console=True,
       req={"resourcesSet": {"items": [{"resourceId": REPORT_INSTANCE}, {"resourceId": vol}]},
            "tagSet": tag_set([("Zweck", "Überwachung – 監視"), ("owner", "erin@acme.example")])},
       resp={"requestId": uid("request/bg/erin-tags"), "_return": True})
    ev("bg/erin-describe-sg", "09:42:51", B, W1, "ec2.amazonaws.com", "DescribeSecurityGroups", ERIN,
       "AWS Internal", "AWS Internal", ro=True, console=True, tls=None,
       req={"securityGroupSet": {}, "securityGroupIdSet": {}, "maxResults": 1000})
    ev("bg/config-describe", "10:10:02", B, W1, "ec2.amazonaws.com", "DescribeInstances", CONFIG,
       "config.amazonaws.com", "config.amazonaws.com", ro=True, tls=None,
       req={"instancesSet": {"items": [{"instanceId": REPORT_INSTANCE}]}, "filterSet": {}})

    # ---------------------------------------------------------- response
    ev("ir/disable-key", "12:04:11", A, E1, "iam.amazonaws.com", "UpdateAccessKey", DANA, IP_DANA, UA_CONSOLE,
       ro=False, console=True, req={"userName": "ci-deploy", "accessKeyId": LEAKED_KEY, "status": "Inactive"})
    ev("ir/delete-new-key", "12:04:40", A, E1, "iam.amazonaws.com", "DeleteAccessKey", DANA, IP_DANA,
       UA_CONSOLE, ro=False, console=True, req={"userName": "ci-deploy", "accessKeyId": NEW_KEY})
    ev("ir/detach-ci", "12:06:02", A, E1, "iam.amazonaws.com", "DetachUserPolicy", DANA, IP_DANA, UA_CONSOLE,
       ro=False, console=True, req={"userName": "ci-deploy", "policyArn": ADMIN_POLICY})
    ev("ir/trail-status", "12:07:15", A, E1, "cloudtrail.amazonaws.com", "GetTrailStatus", DANA, IP_DANA,
       UA_CONSOLE, ro=True, console=True, req={"name": TRAIL_ARN})
    ev("ir/delete-login", "12:09:30", A, E1, "iam.amazonaws.com", "DeleteLoginProfile", DANA, IP_DANA,
       UA_CONSOLE, ro=False, console=True, req={"userName": "svc-backup"})
    ev("ir/detach-backup", "12:09:48", A, E1, "iam.amazonaws.com", "DetachUserPolicy", DANA, IP_DANA,
       UA_CONSOLE, ro=False, console=True, req={"userName": "svc-backup", "policyArn": ADMIN_POLICY})
    ev("ir/delete-user", "12:10:05", A, E1, "iam.amazonaws.com", "DeleteUser", DANA, IP_DANA, UA_CONSOLE,
       ro=False, console=True, req={"userName": "svc-backup"})
    ev("ir/cancel-deletion", "12:11:21", A, W1, "kms.amazonaws.com", "CancelKeyDeletion", DANA, IP_DANA,
       UA_CONSOLE, ro=False, console=True, req={"keyId": FIN_KEY_ARN}, resp={"keyId": FIN_KEY_ARN},
       resources=[{"accountId": A, "type": "AWS::KMS::Key", "ARN": FIN_KEY_ARN}])
    ev("ir/revoke-ssh", "12:12:33", A, W1, "ec2.amazonaws.com", "RevokeSecurityGroupIngress", DANA, IP_DANA,
       UA_CONSOLE, ro=False, console=True,
       req={"groupId": SG_ID, "securityGroupRuleIds": {"items": [{"securityGroupRuleId": hexid("sgr-", "sgr/atk")}]}},
       resp={"requestId": uid("request/ir/revoke-ssh"), "_return": True})
    ev("ir/terminate", "12:13:10", A, W1, "ec2.amazonaws.com", "TerminateInstances", DANA, IP_DANA, UA_CONSOLE,
       ro=False, console=True, req={"instancesSet": {"items": [{"instanceId": i} for i in ATK_INSTANCES]}},
       resp={"requestId": uid("request/ir/terminate"), "instancesSet": {"items": [
           {"instanceId": i, "currentState": {"code": 32, "name": "shutting-down"},
            "previousState": {"code": 16, "name": "running"}} for i in ATK_INSTANCES]}})
    ev("ir/delete-bucket-policy", "12:15:42", A, W1, "s3.amazonaws.com", "DeleteBucketPolicy", DANA, IP_DANA,
       UA_S3CONSOLE, ro=False, console=True, req={"bucketName": FIN_BUCKET, "Host": fin_host, "policy": ""},
       extra=s3_extra("ir/delete-bucket-policy"),
       resources=[{"accountId": A, "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::{FIN_BUCKET}"}],
       tls=fin_host)
    ev("ir/rotate-secret", "12:20:09", A, W1, "secretsmanager.amazonaws.com", "RotateSecret", DANA, IP_DANA,
       UA_CONSOLE, ro=False, console=True, req={"secretId": SECRET_ARN, "rotateImmediately": True},
       resp={"arn": SECRET_ARN, "name": "prod/finance/warehouse-db", "versionId": uid("secretversion/1")})
    ev("ir/b-revoke-sessions", "12:31:26", B, E1, "iam.amazonaws.com", "PutRolePolicy", ERIN, IP_ERIN,
       UA_CONSOLE, ro=False, console=True,
       req={"roleName": "acme-deploy", "policyName": "AWSRevokeOlderSessions",
            "policyDocument": json.dumps({"Version": "2012-10-17", "Statement": [
                {"Effect": "Deny", "Action": ["*"], "Resource": ["*"],
                 "Condition": {"DateLessThan": {"aws:TokenIssueTime": ts("12:31:26")}}}]})})
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": role_arn(A, "acme-ci-oidc")}, "Action": "sts:AssumeRole"}]}
    ev("ir/b-update-trust", "12:33:58", B, E1, "iam.amazonaws.com", "UpdateAssumeRolePolicy", ERIN, IP_ERIN,
       UA_CONSOLE, ro=False, console=True, req={"roleName": "acme-deploy", "policyDocument": json.dumps(trust)})


GAP_KEYS = ("gap/create-user", "gap/login-profile", "gap/attach-admin")
LOOKUP_KEYS = ("atk/console-login", "atk/stop-logging", "atk/create-key", "atk/attach-admin")  # newest first
JSONL_DUP_KEYS = ("atk/stop-logging", "rem/start-logging")


# ---------------------------------------------------------------- writing

def gzip_bytes(data):
    """gzip member with the header Java's GZIPOutputStream writes (mtime 0), independent of Python version."""
    body = zlib.compressobj(9, zlib.DEFLATED, -15)
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x00" + body.compress(data) + body.flush()
            + struct.pack("<LL", zlib.crc32(data), len(data) & 0xFFFFFFFF))


def compact(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write(rel, data):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return rel


def day_dir(kind, acct, region):
    return f"AWSLogs/{acct}/{kind}/{region}/2026/11/20"


def write_delivery_files(delivered):
    """Split each account/region into FILES_PER_PREFIX files; returns [(rel, hhmm, events)]."""
    out = []
    for (acct, region), n_files in FILES_PER_PREFIX.items():
        evs = sorted((e for a, r, e in delivered if (a, r) == (acct, region)),
                     key=lambda e: (e["eventTime"], e["eventID"]))
        size, rest = divmod(len(evs), n_files)
        start = 0
        for i in range(n_files):
            chunk = evs[start:start + size + (1 if i < rest else 0)]
            start += len(chunk)
            last = secs(chunk[-1]["eventTime"][11:19])
            delivery = (last // 300 + 2) * 300                  # 5-10 minutes after the newest event
            hhmm = hms_of(delivery)[:5].replace(":", "")
            name = f"{acct}_CloudTrail_{region}_20261120T{hhmm}Z_{_pick(f'file/{acct}/{region}/{i}', ALNUM, 16)}"
            # CloudTrail does not order records within a file: use a fixed pseudo-random order
            records = sorted(chunk, key=lambda e: _h(name + e["eventID"]))
            raw = compact({"Records": records}).encode("utf-8")
            rel = write(f"{day_dir('CloudTrail', acct, region)}/{name}.json.gz", gzip_bytes(raw))
            out.append((rel, hhmm, chunk, raw))
    return out


def write_digest(files):
    """The 11:00-12:00 digest for account A, us-east-1: lists the log files delivered in that hour."""
    listed = [(rel, chunk, raw) for rel, hhmm, chunk, raw in files
              if rel.startswith(f"AWSLogs/{A}/CloudTrail/{E1}/") and "1100" <= hhmm < "1200"]
    assert listed, "no delivery file in the digest hour"
    times = sorted(e["eventTime"] for _, chunk, _ in listed for e in chunk)
    rel = (f"{day_dir('CloudTrail-Digest', A, E1)}/"
           f"{A}_CloudTrail-Digest_{E1}_main-trail_{E1}_20261120T120000Z.json.gz")
    prev = rel.replace("T120000Z", "T110000Z")
    digest = {
        "awsAccountId": A, "digestStartTime": ts("11:00:00"), "digestEndTime": ts("12:00:00"),
        "digestS3Bucket": LOG_BUCKET, "digestS3Object": rel,
        "digestPublicKeyFingerprint": _h("digest/fingerprint").hex()[:32],
        "digestSignatureAlgorithm": "SHA256withRSA",
        "newestEventTime": times[-1], "oldestEventTime": times[0],
        "previousDigestS3Bucket": LOG_BUCKET, "previousDigestS3Object": prev,
        "previousDigestHashValue": _h("digest/previous").hex(), "previousDigestHashAlgorithm": "SHA-256",
        "previousDigestSignature": (_h("digest/sig/0") + _h("digest/sig/1") + _h("digest/sig/2")
                                    + _h("digest/sig/3") + _h("digest/sig/4") + _h("digest/sig/5")
                                    + _h("digest/sig/6") + _h("digest/sig/7")).hex(),
        "logFiles": [{"s3Bucket": LOG_BUCKET, "s3Object": r, "hashValue": hashlib.sha256(raw).hexdigest(),
                      "hashAlgorithm": "SHA-256",
                      "newestEventTime": max(e["eventTime"] for e in chunk),
                      "oldestEventTime": min(e["eventTime"] for e in chunk)} for r, chunk, raw in listed]}
    return write(rel, gzip_bytes(json.dumps(digest, indent=2).encode()))


def write_exports(by_key):
    lookup = []
    resources = {
        "atk/console-login": [],
        "atk/stop-logging": [{"ResourceType": "AWS::CloudTrail::Trail", "ResourceName": TRAIL_ARN}],
        "atk/create-key": [{"ResourceType": "AWS::IAM::AccessKey", "ResourceName": NEW_KEY},
                           {"ResourceType": "AWS::IAM::User", "ResourceName": "ci-deploy"}],
        "atk/attach-admin": [{"ResourceType": "AWS::IAM::Policy", "ResourceName": ADMIN_POLICY},
                             {"ResourceType": "AWS::IAM::User", "ResourceName": "ci-deploy"}]}
    for key in LOOKUP_KEYS:
        e = by_key[key]
        item = {"EventId": e["eventID"], "EventName": e["eventName"], "ReadOnly": str(e["readOnly"]).lower()}
        if e["userIdentity"].get("accessKeyId"):
            item["AccessKeyId"] = e["userIdentity"]["accessKeyId"]
        item.update({"EventTime": e["eventTime"][:-1] + "+00:00", "EventSource": e["eventSource"],
                     "Username": e["userIdentity"]["userName"], "Resources": resources[key],
                     "CloudTrailEvent": compact(e)})
        lookup.append(item)
    rels = [write("exports/lookup-events.json",
                  json.dumps({"Events": lookup}, indent=4, ensure_ascii=False) + "\n")]
    lines = sorted((by_key[k] for k in GAP_KEYS + JSONL_DUP_KEYS), key=lambda e: e["eventTime"])
    rels.append(write("exports/events.jsonl", "".join(compact(e) + "\n" for e in lines)))
    return rels


# ---------------------------------------------------------------- independent re-read and counts

QUERIES = ["eventName:ConsoleLogin", "errorCode:AccessDenied", f"userIdentity.accessKeyId:{LEAKED_KEY}",
           "sourceIPAddress:203.0.113.50", "eventName:StopLogging", "userIdentity.type:AssumedRole",
           f"requestParameters.bucketName:{FIN_BUCKET}", "awsRegion:eu-west-1", "recipientAccountId:444455556666",
           "eventSource:s3.amazonaws.com"]


def read_back(root):
    """Read every input shape from disk the way the indexer should; returns (per-shape counts, events)."""
    read, files, events = Counter(), Counter(), []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for fn in sorted(filenames):
            path = os.path.join(dirpath, fn)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            if "/CloudTrail-Digest/" in rel:
                doc = json.loads(gzip.decompress(open(path, "rb").read()))
                assert "Records" not in doc and "logFiles" in doc
                files["digest (skipped)"] += 1
                continue
            if fn.endswith(".json.gz"):
                got, shape = json.loads(gzip.decompress(open(path, "rb").read()))["Records"], "delivery"
            elif fn == "lookup-events.json":
                got = [json.loads(x["CloudTrailEvent"]) for x in json.load(open(path, encoding="utf-8"))["Events"]]
                shape = "lookup-events"
            elif fn.endswith(".jsonl"):
                got = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
                shape = "jsonl"
            else:
                continue
            files[shape] += 1
            read[shape] += len(got)
            events.extend(got)
    return files, read, events


def values(obj, path):
    cur = [obj]
    for part in path.split("."):
        nxt = []
        for c in cur:
            for item in (c if isinstance(c, list) else [c]):
                if isinstance(item, dict) and part in item:
                    nxt.append(item[part])
        cur = nxt
    flat = []
    for c in cur:
        flat.extend(c if isinstance(c, list) else [c])
    return [str(v).lower() if isinstance(v, bool) else str(v) for v in flat if v is not None]


def count(events, query):
    field, value = query.split(":", 1)
    return sum(1 for e in events if value in values(e, field))


def summarise(root):
    files, read, events = read_back(root)
    unique = {}
    for e in events:
        unique.setdefault(e["eventID"], e)
    uniq = list(unique.values())
    return {
        "sample": "src/samples (make_samples.py)",
        "leakedAccessKeyId": LEAKED_KEY,
        "files": dict(sorted(files.items())),
        "eventsRead": dict(sorted(read.items())),
        "totalEventsRead": sum(read.values()),
        "uniqueEventIds": len(uniq),
        "duplicates": sum(read.values()) - len(uniq),
        "queries": {q: count(uniq, q) for q in QUERIES},
    }


# ---------------------------------------------------------------- README

README = """# Sample CloudTrail data

A small, hand-written CloudTrail data set for trying trailindex and for tests: {unique} events on
{day} (UTC) in two accounts (`{a}` tooling/CI, `{b}` production), regions `us-east-1` and
`eu-west-1`. Everything is generated by `make_samples.py` (Python 3, standard library, deterministic);
do not edit the output by hand, change the script and run `python3 src/samples/make_samples.py`.
All addresses, account IDs and keys are documentation values (`*EXAMPLE` keys, TEST-NET IPs).

## The story

- 07:00-10:15 normal work: CI user `ci-deploy` deploys from `192.0.2.10` and assumes `acme-deploy`
  in the production account; developer `alice` (one call over IPv6); Identity Center admins `dana` and
  `erin` in the console (a 12 KB KMS key policy, a tag value `Überwachung – 監視`); EC2 and Lambda
  roles assumed by AWS services, S3 reads through VPC endpoints; root console sign-in with MFA;
  a SAML-federated analyst `carol`.
- 11:02 the leaked key `{key}` of `ci-deploy` is used from `203.0.113.50`: GetCallerIdentity,
  ListBuckets, a burst of AccessDenied (and one EC2 `Client.UnauthorizedOperation`), then
  AttachUserPolicy AdministratorAccess, CreateAccessKey, StopLogging on `main-trail`.
- 11:12 while the trail is stopped, the attacker creates `svc-backup`; these three events exist only
  in `exports/events.jsonl` (an organisation-level export). 11:13 an automated Lambda restarts logging.
- 11:19-11:41 from `198.51.100.7`: the new key is tested, SSH opened to `0.0.0.0/0`, two c5.4xlarge
  instances run in eu-west-1, three objects read from `acme-finance-reports`, its bucket policy opened
  to account `777788889999`, a secret read, a KMS key scheduled for deletion, a cross-account
  AssumeRole into `{b}` (logged in both accounts, shared `sharedEventID`), a failed ConsoleLogin.
- 12:04-12:34 the response: keys disabled and deleted, policies detached, `svc-backup` deleted, key
  deletion cancelled, instances terminated, bucket policy deleted, secret rotated, role sessions revoked.

## Layout

- `AWSLogs/<account>/CloudTrail/<region>/2026/11/20/*.json.gz`: delivery files `{{"Records":[...]}}`,
  records unordered within a file.
- `AWSLogs/{a}/CloudTrail-Digest/...`: one digest file; not events, the indexer must skip it.
- `exports/lookup-events.json`: `aws cloudtrail lookup-events` output; all 4 events also in delivery files.
- `exports/events.jsonl`: one event per line; 2 of the 5 are also in delivery files.

## Expected counts

Computed by re-reading the written files (also in `expected.json`); hit counts are over unique eventIDs,
exact keyword match.

| what | count |
|---|---:|
{rows}
"""


def table_rows(s):
    rows = [("files read (delivery / lookup-events / jsonl)",
             f"{s['files']['delivery']} / {s['files']['lookup-events']} / {s['files']['jsonl']}"),
            ("digest files skipped", s["files"]["digest (skipped)"]),
            ("events read, duplicates included", s["totalEventsRead"]),
            ("unique eventIDs", s["uniqueEventIds"])]
    rows += [(f"`{q}`", n) for q, n in s["queries"].items()]
    return rows


# ---------------------------------------------------------------- main

def check(files):
    ids = [e["eventID"] for _, _, e in EVENTS]
    reqs = [e["requestID"] for _, _, e in EVENTS if "requestID" in e]
    assert len(set(ids)) == len(ids) and len(set(reqs)) == len(reqs), "eventID/requestID not unique"
    for acct, region, e in EVENTS:
        assert e["recipientAccountId"] == acct and e["awsRegion"] == region, e["eventID"]
        assert "1.08" <= e["eventVersion"] <= "1.11"
    big = max(len(compact(e["requestParameters"])) for _, _, e in EVENTS)
    assert big > 10 * 1024, big
    assert all(3 <= n <= 6 for n in FILES_PER_PREFIX.values())
    assert len({rel for rel, *_ in files}) == len(files)


def main():
    for sub in ("AWSLogs", "exports"):
        shutil.rmtree(os.path.join(HERE, sub), ignore_errors=True)
    build_story()
    gap_ids = {BY_KEY[k]["eventID"] for k in GAP_KEYS}
    delivered = [t for t in EVENTS if t[2]["eventID"] not in gap_ids]
    files = write_delivery_files(delivered)
    check(files)
    write_digest(files)
    write_exports(BY_KEY)

    summary = summarise(HERE)
    # cross-check against what was generated (the numbers above come only from the files on disk)
    assert summary["uniqueEventIds"] == len(EVENTS)
    assert summary["queries"] == {q: count([e for _, _, e in EVENTS], q) for q in QUERIES}
    write("expected.json", json.dumps(summary, indent=2) + "\n")
    rows = table_rows(summary)
    write("README.md", README.format(unique=summary["uniqueEventIds"], day=DAY, a=A, b=B, key=LEAKED_KEY,
                                     rows="\n".join(f"| {k} | {v} |" for k, v in rows)))
    total = 0
    for dirpath, dirnames, filenames in os.walk(HERE):
        total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in filenames)
    assert total < 200 * 1024, total
    width = max(len(str(k)) for k, _ in rows)
    for k, v in rows:
        print(f"{str(k).ljust(width)}  {v}")
    print(f"{'bytes under src/samples':{width}}  {total}")


if __name__ == "__main__":
    sys.exit(main())
