import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * A deterministic generator of realistic CloudTrail logs for benchmarks, with the JDK alone:
 *   java benchmarks/src/GenerateLogs.java --events 1000000 --seed 1 --out /tmp/gen1m
 * Writes gzip'd {"Records":[...]} delivery files in the S3 layout (AWSLogs/ACCOUNT/CloudTrail/REGION/Y/M/D/...),
 * 30 to 3,000 unordered events each (log-uniform), and OUT/expected.json with the true counts of a planted incident,
 * of planted credential chains (for trace), of a busy long-lived key and of a few whole-set questions. The same
 * seed and size give byte-identical files. The background is calibrated against ../shared/corpus with
 * benchmarks/calibrate.py (see benchmarks/RESULTS.md, "Issue 15", section 1): 40 accounts and 20 regions with
 * skewed weights, about 1,900 Zipf-weighted event names (reads far commoner than writes), STS AssumeRole with session
 * tokens, S3 data events, KMS Decrypt, 300 principals behind 150 NAT addresses, Identity Center users, 50 error codes
 * with their real message shapes, and a few large policies.
 */
public final class GenerateLogs {
    /** The first five are the accounts of the planted incident and chains; the rest are background. */
    static final String[] ACCOUNTS = accounts();
    static final String[] REGIONS = {"us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "us-east-2", "ap-southeast-2", "ap-northeast-1",
        "sa-east-1", "eu-west-2", "ap-southeast-1", "ca-central-1", "ap-south-1", "us-west-1", "eu-north-1", "eu-west-3", "ap-northeast-2",
        "ap-northeast-3", "eu-south-1", "me-south-1", "af-south-1"};
    static final String[] SERVICES = {"ec2", "s3", "iam", "sts", "lambda", "kms", "cloudtrail", "logs", "dynamodb", "rds", "sns", "sqs",
        "secretsmanager", "ssm", "ecr", "ecs", "eks", "cloudwatch", "route53", "elasticloadbalancing", "autoscaling", "config",
        "guardduty", "organizations", "sso", "signin", "apigateway", "cloudformation", "glue", "athena", "kinesis", "firehose",
        "events", "states", "codebuild", "codepipeline", "elasticfilesystem", "backup", "acm", "waf", "cloudfront", "elasticache",
        "redshift", "sagemaker", "bedrock", "elasticmapreduce", "servicecatalog", "cognito-idp", "wafv2", "inspector2", "securityhub",
        "access-analyzer", "account", "health", "ce", "tagging", "resource-groups", "kafka", "es", "xray"};
    static final String[] VERBS = {"Describe", "List", "Get", "Create", "Delete", "Put", "Update", "Tag"};
    /** Relative weight of each verb: reads far commoner than writes, as in real trails. */
    static final double[] VERB_WEIGHT = {30, 25, 25, 2.5, 1.0, 2.5, 1.5, 0.8};
    static final String[] NOUNS = {"Instances", "Buckets", "Policies", "Roles", "Functions", "Keys", "Trails", "LogGroups", "Tables",
        "DBInstances", "Topics", "Queues", "Secrets", "Parameters", "Repositories", "Clusters", "Alarms", "HostedZones",
        "LoadBalancers", "Stacks", "Jobs", "Streams", "Rules", "Volumes", "Snapshots", "SecurityGroups", "Images", "Subnets",
        "Certificates", "Distributions", "Domains", "Endpoints", "Pipelines", "Projects", "Workgroups", "Databases", "Crawlers",
        "Vaults", "Findings", "Detectors", "Accounts", "Users", "Groups", "Tags", "Configurations", "Attributes", "Events",
        "Metrics", "Resources", "Quotas", "Associations", "Permissions", "Versions", "Aliases", "Targets", "Schedules", "Plans"};
    static final String[] NON_ASCII = {"Überwachung – 監視", "кириллица-отчёт", "données-été", "日本語のキー", "🚀 launch", "ñandú"};
    static final String BUCKET = "acme-payroll-exports";
    static final String IP1 = "198.51.100.77";
    static final String IP2 = "203.0.113.99";
    /** The busy long-lived key of a reporting service: about 0.5 % of the background, in its own account's files. */
    static final String BUSY_USER = "svc-reporting";
    static final String BUSY_KEY = "AKIA" + "SVCREPORTING0001";
    static final double BUSY_SHARE = 0.005;
    static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    final SplittableRandom rnd;
    final List<String> eventNames = new ArrayList<>();
    final List<String> eventSources = new ArrayList<>();
    final List<Principal> principals = new ArrayList<>();
    final List<String> agents = new ArrayList<>();
    final List<String> browsers = new ArrayList<>();
    final List<String> nats = new ArrayList<>();
    final double[] nameCdf;
    final double[] principalCdf;
    final double[] accountCdf = zipf(ACCOUNTS.length, 1.0);
    final double[] regionCdf = zipf(REGIONS.length, 1.4);
    final double[] errorCdf;
    final Map<String, Long> byRegion = new TreeMap<>();
    final Map<String, Long> bySource = new TreeMap<>();
    long consoleLogins;
    long errors;
    long unique;
    long duplicates;
    long rawBytes;
    long gzBytes;
    long busyEvents;
    long busyCopies;
    int files;

    /** {@code index} numbers the principal (agents, session keys); {@code roleArn} is set for role sessions. */
    record Principal(int index, String type, String account, String arn, String key, String ip, String userName, String roleArn,
            String service, String principalId, int sessionHours, boolean browser) {
    }

    static String[] accounts() {
        String[] a = new String[40];
        String[] fixed = {"111122223333", "222233334444", "333344445555", "444455556666", "555566667777"};
        for (int i = 0; i < a.length; i++) {
            a[i] = i < fixed.length ? fixed[i] : String.valueOf(600_011_112_222L + i * 7_919_104_729L);
        }
        return a;
    }

    GenerateLogs(long seed) {
        rnd = new SplittableRandom(seed);
        // About 1,900 names: every service with every verb and up to four nouns; weight = Zipf rank (shuffled) x verb.
        java.util.LinkedHashMap<String, String> names = new java.util.LinkedHashMap<>();
        List<Double> verbWeight = new ArrayList<>();
        for (String s : SERVICES) {
            for (int v = 0; v < VERBS.length; v++) {
                for (int k = 0; k < 4; k++) {
                    String noun = NOUNS[Math.floorMod((s + VERBS[v] + k).hashCode() * 31 + k * 7, NOUNS.length)];
                    if (names.putIfAbsent(VERBS[v] + noun + "@" + s, s + ".amazonaws.com") == null) {
                        verbWeight.add(VERB_WEIGHT[v]);
                    }
                }
            }
        }
        names.put("RunInstances@ec2", "ec2.amazonaws.com");
        verbWeight.add(2.0);
        List<Integer> order = new ArrayList<>();
        List<String> keys = new ArrayList<>(names.keySet());
        for (int i = 0; i < keys.size(); i++) {
            order.add(i);
        }
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Integer t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        double[] w = new double[order.size()];
        for (int r = 0; r < order.size(); r++) {
            int i = order.get(r);
            String k = keys.get(i);
            eventNames.add(k.substring(0, k.indexOf('@')));
            eventSources.add(names.get(k));
            w[r] = verbWeight.get(i) / Math.pow(r + 1, 1.05);
        }
        nameCdf = cdf(w);
        errorCdf = zipf(ERRORS.length, 1.1);
        for (int i = 0; i < 150; i++) {
            nats.add(publicIp());
        }
        String[] tools = {"aws-cli/2.%d.%d Python/3.11.%d Linux/6.1.%d-1.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off command/%s",
            "Boto3/1.34.%d md/Botocore#1.34.%d ua/2.0 os/linux#6.1.%d md/arch#x86_64 lang/python#3.12.%d md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.%s",
            "aws-sdk-java/2.20.%d Linux/5.10.%d-%d.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.%d+7-LTS Java/17.0.9 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/%s",
            "aws-sdk-go-v2/1.2%d.%d os/linux lang/go#1.2%d.%d md/GOOS#linux md/GOARCH#amd64 api/%s",
            "APN/1.0 HashiCorp/1.0 Terraform/1.%d.%d (+https://www.terraform.io) terraform-provider-aws/5.%d.%d (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.%s",
            "aws-sdk-js/3.4%d.%d ua/2.0 os/linux#5.10.%d lang/js md/nodejs#18.%d api/%s"};
        String[] cmds = {"ec2.describe-instances", "s3.ls", "sts.get-caller-identity", "standard", "legacy", "adaptive", "iam", "s3"};
        for (int i = 0; i < 220; i++) {
            agents.add(String.format(tools[i % tools.length], i % 40, i % 17, i % 9, i % 13, cmds[i % cmds.length]));
        }
        for (int i = 0; i < 12; i++) {
            browsers.add(String.format("Mozilla/5.0 (%s) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/1%02d.0.0.0 Safari/537.36",
                    i % 3 == 0 ? "Windows NT 10.0; Win64; x64" : i % 3 == 1 ? "Macintosh; Intel Mac OS X 10_15_7" : "X11; Linux x86_64", 18 + i));
        }
        for (int i = 0; i < 300; i++) {
            principals.add(principal(i));
        }
        principalCdf = zipf(principals.size(), 1.0);
    }

    static double[] zipf(int n, double s) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 / Math.pow(i + 1, s);
        }
        return cdf(w);
    }

    static double[] cdf(double[] w) {
        double[] cdf = new double[w.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            cdf[i] = sum;
        }
        for (int i = 0; i < w.length; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    int pick(double[] cdf) {
        double u = rnd.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    String key(String prefix) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < 20) {
            sb.append(chars.charAt(rnd.nextInt(chars.length())));
        }
        return sb.toString();
    }

    /** A key derived from a number (a principal's session): the same number gives the same key, without state. */
    static String derivedKey(String prefix, long n) {
        return derivedKey(prefix, n, 20);
    }

    /** {@code length} characters: 20 for an access key, 21 for a principal ID (AIDA..., AROA...). */
    static String derivedKey(String prefix, long n, int length) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        SplittableRandom r = new SplittableRandom(n * 0x9E3779B97F4A7C15L + 12345);
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < length) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }

    String b64(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(B64.charAt(rnd.nextInt(64)));
        }
        return sb.toString();
    }

    String hex(int n, boolean upper) {
        String chars = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(rnd.nextInt(16)));
        }
        return sb.toString();
    }

    String uuid() {
        long a = rnd.nextLong();
        long b = rnd.nextLong();
        String h = String.format("%016x%016x", a, b);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20) + "-" + h.substring(20, 32);
    }

    /** Public addresses outside the documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24) the planted events use. */
    String publicIp() {
        return (11 + rnd.nextInt(180)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
    }

    Principal principal(int i) {
        String acct = ACCOUNTS[i % ACCOUNTS.length];
        String nat = nats.get(rnd.nextInt(nats.size()));
        int hours = 8 + rnd.nextInt(17);
        int r = rnd.nextInt(100);
        if (r < 48) {
            String role = "role-" + (i % 40);
            String session = i % 3 == 0 ? "botocore-session-" + (1_700_000_000 + i * 7919) : "session-" + i;
            String ip = rnd.nextInt(4) == 0 ? "10." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254)) : nat;
            return new Principal(i, "AssumedRole", acct, "arn:aws:sts::" + acct + ":assumed-role/" + role + "/" + session, "ASIA", ip, null,
                    "arn:aws:iam::" + acct + ":role/" + role, null, derivedKey("AROA", i * 13L + 1, 21) + ":" + session, hours, false);
        }
        if (r < 58) {
            // IAM Identity Center: a person in a browser, through a permission set's reserved role.
            String[] sets = {"AdministratorAccess", "ReadOnlyAccess", "PowerUserAccess", "ViewOnlyAccess", "DataEngineer"};
            String set = sets[i % sets.length];
            String role = "AWSReservedSSO_" + set + "_" + Long.toHexString(Math.abs((acct + set).hashCode()) * 7919L).substring(0, 8);
            String user = new String[] {"jane.doe", "li.wei", "m.garcia", "a.okafor", "s.ivanova", "k.tanaka"}[i % 6] + i + "@corp.example";
            return new Principal(i, "AssumedRole", acct, "arn:aws:sts::" + acct + ":assumed-role/" + role + "/" + user, "ASIA", nat, null,
                    "arn:aws:iam::" + acct + ":role/aws-reserved/sso.amazonaws.com/" + role, null,
                    derivedKey("AROA", i * 13L + 2, 21) + ":" + user, 8 + rnd.nextInt(5), true);
        }
        if (r < 72) {
            return new Principal(i, "IAMUser", acct, "arn:aws:iam::" + acct + ":user/user-" + i, key("AKIA"), nat, "user-" + i, null, null,
                    derivedKey("AIDA", i * 13L + 3, 21), 0, rnd.nextInt(5) == 0);
        }
        if (r < 93) {
            String svc = SERVICES[i % 24] + ".amazonaws.com";
            return new Principal(i, "AWSService", acct, null, null, svc, null, null, svc, null, 0, false);
        }
        if (r < 94) {
            return new Principal(i, "Root", acct, "arn:aws:iam::" + acct + ":root", null, nat, null, null, null, acct, 0, true);
        }
        if (r < 97) {
            return new Principal(i, i % 2 == 0 ? "FederatedUser" : "SAMLUser", acct, "arn:aws:sts::" + acct + ":federated-user/fed-" + i, "ASIA",
                    rnd.nextInt(5) == 0 ? "2001:db8:" + Integer.toHexString(i) + "::" + Integer.toHexString(1 + rnd.nextInt(999)) : nat,
                    "fed-" + i, null, null, acct + ":fed-" + i, hours, false);
        }
        return new Principal(i, i % 2 == 0 ? "AWSAccount" : "Unknown", acct, null, null, nat, null, null, null,
                derivedKey("AIDA", i * 13L + 4, 21), 0, false);
    }

    /** The key a principal signs with at {@code time}: long-term keys are fixed, temporary ones rotate per session. */
    String keyAt(Principal p, long time) {
        if (!"ASIA".equals(p.key())) {
            return p.key();
        }
        return derivedKey("ASIA", p.index() * 1_000_003L + time / (p.sessionHours() * 3_600_000L));
    }

    long sessionStart(Principal p, long time) {
        long len = Math.max(1, p.sessionHours()) * 3_600_000L;
        return time - time % len;
    }

    String agentOf(Principal p) {
        if (p.service() != null) {
            return p.service();
        }
        if (p.browser()) {
            return browsers.get(Math.floorMod(p.index() + rnd.nextInt(2), browsers.size()));
        }
        return agents.get(Math.floorMod(p.index() * 7 + (rnd.nextInt(4) == 0 ? 1 : 0), agents.size()));
    }

    static String q(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** One event as compact JSON. {@code extra} is more top-level members (",\"k\":v") or null; {@code requestId} null for a UUID. */
    String event(long time, String account, String region, Principal p, String name, String source, String error,
            String request, String response, String resources, String ip, String key, String extra, String requestId) {
        StringBuilder sb = new StringBuilder(1500);
        sb.append("{\"eventVersion\":\"1.").append(8 + rnd.nextInt(4) == 8 ? "08" : "1" + rnd.nextInt(2)).append("\",\"userIdentity\":{");
        sb.append("\"type\":").append(q(p.type()));
        if (p.service() != null) {
            sb.append(",\"invokedBy\":").append(q(p.service()));
        } else {
            sb.append(",\"principalId\":").append(q(p.principalId() != null ? p.principalId() : "AID" + Math.abs(p.arn() == null ? 7 : p.arn().hashCode())));
            if (p.arn() != null) {
                sb.append(",\"arn\":").append(q(p.arn()));
            }
            sb.append(",\"accountId\":").append(q(p.account()));
            if (key != null) {
                sb.append(",\"accessKeyId\":").append(q(key));
            }
            if (p.userName() != null) {
                sb.append(",\"userName\":").append(q(p.userName()));
            }
            if (p.roleArn() != null) {
                sb.append(",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":").append(q(p.principalId().substring(0, 21)))
                        .append(",\"arn\":").append(q(p.roleArn())).append(",\"accountId\":").append(q(p.account()))
                        .append(",\"userName\":").append(q(p.roleArn().substring(p.roleArn().lastIndexOf('/') + 1)))
                        .append("},\"attributes\":{\"creationDate\":").append(q(iso(sessionStart(p, time))))
                        .append(",\"mfaAuthenticated\":\"").append(p.browser()).append("\"}}");
            } else if (p.type().equals("IAMUser") || p.type().equals("Root")) {
                sb.append(",\"sessionContext\":{\"attributes\":{\"creationDate\":").append(q(iso(time - time % 86_400_000L)))
                        .append(",\"mfaAuthenticated\":\"").append(p.browser()).append("\"}}");
            }
        }
        sb.append("},\"eventTime\":").append(q(iso(time))).append(",\"eventSource\":").append(q(source))
                .append(",\"eventName\":").append(q(name)).append(",\"awsRegion\":").append(q(region))
                .append(",\"sourceIPAddress\":").append(q(ip)).append(",\"userAgent\":").append(q(agentOf(p)));
        if (error != null) {
            sb.append(",\"errorCode\":").append(q(error)).append(",\"errorMessage\":").append(q(errorMessage(error, p, source, name, region, account)));
        }
        sb.append(",\"requestParameters\":").append(request == null ? "null" : request);
        sb.append(",\"responseElements\":").append(response == null ? "null" : response);
        if (extra != null) {
            sb.append(extra);
        }
        sb.append(",\"requestID\":").append(q(requestId == null ? uuid() : requestId)).append(",\"eventID\":").append(q(uuid()));
        boolean read = name.startsWith("Get") || name.startsWith("List") || name.startsWith("Describe") || name.startsWith("Head")
                || name.equals("Decrypt");
        sb.append(",\"readOnly\":").append(read);
        if (resources != null) {
            sb.append(",\"resources\":").append(resources);
        }
        boolean data = source.equals("s3.amazonaws.com") && name.endsWith("Object");
        sb.append(",\"eventType\":").append(q(name.equals("ConsoleLogin") ? "AwsConsoleSignIn" : "AwsApiCall"))
                .append(",\"managementEvent\":").append(!data).append(",\"recipientAccountId\":").append(q(account));
        if (ip.startsWith("10.")) {
            sb.append(",\"vpcEndpointId\":\"vpce-0").append(Integer.toHexString(Math.abs(ip.hashCode()) % 4096)).append('"');
        }
        sb.append(",\"eventCategory\":").append(q(data ? "Data" : "Management"));
        if (!p.type().equals("AWSService")) {
            sb.append(",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.").append(2 + rnd.nextInt(2))
                    .append("\",\"cipherSuite\":\"").append(rnd.nextInt(3) == 0 ? "ECDHE-RSA-AES128-GCM-SHA256" : "TLS_AES_128_GCM_SHA256")
                    .append("\",\"clientProvidedHostHeader\":").append(q(source.replace("amazonaws", region + ".amazonaws"))).append('}');
            if (p.browser() && p.roleArn() != null) {
                sb.append(",\"sessionCredentialFromConsole\":\"true\"");
            }
        }
        return sb.append('}').toString();
    }

    static String iso(long millis) {
        return Instant.ofEpochMilli(millis - millis % 1000).toString();
    }

    // ------------------------------------------------------------------ errors, with their real message shapes

    static final String[] ERRORS = {"AccessDenied", "Client.UnauthorizedOperation", "AccessDeniedException", "ThrottlingException",
        "ResourceNotFoundException", "NoSuchEntityException", "ValidationException", "Client.InvalidInstanceID.NotFound", "NoSuchBucket",
        "InvalidParameterValueException", "Client.RequestLimitExceeded", "ResourceInUseException", "NoSuchKey", "EntityAlreadyExists",
        "ConditionalCheckFailedException", "Throttling", "RequestLimitExceeded", "InvalidClientTokenId", "ExpiredToken",
        "UnrecognizedClientException", "ServiceUnavailable", "InternalError", "InternalFailure", "Client.DryRunOperation",
        "Client.InvalidParameterValue", "Client.InvalidGroup.NotFound", "Client.InvalidVolume.NotFound", "Client.InvalidSnapshot.NotFound",
        "Client.InvalidAMIID.NotFound", "Client.MissingParameter", "InvalidRequestException", "LimitExceededException", "NotFoundException",
        "ConflictException", "BadRequestException", "DBInstanceNotFound", "KMSInvalidStateException", "NotFoundException.Key",
        "ParameterNotFound", "TooManyRequestsException", "SignatureDoesNotMatch", "InvalidAccessKeyId", "OptInRequired",
        "UnsupportedOperation", "ServiceQuotaExceededException", "RepositoryNotFoundException", "QueueDoesNotExist",
        "InvalidIdentityToken", "MalformedPolicyDocument", "Client.InsufficientInstanceCapacity"};

    String errorMessage(String code, Principal p, String source, String name, String region, String account) {
        String svc = source.substring(0, source.indexOf('.'));
        String who = p.arn() != null ? p.arn() : p.service() != null ? p.service() : "arn:aws:iam::" + account + ":root";
        return switch (code) {
            case "AccessDenied", "AccessDeniedException" -> "User: " + who + " is not authorized to perform: " + svc + ":" + name
                    + " on resource: arn:aws:" + svc + ":" + region + ":" + account + ":" + (rnd.nextBoolean() ? "*" : "resource/" + hex(8, false))
                    + (rnd.nextBoolean() ? " because no identity-based policy allows the " + svc + ":" + name + " action"
                            : " with an explicit deny in a service control policy");
            case "Client.UnauthorizedOperation" -> "You are not authorized to perform this operation. User: " + who + " is not authorized to perform: "
                    + svc + ":" + name + " on resource: arn:aws:ec2:" + region + ":" + account + ":instance/* because no identity-based policy allows the "
                    + svc + ":" + name + " action. Encoded authorization failure message: " + b64(340 + rnd.nextInt(500)).replace('+', '-').replace('/', '_');
            case "ThrottlingException", "Throttling", "Client.RequestLimitExceeded", "RequestLimitExceeded", "TooManyRequestsException" -> "Rate exceeded";
            case "NoSuchBucket" -> "The specified bucket does not exist";
            case "NoSuchKey" -> "The specified key does not exist.";
            case "NoSuchEntityException" -> "The role with name role-" + rnd.nextInt(90) + " cannot be found.";
            case "ResourceNotFoundException", "NotFoundException" -> svc + " resource " + hex(12, false) + " not found in " + region;
            case "Client.InvalidInstanceID.NotFound" -> "The instance ID 'i-0" + hex(16, false) + "' does not exist";
            case "Client.InvalidVolume.NotFound" -> "The volume 'vol-0" + hex(16, false) + "' does not exist.";
            case "Client.InvalidSnapshot.NotFound" -> "The snapshot 'snap-0" + hex(16, false) + "' does not exist.";
            case "Client.InvalidAMIID.NotFound" -> "The image id '[ami-0" + hex(16, false) + "]' does not exist";
            case "Client.InvalidGroup.NotFound" -> "The security group 'sg-0" + hex(16, false) + "' does not exist";
            case "ValidationException", "InvalidParameterValueException", "Client.InvalidParameterValue" -> "1 validation error detected: Value null at '"
                    + name.substring(0, 1).toLowerCase() + name.substring(1) + "Input.name' failed to satisfy constraint: Member must not be null";
            case "ExpiredToken" -> "The security token included in the request is expired";
            case "InvalidClientTokenId", "UnrecognizedClientException" -> "The security token included in the request is invalid.";
            case "SignatureDoesNotMatch" -> "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.";
            case "InvalidAccessKeyId" -> "The AWS Access Key Id you provided does not exist in our records.";
            case "EntityAlreadyExists", "ResourceInUseException", "ConflictException" -> "Resource " + svc + "-" + hex(6, false) + " already exists.";
            case "ConditionalCheckFailedException" -> "The conditional request failed";
            case "LimitExceededException", "ServiceQuotaExceededException" -> "Cannot exceed quota for " + name + ": " + (10 * (1 + rnd.nextInt(20)));
            case "KMSInvalidStateException" -> "arn:aws:kms:" + region + ":" + account + ":key/" + uuid() + " is pending deletion.";
            case "ParameterNotFound" -> "Parameter /app/" + hex(6, false) + "/config not found.";
            case "Client.DryRunOperation" -> "Request would have succeeded, but DryRun flag is set.";
            case "MalformedPolicyDocument" -> "Syntax errors in policy.";
            case "OptInRequired" -> "You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.";
            default -> code.replace("Exception", "").replace("Client.", "") + " (Service: " + svc + ", Status Code: 400, Request ID: " + uuid() + ")";
        };
    }

    // ------------------------------------------------------------------ background parameters

    String tag() {
        return rnd.nextInt(100) == 0 ? NON_ASCII[rnd.nextInt(NON_ASCII.length)] : "team-" + rnd.nextInt(30);
    }

    /** A policy document of about {@code bytes} bytes, as the IAM and bucket-policy calls carry it (a JSON string). */
    String policy(int bytes) {
        StringBuilder doc = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        String[][] actions = {{"s3:GetObject", "s3:ListBucket"}, {"ec2:Describe*"}, {"kms:Decrypt", "kms:GenerateDataKey"}, {"logs:PutLogEvents", "logs:CreateLogStream"},
            {"dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"}, {"sqs:SendMessage"}};
        for (int i = 0; doc.length() < bytes; i++) {
            String[] a = actions[rnd.nextInt(actions.length)];
            doc.append(i == 0 ? "" : ",").append("{\"Sid\":\"S").append(i).append(hex(4, true)).append("\",\"Effect\":\"").append(rnd.nextInt(8) == 0 ? "Deny" : "Allow")
                    .append("\",\"Action\":[");
            for (int j = 0; j < a.length; j++) {
                doc.append(j == 0 ? "" : ",").append('"').append(a[j]).append('"');
            }
            doc.append("],\"Resource\":\"arn:aws:").append(a[0], 0, a[0].indexOf(':')).append(":::res-").append(hex(6, false)).append("/*\"}");
        }
        return doc.append("]}").toString();
    }

    /** Request, response, resources and extra top-level members of a background event, by kind. */
    String[] params(String name, String source, String account, String region, long time, boolean error) {
        String svc = source.substring(0, source.indexOf('.'));
        if (svc.equals("s3") && name.endsWith("Object")) {
            String bucket = "data-" + account + "-" + rnd.nextInt(25);
            String key = (rnd.nextInt(3) == 0 ? "logs/" : "exports/") + (rnd.nextInt(100) == 0 ? tag() + "/" : "") + "dt=2026-10-" + (1 + rnd.nextInt(28))
                    + "/part-" + rnd.nextInt(100000) + (rnd.nextBoolean() ? ".parquet" : ".json.gz");
            String extra = ",\"additionalEventData\":{\"SignatureVersion\":\"SigV4\",\"CipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"bytesTransferredIn\":"
                    + (name.equals("PutObject") ? rnd.nextInt(5_000_000) : 0) + ",\"AuthenticationMethod\":\"AuthHeader\",\"x-amz-id-2\":" + q(b64(76))
                    + ",\"bytesTransferredOut\":" + (name.equals("GetObject") ? rnd.nextInt(5_000_000) : 0) + "}";
            return new String[] {"{\"bucketName\":" + q(bucket) + ",\"Host\":" + q(bucket + ".s3." + region + ".amazonaws.com") + ",\"key\":" + q(key) + "}",
                null, "[{\"type\":\"AWS::S3::Object\",\"ARN\":" + q("arn:aws:s3:::" + bucket + "/" + key) + "},{\"accountId\":" + q(account)
                    + ",\"type\":\"AWS::S3::Bucket\",\"ARN\":" + q("arn:aws:s3:::" + bucket) + "}]", extra, hex(16, true)};
        }
        if (name.equals("Decrypt") || name.equals("GenerateDataKey")) {
            String keyArn = "arn:aws:kms:" + region + ":" + account + ":key/" + derivedUuid(account.hashCode() * 31L + rnd.nextInt(12));
            String ctx = rnd.nextBoolean() ? "{\"aws:lambda:FunctionArn\":" + q("arn:aws:lambda:" + region + ":" + account + ":function:fn-" + rnd.nextInt(60)) + "}"
                    : "{\"PARAMETER_ARN\":" + q("arn:aws:ssm:" + region + ":" + account + ":parameter/app/" + rnd.nextInt(40) + "/db-password") + "}";
            return new String[] {"{\"encryptionContext\":" + ctx + ",\"encryptionAlgorithm\":\"SYMMETRIC_DEFAULT\"" + (name.equals("GenerateDataKey")
                    ? ",\"keyId\":" + q(keyArn) + ",\"keySpec\":\"AES_256\"" : "") + "}", null,
                "[{\"accountId\":" + q(account) + ",\"type\":\"AWS::KMS::Key\",\"ARN\":" + q(keyArn) + "}]", null, null};
        }
        if (name.equals("AssumeRole")) {
            String role = "arn:aws:iam::" + account + ":role/role-" + rnd.nextInt(40);
            String session = rnd.nextInt(3) == 0 ? "botocore-session-" + (time / 1000) : "session-" + rnd.nextInt(1000);
            String req = "{\"roleArn\":" + q(role) + ",\"roleSessionName\":" + q(session) + (rnd.nextBoolean() ? ",\"durationSeconds\":3600" : "") + "}";
            if (error) {
                return new String[] {req, null, null, null, null};
            }
            String arid = derivedKey("AROA", role.hashCode(), 21) + ":" + session;
            String resp = "{\"credentials\":{\"accessKeyId\":" + q(key("ASIA")) + ",\"sessionToken\":" + q("IQoJb3JpZ2luX2Vj" + b64(600 + rnd.nextInt(400)))
                    + ",\"expiration\":" + q(Instant.ofEpochMilli(time - time % 1000 + 3_600_000).toString().replace("Z", "").replace("T", " ").substring(0, 19)
                    .replace(" ", "T") + "Z") + "},\"assumedRoleUser\":{\"assumedRoleId\":" + q(arid) + ",\"arn\":"
                    + q(role.replace(":iam:", ":sts:").replace(":role/", ":assumed-role/") + "/" + session) + "}}";
            return new String[] {req, resp, "[{\"accountId\":" + q(account) + ",\"type\":\"AWS::IAM::Role\",\"ARN\":" + q(role) + "}]", null, null};
        }
        if (name.equals("RunInstances")) {
            String id = "i-0" + hex(16, false);
            return new String[] {"{\"instancesSet\":{\"items\":[{\"imageId\":\"ami-0" + hex(16, false) + "\",\"minCount\":1,\"maxCount\":1}]},"
                + "\"instanceType\":\"t3.micro\",\"blockDeviceMapping\":{},\"monitoring\":{\"enabled\":false},\"disableApiTermination\":false,"
                + "\"tagSpecificationSet\":{\"items\":[{\"resourceType\":\"instance\",\"tags\":[{\"key\":\"team\",\"value\":" + q(tag()) + "}]}]}}",
                error ? null : "{\"requestId\":" + q(uuid()) + ",\"reservationId\":\"r-0" + hex(16, false) + "\",\"ownerId\":" + q(account)
                    + ",\"groupSet\":{},\"instancesSet\":{\"items\":[{\"instanceId\":\"" + id + "\",\"imageId\":\"ami-0" + hex(16, false)
                    + "\",\"instanceState\":{\"code\":0,\"name\":\"pending\"},\"privateDnsName\":\"ip-10-0-" + rnd.nextInt(256) + "-" + rnd.nextInt(256)
                    + ".ec2.internal\",\"amiLaunchIndex\":0,\"instanceType\":\"t3.micro\",\"launchTime\":" + time + ",\"placement\":{\"availabilityZone\":\""
                    + region + "a\",\"tenancy\":\"default\"},\"subnetId\":\"subnet-0" + hex(16, false) + "\",\"vpcId\":\"vpc-0" + hex(16, false)
                    + "\",\"privateIpAddress\":\"10.0." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "\"}]}}", null, null, null};
        }
        int u = rnd.nextInt(5000);
        if (u < 15) {
            // A large request: a policy document over 1 KB (0.3 %), one in fifteen of them over 10 KB (up to 200 KB).
            int bytes = u == 0 ? 10_500 + rnd.nextInt(190_000) : 1_100 + rnd.nextInt(6_000);
            String doc = policy(bytes);
            return new String[] {"{\"policyName\":" + q("policy-" + hex(6, false)) + ",\"policyDocument\":" + q(doc)
                + (rnd.nextBoolean() ? ",\"roleName\":" + q("role-" + rnd.nextInt(40)) : ",\"description\":" + q(tag())) + "}", null, null, null, null};
        }
        String noun = name.replaceFirst("^(Describe|List|Get|Create|Delete|Put|Update|Tag)", "");
        String id = noun.toLowerCase().replaceAll("[^a-z]", "").substring(0, Math.min(noun.length(), 4)) + "-" + hex(rnd.nextInt(3) == 0 ? 17 : 8, false);
        if (name.startsWith("Describe") || name.startsWith("List")) {
            return switch (rnd.nextInt(6)) {
                case 0, 1 -> new String[] {null, null, null, null, null};
                case 2 -> new String[] {"{\"maxResults\":" + (10 * (1 + rnd.nextInt(10))) + "}", null, null, null, null};
                case 3 -> new String[] {"{\"maxResults\":" + (10 * (1 + rnd.nextInt(10))) + ",\"nextToken\":" + q(b64(24 + rnd.nextInt(100))) + "}", null, null, null, null};
                case 4 -> new String[] {"{\"filterSet\":{\"items\":[{\"name\":\"tag:team\",\"valueSet\":{\"items\":[{\"value\":" + q(tag()) + "}]}}]}}", null, null, null, null};
                default -> new String[] {"{\"" + svc.replace("-", "") + "Ids\":[" + q(id) + "]}", null, null, null, null};
            };
        }
        if (name.startsWith("Get")) {
            return new String[] {rnd.nextInt(4) == 0 ? null : "{\"" + (rnd.nextBoolean() ? "name" : "resourceArn") + "\":"
                + q(rnd.nextBoolean() ? id : "arn:aws:" + svc + ":" + region + ":" + account + ":" + noun.toLowerCase() + "/" + id) + "}", null, null, null, null};
        }
        String arn = "arn:aws:" + svc + ":" + region + ":" + account + ":" + noun.toLowerCase() + "/" + id;
        String req = "{\"name\":" + q(id) + ",\"tags\":[{\"key\":\"team\",\"value\":" + q(tag()) + "},{\"key\":\"env\",\"value\":\""
                + (rnd.nextBoolean() ? "prod" : "dev") + "\"}]" + (rnd.nextBoolean() ? ",\"clientToken\":" + q(uuid()) : "") + "}";
        String resp = error || !name.startsWith("Create") ? null : "{\"" + noun.substring(0, 1).toLowerCase() + noun.substring(1) + "\":{\"arn\":" + q(arn)
                + ",\"id\":" + q(id) + ",\"createdAt\":" + q(iso(time)) + ",\"status\":\"CREATING\"}}";
        return new String[] {req, resp, null, null, null};
    }

    static String derivedUuid(long n) {
        SplittableRandom r = new SplittableRandom(n);
        String h = String.format("%016x%016x", r.nextLong(), r.nextLong());
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20) + "-" + h.substring(20, 32);
    }

    static final String[] S3_DATA = {"GetObject", "GetObject", "GetObject", "GetObject", "GetObject", "GetObject", "PutObject", "PutObject",
        "PutObject", "HeadObject", "DeleteObject", "CopyObject"};
    static final String[] BUSY_NAMES = {"GetObject", "GetObject", "GetObject", "PutObject", "ListObjects", "DescribeInstances", "GetMetricData",
        "StartQueryExecution", "GetQueryExecution", "GetQueryResults", "Decrypt", "DescribeDBInstances", "ListBuckets", "GetCallerIdentity"};
    static final String[] BUSY_SOURCES = {"s3", "s3", "s3", "s3", "s3", "ec2", "monitoring", "athena", "athena", "athena", "kms", "rds", "s3", "sts"};

    /** The busy key's principal: a long-lived IAM user of a reporting service, behind two NAT addresses. */
    Principal busy() {
        return new Principal(9_999, "IAMUser", ACCOUNTS[0], "arn:aws:iam::" + ACCOUNTS[0] + ":user/" + BUSY_USER, BUSY_KEY, nats.get(3), BUSY_USER, null,
                null, "AIDA" + "SVCREPORTING00000", 0, false);
    }

    String background(long time, String account, String region, double busyChance) {
        Principal p;
        String name;
        String source;
        double u = rnd.nextDouble();
        if (rnd.nextDouble() < busyChance) {
            p = busy();
            int b = rnd.nextInt(BUSY_NAMES.length);
            name = BUSY_NAMES[b];
            source = BUSY_SOURCES[b] + ".amazonaws.com";
            busyEvents++;
        } else {
            p = principals.get(pick(principalCdf));
            if (u < 0.045) {
                name = "AssumeRole";
                source = "sts.amazonaws.com";
            } else if (u < 0.175) {
                name = S3_DATA[rnd.nextInt(S3_DATA.length)];
                source = "s3.amazonaws.com";
            } else if (u < 0.205) {
                name = rnd.nextInt(5) == 0 ? "GenerateDataKey" : "Decrypt";
                source = "kms.amazonaws.com";
            } else if (u < 0.207 && p.service() == null) {
                name = "ConsoleLogin";
                source = "signin.amazonaws.com";
            } else {
                int n = pick(nameCdf);
                name = eventNames.get(n);
                source = eventSources.get(n);
            }
        }
        if (name.equals("ConsoleLogin")) {
            consoleLogins++;
        }
        String error = rnd.nextInt(1000) < 85 ? ERRORS[pick(errorCdf)] : null;
        if (error != null) {
            errors++;
        }
        String[] pr = params(name, source, account, region, time, error != null);
        String resp = name.equals("ConsoleLogin") ? "{\"ConsoleLogin\":\"" + (error == null ? "Success" : "Failure") + "\"}" : pr[1];
        String ip = p.service() != null ? p.service() : rnd.nextInt(250) == 0 ? publicIp() : p.index() == 9_999 && rnd.nextBoolean() ? nats.get(4) : p.ip();
        count(region, source);
        return event(time, account, region, p, name, source, error, pr[0], resp, pr[2], ip, p.service() == null ? keyAt(p, time) : null, pr[3], pr[4]);
    }
    void count(String region, String source) {
        unique++;
        byRegion.merge(region, 1L, Long::sum);
        bySource.merge(source, 1L, Long::sum);
    }

    /** The planted incident, in its own account and region, with its true counts. */
    List<String> incident(long start, Map<String, Object> truth) {
        String account = ACCOUNTS[2];
        String region = "us-east-1";
        Principal victim = new Principal(-1, "IAMUser", account, "arn:aws:iam::" + account + ":user/ci-deploy", "AKIA" + "LEAKEDKEY0EXAMPLE".substring(0, 16), IP1, "ci-deploy", null, null, null, 0, false);
        String newKey = "AKIA" + "ATTACKERKEY2EXAMP".substring(0, 16);
        List<String> out = new ArrayList<>();
        long t = start;
        out.add(planted(t, account, region, victim, "GetCallerIdentity", "sts.amazonaws.com", null, null, null, IP1, victim.key()));
        String[] denied = {"ListSecrets", "DescribeInstances", "ListUsers", "ListKeys", "GetBucketPolicy", "ListFunctions20150331"};
        for (int i = 0; i < 200; i++) {
            String name = denied[i % denied.length];
            out.add(planted(t += 900, account, region, victim, name, SERVICES[i % SERVICES.length] + ".amazonaws.com", "AccessDenied", "{}", null, IP1, victim.key()));
        }
        out.add(planted(t += 2000, account, region, victim, "CreateAccessKey", "iam.amazonaws.com", null, "{\"userName\":\"ci-deploy\"}",
                "{\"accessKey\":{\"accessKeyId\":" + q(newKey) + ",\"status\":\"Active\",\"userName\":\"ci-deploy\"}}", IP1, victim.key()));
        out.add(planted(t += 2000, account, region, victim, "AttachUserPolicy", "iam.amazonaws.com", null,
                "{\"userName\":\"ci-deploy\",\"policyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\"}", null, IP1, victim.key()));
        out.add(planted(t += 2000, account, region, victim, "StopLogging", "cloudtrail.amazonaws.com", null,
                "{\"name\":" + q("arn:aws:cloudtrail:us-east-1:" + account + ":trail/main") + "}", null, IP1, victim.key()));
        out.add(planted(t += 2000, account, region, victim, "AuthorizeSecurityGroupIngress", "ec2.amazonaws.com", null,
                "{\"groupId\":\"sg-0abc\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":\"tcp\",\"fromPort\":22,\"toPort\":22,\"ipRanges\":{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}}]}}",
                null, IP1, victim.key()));
        for (int i = 0; i < 500; i++) {
            out.add(planted(t += 500, account, region, victim, "GetObject", "s3.amazonaws.com", null,
                    "{\"bucketName\":\"" + BUCKET + "\",\"key\":\"payroll/2026/" + i + ".csv\"}", null, IP1, victim.key()));
        }
        Principal attacker = new Principal(-2, "IAMUser", account, victim.arn(), newKey, IP2, "ci-deploy", null, null, null, 0, false);
        out.add(planted(t += 5000, account, region, attacker, "GetCallerIdentity", "sts.amazonaws.com", null, null, null, IP2, newKey));
        out.add(planted(t += 1000, account, region, attacker, "ListBuckets", "s3.amazonaws.com", null, "{}", null, IP2, newKey));
        for (int i = 0; i < 50; i++) {
            out.add(planted(t += 700, account, region, attacker, "GetObject", "s3.amazonaws.com", null,
                    "{\"bucketName\":\"" + BUCKET + "\",\"key\":\"payroll/2026/" + i + ".csv\"}", null, IP2, newKey));
        }
        truth.put("leakedKey", victim.key());
        truth.put("newKey", newKey);
        truth.put("attackerIp", IP1);
        truth.put("secondIp", IP2);
        truth.put("bucket", BUCKET);
        truth.put("first", iso(start));
        truth.put("last", iso(t));
        truth.put("eventsByLeakedKey", 705);
        truth.put("eventsFromAttackerIp", 705);
        truth.put("eventsFromSecondIp", 52);
        truth.put("accessDeniedByLeakedKey", 200);
        truth.put("getObjectOnBucket", 550);
        truth.put("eventsMentioningNewKey", 53);
        truth.put("stopLogging", 1);
        truth.put("events", out.size());
        return out;
    }

    // ------------------------------------------------------------------ planted credential chains (trace)

    static final String CA = ACCOUNTS[0];
    static final String CB = ACCOUNTS[1];
    static final String CC = ACCOUNTS[2];
    static final String CD = ACCOUNTS[3];
    static final String CHAIN_IP = "203.0.113.66";

    /** A fixed key: prefix and 16 characters from the label (A-Z, 0-9), so tests can name it. */
    static String fixedKey(String prefix, String label) {
        String s = (label.toUpperCase().replaceAll("[^A-Z0-9]", "") + "0000000000000000").substring(0, 16);
        return prefix + s;
    }

    static String roleId(String account, String role) {
        return fixedKey("AROA", "R" + Math.abs((account + role).hashCode()));
    }

    /** The userIdentity of a role session; {@code ec2} adds the instance-metadata delivery. */
    static String sessionIdentity(String account, String role, String session, String key, boolean ec2, long created) {
        String rid = roleId(account, role);
        return "{\"type\":\"AssumedRole\",\"principalId\":" + q(rid + ":" + session) + ",\"arn\":" + q("arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session)
                + ",\"accountId\":" + q(account) + ",\"accessKeyId\":" + q(key) + ",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":" + q(rid)
                + ",\"arn\":" + q("arn:aws:iam::" + account + ":role/" + role) + ",\"accountId\":" + q(account) + ",\"userName\":" + q(role)
                + "},\"attributes\":{\"creationDate\":" + q(iso(created)) + ",\"mfaAuthenticated\":\"false\"}" + (ec2 ? ",\"ec2RoleDelivery\":\"2.0\"" : "") + "}}";
    }

    static String userIdentity(String account, String user, String key) {
        return "{\"type\":\"IAMUser\",\"principalId\":" + q(fixedKey("AIDA", user)) + ",\"arn\":" + q("arn:aws:iam::" + account + ":user/" + user)
                + ",\"accountId\":" + q(account) + ",\"accessKeyId\":" + q(key) + ",\"userName\":" + q(user) + "}";
    }

    /** One planted chain event; {@code top} is extra top-level JSON members (",\"k\":v"), or "". */
    String chainEvent(long time, String account, String identity, String name, String source, String error, String request,
            String response, String ip, String shared, String top) {
        count("us-east-1", source);
        if (error != null) {
            errors++;
        }
        return "{\"eventVersion\":\"1.10\",\"userIdentity\":" + identity + ",\"eventTime\":" + q(iso(time)) + ",\"eventSource\":" + q(source)
                + ",\"eventName\":" + q(name) + ",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":" + q(ip) + ",\"userAgent\":\"aws-cli/2.15.0\""
                + (error == null ? "" : ",\"errorCode\":" + q(error) + ",\"errorMessage\":\"not authorized\"")
                + ",\"requestParameters\":" + (request == null ? "null" : request) + ",\"responseElements\":" + (response == null ? "null" : response)
                + ",\"requestID\":" + q(uuid()) + ",\"eventID\":" + q(uuid()) + ",\"readOnly\":false,\"eventType\":\"AwsApiCall\",\"managementEvent\":true"
                + ",\"recipientAccountId\":" + q(account) + (shared == null ? "" : ",\"sharedEventID\":" + q(shared)) + ",\"eventCategory\":\"Management\"" + top + "}";
    }

    static String assumeRequest(String account, String role, String session) {
        return "{\"roleArn\":" + q("arn:aws:iam::" + account + ":role/" + role) + ",\"roleSessionName\":" + q(session) + ",\"durationSeconds\":3600}";
    }

    static String credentialsResponse(String account, String role, String session, String newKey, long time) {
        return "{\"credentials\":{\"accessKeyId\":" + q(newKey) + ",\"sessionToken\":\"IQoJb3JpZ2luX2VjEPLANTED\",\"expiration\":" + q(iso(time + 3_600_000))
                + "},\"assumedRoleUser\":{\"assumedRoleId\":" + q(roleId(account, role) + ":" + session) + ",\"arn\":"
                + q("arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session) + "}}";
    }

    /** AssumeRole by {@code identity}; across accounts also the role owner's copy (same sharedEventID). */
    void assume(List<String> out, long time, String callerAccount, String identity, String principalId, String roleAccount, String role,
            String session, String newKey, String ip, String error) {
        String shared = callerAccount.equals(roleAccount) ? null : uuid();
        String req = assumeRequest(roleAccount, role, session);
        String resp = error == null ? credentialsResponse(roleAccount, role, session, newKey, time) : null;
        out.add(chainEvent(time, callerAccount, identity, "AssumeRole", "sts.amazonaws.com", error, req, resp, ip, shared, ""));
        if (shared != null) {
            String owner = "{\"type\":\"AWSAccount\",\"principalId\":" + q(principalId) + ",\"accountId\":" + q(callerAccount) + "}";
            out.add(chainEvent(time, roleAccount, owner, "AssumeRole", "sts.amazonaws.com", error, req, resp, ip, shared, ""));
        }
    }

    void activity(List<String> out, long time, String account, String identity, String ip, int n, int errorsEvery, String top) {
        String[] names = {"ListBuckets", "DescribeInstances", "GetCallerIdentity", "ListRoles", "GetObject"};
        String[] sources = {"s3.amazonaws.com", "ec2.amazonaws.com", "sts.amazonaws.com", "iam.amazonaws.com", "s3.amazonaws.com"};
        for (int i = 0; i < n; i++) {
            String err = errorsEvery > 0 && i % errorsEvery == errorsEvery - 1 ? "AccessDenied" : null;
            out.add(chainEvent(time + i * 7_000L, account, identity, names[i % names.length], sources[i % sources.length], err, "{}", null, ip, null, top));
        }
    }

    /** Credential chains among the noise, for trace; the truth is derived from the raw events by the tests. */
    List<String> chains(long t, Map<String, Object> names) {
        List<String> out = new ArrayList<>();
        String admin = fixedKey("AKIA", "TRADMINKEY");
        String leaked = fixedKey("AKIA", "TRLEAKEDBUILD");
        String k1 = fixedKey("ASIA", "TRHOPONE");
        String k2 = fixedKey("ASIA", "TRHOPTWO");
        String k2b = fixedKey("ASIA", "TRHOPTWOAGAIN");
        String k3 = fixedKey("ASIA", "TRHOPTHREE");
        String adminId = userIdentity(CA, "iam-admin", admin);
        String leakedId = userIdentity(CA, "build-bot", leaked);
        // The leaked key was created long ago by an administrator (logged), then leaks.
        out.add(chainEvent(t, CA, adminId, "CreateAccessKey", "iam.amazonaws.com", null, "{\"userName\":\"build-bot\"}",
                "{\"accessKey\":{\"accessKeyId\":" + q(leaked) + ",\"status\":\"Active\",\"userName\":\"build-bot\"}}", "192.0.2.15", null, ""));
        activity(out, t += 60_000, CA, adminId, "192.0.2.15", 4, 0, "");
        activity(out, t += 3_600_000, CA, leakedId, CHAIN_IP, 9, 4, "");
        String k1Id = sessionIdentity(CA, "deployer", "build", k1, false, t);
        assume(out, t += 120_000, CA, leakedId, fixedKey("AIDA", "build-bot"), CA, "deployer", "build", k1, CHAIN_IP, null);
        activity(out, t += 30_000, CA, k1Id, CHAIN_IP, 5, 0, "");
        String k2Id = sessionIdentity(CB, "ops", "pivot", k2, false, t);
        assume(out, t += 60_000, CA, k1Id, roleId(CA, "deployer") + ":build", CB, "ops", "pivot", k2, CHAIN_IP, null);
        activity(out, t += 30_000, CB, k2Id, CHAIN_IP, 6, 3, "");
        String k3Id = sessionIdentity(CC, "admin", "pivot", k3, false, t);
        assume(out, t += 60_000, CB, k2Id, roleId(CB, "ops") + ":pivot", CC, "admin", "pivot", k3, CHAIN_IP, null);
        activity(out, t += 30_000, CC, k3Id, CHAIN_IP, 12, 5, "");
        // Failed: AccessDenied, nothing issued.
        assume(out, t += 60_000, CC, k3Id, roleId(CC, "admin") + ":pivot", CD, "break-glass", "pivot", null, CHAIN_IP, "AccessDenied");
        // The attacker looks up the leaked key with the last hop: a mention, not a link.
        out.add(chainEvent(t += 5_000, CC, k3Id, "GetAccessKeyInfo", "sts.amazonaws.com", null, "{\"accessKeyId\":" + q(leaked) + "}",
                "{\"account\":" + q(CA) + "}", CHAIN_IP, null, ""));
        // The same session re-assumed later: one ARN, two keys.
        assume(out, t += 600_000, CA, k1Id, roleId(CA, "deployer") + ":build", CB, "ops", "pivot", k2b, CHAIN_IP, null);
        activity(out, t += 30_000, CB, sessionIdentity(CB, "ops", "pivot", k2b, false, t), CHAIN_IP, 3, 0, "");
        // Decoys: the session name "pivot" in another role of account B and in role ops of account D.
        String decoyUser = fixedKey("AKIA", "TRDECOYUSER");
        String decoyUserId = userIdentity(CD, "ops-runner", decoyUser);
        String kd1 = fixedKey("ASIA", "TRDECOYOTHERROLE");
        String kd2 = fixedKey("ASIA", "TRDECOYOTHERACCT");
        activity(out, t += 10_000, CD, decoyUserId, "192.0.2.77", 2, 0, "");
        assume(out, t += 10_000, CD, decoyUserId, fixedKey("AIDA", "ops-runner"), CB, "ops-readonly", "pivot", kd1, "192.0.2.77", null);
        activity(out, t += 10_000, CB, sessionIdentity(CB, "ops-readonly", "pivot", kd1, false, t), "192.0.2.77", 3, 0, "");
        assume(out, t += 10_000, CD, decoyUserId, fixedKey("AIDA", "ops-runner"), CD, "ops", "pivot", kd2, "192.0.2.77", null);
        activity(out, t += 10_000, CD, sessionIdentity(CD, "ops", "pivot", kd2, false, t), "192.0.2.77", 3, 0, "");
        // A key only mentioned: the administrator disables a key nobody used.
        String mentioned = fixedKey("AKIA", "TRONLYMENTIONED");
        out.add(chainEvent(t += 10_000, CA, adminId, "UpdateAccessKey", "iam.amazonaws.com", null,
                "{\"userName\":\"old-ci\",\"accessKeyId\":" + q(mentioned) + ",\"status\":\"Inactive\"}", null, "192.0.2.15", null, ""));
        // SAML: no caller key; the session then chains one more role.
        String ks = fixedKey("ASIA", "TRSAMLSESSION");
        String ks2 = fixedKey("ASIA", "TRSAMLCHAINED");
        String saml = "{\"type\":\"SAMLUser\",\"principalId\":\"Wl4fXnA2qKpvXk9M2f1example:maria@corp.example\",\"userName\":\"maria@corp.example\",\"identityProvider\":\"Wl4fXnA2qKpvXk9M2f1example\"}";
        out.add(chainEvent(t += 60_000, CA, saml, "AssumeRoleWithSAML", "sts.amazonaws.com", null,
                "{\"roleArn\":" + q("arn:aws:iam::" + CA + ":role/analyst") + ",\"principalArn\":" + q("arn:aws:iam::" + CA + ":saml-provider/corp") + "}",
                credentialsResponse(CA, "analyst", "maria@corp.example", ks, t), "192.0.2.88", null, ""));
        String ksId = sessionIdentity(CA, "analyst", "maria@corp.example", ks, false, t);
        activity(out, t += 10_000, CA, ksId, "192.0.2.88", 4, 0, "");
        assume(out, t += 10_000, CA, ksId, roleId(CA, "analyst") + ":maria@corp.example", CA, "reporting", "maria", ks2, "192.0.2.88", null);
        activity(out, t += 10_000, CA, sessionIdentity(CA, "reporting", "maria", ks2, false, t), "192.0.2.88", 2, 0, "");
        // Web identity (an OIDC provider).
        String kw = fixedKey("ASIA", "TRWEBIDENTITY");
        String web = "{\"type\":\"WebIdentityUser\",\"principalId\":\"token.actions.githubusercontent.com:repo:acme/app:ref:refs/heads/main\",\"userName\":\"repo:acme/app:ref:refs/heads/main\",\"identityProvider\":\"token.actions.githubusercontent.com\"}";
        out.add(chainEvent(t += 60_000, CA, web, "AssumeRoleWithWebIdentity", "sts.amazonaws.com", null,
                "{\"roleArn\":" + q("arn:aws:iam::" + CA + ":role/gha-deploy") + ",\"roleSessionName\":\"gha-run-42\"}",
                credentialsResponse(CA, "gha-deploy", "gha-run-42", kw, t), "192.0.2.99", null, ""));
        activity(out, t += 10_000, CA, sessionIdentity(CA, "gha-deploy", "gha-run-42", kw, false, t), "192.0.2.99", 3, 0, "");
        // GetSessionToken with MFA: the session acts as the user.
        String kc = fixedKey("AKIA", "TRCAROLUSER");
        String kt = fixedKey("ASIA", "TRCAROLMFA");
        out.add(chainEvent(t += 60_000, CA, userIdentity(CA, "carol", kc), "GetSessionToken", "sts.amazonaws.com", null,
                "{\"durationSeconds\":43200,\"serialNumber\":" + q("arn:aws:iam::" + CA + ":mfa/carol") + ",\"tokenCode\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"}",
                "{\"credentials\":{\"accessKeyId\":" + q(kt) + ",\"sessionToken\":\"IQoJb3JpZ2luX2VjEMFA\",\"expiration\":" + q(iso(t + 43_200_000)) + "}}",
                "192.0.2.41", null, ""));
        String ktId = "{\"type\":\"IAMUser\",\"principalId\":" + q(fixedKey("AIDA", "carol")) + ",\"arn\":" + q("arn:aws:iam::" + CA + ":user/carol")
                + ",\"accountId\":" + q(CA) + ",\"accessKeyId\":" + q(kt) + ",\"userName\":\"carol\",\"sessionContext\":{\"attributes\":{\"creationDate\":"
                + q(iso(t)) + ",\"mfaAuthenticated\":\"true\"}}}";
        activity(out, t += 10_000, CA, ktId, "192.0.2.41", 4, 0, "");
        // A session whose issuing call is not in the logs, which then chains a role.
        String ku = fixedKey("ASIA", "TRNOORIGIN");
        String ku2 = fixedKey("ASIA", "TRNOORIGINCHILD");
        String kuId = sessionIdentity(CB, "legacy", "cron", ku, false, t);
        activity(out, t += 60_000, CB, kuId, "192.0.2.120", 3, 0, "");
        assume(out, t += 10_000, CB, kuId, roleId(CB, "legacy") + ":cron", CB, "batch", "cron", ku2, "192.0.2.120", null);
        activity(out, t += 10_000, CB, sessionIdentity(CB, "batch", "cron", ku2, false, t), "192.0.2.120", 2, 0, "");
        // An EC2 instance profile: the service assumes the role, the instance uses it, the key is stolen and pivots.
        String ke = fixedKey("ASIA", "TRINSTANCEPROF");
        String ke2 = fixedKey("ASIA", "TRINSTANCEPIVOT");
        String session = "i-0c1a2b3c4d5e6f708";
        String ec2 = "{\"type\":\"AWSService\",\"invokedBy\":\"ec2.amazonaws.com\"}";
        out.add(chainEvent(t += 60_000, CD, ec2, "AssumeRole", "sts.amazonaws.com", null, assumeRequest(CD, "web-instance", session),
                credentialsResponse(CD, "web-instance", session, ke, t), "ec2.amazonaws.com", null, ""));
        String keId = sessionIdentity(CD, "web-instance", session, ke, true, t);
        activity(out, t += 10_000, CD, keId, "10.0.3.17", 5, 0, "");
        activity(out, t += 600_000, CD, keId, CHAIN_IP, 3, 2, "");
        assume(out, t += 10_000, CD, keId, roleId(CD, "web-instance") + ":" + session, CD, "data-admin", "x", ke2, CHAIN_IP, null);
        activity(out, t += 10_000, CD, sessionIdentity(CD, "data-admin", "x", ke2, false, t), CHAIN_IP, 4, 0, "");
        // An instance session whose AssumeRole is not logged, and a console session.
        String ke3 = fixedKey("ASIA", "TRINSTANCENOLOG");
        activity(out, t += 10_000, CD, sessionIdentity(CD, "worker", "i-0fedcba9876543210", ke3, true, t), "10.0.4.9", 2, 0, "");
        String kcon = fixedKey("ASIA", "TRCONSOLESESSION");
        activity(out, t += 10_000, CA, sessionIdentity(CA, "admin-console", "dana", kcon, false, t), "192.0.2.61", 3, 0,
                ",\"sessionCredentialFromConsole\":\"true\"");
        // Noise of the same kind: services and users assuming roles all the time.
        for (int i = 0; i < 60; i++) {
            String acct = ACCOUNTS[i % 5];
            String fresh = key("ASIA");
            if (i % 3 == 0) {
                out.add(chainEvent(t += 1_000, acct, "{\"type\":\"AWSService\",\"invokedBy\":\"lambda.amazonaws.com\"}", "AssumeRole", "sts.amazonaws.com",
                        null, assumeRequest(acct, "fn-" + i, "fn-" + i), credentialsResponse(acct, "fn-" + i, "fn-" + i, fresh, t), "lambda.amazonaws.com", null, ""));
            } else {
                String u = fixedKey("AKIA", "NOISEUSER" + i);
                assume(out, t += 1_000, acct, userIdentity(acct, "user-n" + i, u), fixedKey("AIDA", "user-n" + i), ACCOUNTS[(i + 1) % 5],
                        "role-" + (i % 40), "session-" + i, fresh, publicIp(), i % 10 == 1 ? "AccessDenied" : null);
            }
        }
        names.put("leakedKey", leaked);
        names.put("adminKey", admin);
        names.put("hopOne", k1);
        names.put("hopTwo", k2);
        names.put("hopThree", k3);
        names.put("hopTwoSession", "arn:aws:sts::" + CB + ":assumed-role/ops/pivot");
        names.put("hopTwoPrincipalId", roleId(CB, "ops") + ":pivot");
        names.put("leakedUser", "arn:aws:iam::" + CA + ":user/build-bot");
        names.put("mentionedOnly", mentioned);
        names.put("saml", ks2);
        names.put("webIdentity", kw);
        names.put("mfaSession", kt);
        names.put("carolUser", "arn:aws:iam::" + CA + ":user/carol");
        names.put("noOrigin", ku2);
        names.put("instancePivot", ke2);
        names.put("instanceNoLog", ke3);
        names.put("console", kcon);
        names.put("decoyOtherRole", kd1);
        names.put("decoyOtherAccount", kd2);
        names.put("events", out.size());
        return out;
    }

    String planted(long time, String account, String region, Principal p, String name, String source, String error,
            String request, String response, String ip, String key) {
        if (error != null) {
            errors++;
        }
        count(region, source);
        return event(time, account, region, p, name, source, error, request, response, null, ip, key, null, null);
    }

    void run(long events, Path out) throws IOException {
        long start = ZonedDateTime.of(2026, 10, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
        long days = Math.max(1, Math.min(60, Math.round(30.0 * events / 1_000_000)));
        long span = days * 86_400_000L;
        Map<String, Object> incidentTruth = new LinkedHashMap<>();
        List<String> planted = incident(start + span / 2, incidentTruth);
        Map<String, Object> chainNames = new LinkedHashMap<>();
        List<String> chainEvents = chains(start + span / 3, chainNames);
        long background = Math.max(0, events - planted.size());
        List<String> previous = new ArrayList<>();
        long written = 0;
        int f = 0;
        boolean incidentDone = false;
        while (written < background || !incidentDone) {
            // Delivery files of 30 to 3,000 events, log-uniform: most are small, most events are in the big ones.
            int size = (int) Math.min(Math.round(Math.exp(Math.log(30) + rnd.nextDouble() * Math.log(100))), Math.max(1, background - written));
            long slot = start + (long) ((double) written / Math.max(1, background) * span);
            boolean here = !incidentDone && (slot >= start + span / 2 || written + size >= background);
            int a = here ? 2 : pick(accountCdf);
            String account = ACCOUNTS[a];
            String region = here ? "us-east-1" : REGIONS[pick(regionCdf)];
            // The busy key signs in its own account only; its chance there makes it BUSY_SHARE of all background events.
            double busyChance = a == 0 ? BUSY_SHARE / accountCdf[0] : 0;
            List<String> records = new ArrayList<>(size + 600);
            for (int i = 0; i < size && written < background; i++, written++) {
                records.add(background(slot + rnd.nextLong(900_000), account, region, busyChance));
            }
            if (here) {
                records.addAll(planted);
                incidentDone = true;
            }
            // Real delivery sometimes repeats events in a later file: about 0.5 % here.
            for (int i = 0; i < previous.size() / 200; i++) {
                String copy = previous.get(rnd.nextInt(previous.size()));
                records.add(copy);
                duplicates++;
                if (copy.contains(BUSY_KEY)) {
                    busyCopies++;
                }
            }
            previous = new ArrayList<>(records.subList(0, Math.min(records.size(), size)));
            for (int i = records.size() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                String t = records.get(i);
                records.set(i, records.get(j));
                records.set(j, t);
            }
            write(out, account, region, slot, f++, records);
        }
        // The chains in delivery files of their own, each event in its account's; a few delivered twice.
        Map<String, List<String>> byAccount = new TreeMap<>();
        for (String e : chainEvents) {
            String acct = e.substring(e.indexOf("\"recipientAccountId\":\"") + 22, e.indexOf("\"recipientAccountId\":\"") + 34);
            byAccount.computeIfAbsent(acct, k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<String>> e : byAccount.entrySet()) {
            List<String> records = new ArrayList<>(e.getValue());
            for (int i = 0; i < 3 && i < e.getValue().size(); i++) {
                records.add(e.getValue().get(i * 2));
                duplicates++;
            }
            write(out, e.getKey(), "us-east-1", start + span / 3, f++, records);
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("seed", seed);
        expected.put("events", unique + duplicates);
        expected.put("unique", unique);
        expected.put("duplicates", duplicates);
        expected.put("files", files);
        expected.put("raw_bytes", rawBytes);
        expected.put("gzip_bytes", gzBytes);
        expected.put("consoleLogin", consoleLogins);
        expected.put("withErrorCode", errors);
        expected.put("byRegion", byRegion);
        Map<String, Long> top = new LinkedHashMap<>();
        bySource.entrySet().stream().sorted((a, b) -> b.getValue().compareTo(a.getValue()) != 0 ? b.getValue().compareTo(a.getValue()) : a.getKey().compareTo(b.getKey()))
                .limit(10).forEach(e -> top.put(e.getKey(), e.getValue()));
        expected.put("topEventSources", top);
        expected.put("incident", incidentTruth);
        expected.put("chains", chainNames);
        // The busy key's events: unique ones (what an index that drops repeated deliveries finds) and with the copies
        // (what a tool over the raw files finds).
        expected.put("busyKey", BUSY_KEY);
        expected.put("busyUser", "arn:aws:iam::" + ACCOUNTS[0] + ":user/" + BUSY_USER);
        expected.put("eventsByBusyKey", busyEvents);
        expected.put("eventsByBusyKeyWithCopies", busyEvents + busyCopies);
        Files.writeString(out.resolve("expected.json"), json(expected) + "\n");
    }

    long seed;

    void write(Path out, String account, String region, long slot, int f, List<String> records) throws IOException {
        ZonedDateTime t = Instant.ofEpochMilli(slot).atZone(ZoneOffset.UTC);
        Path dir = out.resolve(String.format("AWSLogs/%s/CloudTrail/%s/%04d/%02d/%02d", account, region, t.getYear(), t.getMonthValue(), t.getDayOfMonth()));
        Files.createDirectories(dir);
        String name = String.format("%s_CloudTrail_%s_%04d%02d%02dT%02d%02dZ_%s.json.gz", account, region, t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), key("F").substring(1, 17));
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < records.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(records.get(i));
        }
        byte[] bytes = sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve(name);
        try (OutputStream os = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16)) {
            os.write(bytes);
        }
        rawBytes += bytes.length;
        gzBytes += Files.size(file);
        files++;
    }

    static String json(Object o) {
        if (o instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(q(k.toString())).append(": ").append(json(v)));
            return sb.append('}').toString();
        }
        return o instanceof String s ? q(s) : String.valueOf(o);
    }

    public static void main(String[] args) throws IOException {
        long events = 100_000;
        long seed = 1;
        Path out = Path.of("generated");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: --events N --seed S --out DIR");
            }
        }
        long t0 = System.nanoTime();
        GenerateLogs g = new GenerateLogs(seed);
        g.seed = seed;
        g.run(events, out);
        System.err.printf("generated %,d events (%,d unique) in %,d files, %,d raw bytes, %,d gzip bytes, in %.1f s%n",
                g.unique + g.duplicates, g.unique, g.files, g.rawBytes, g.gzBytes, (System.nanoTime() - t0) / 1e9);
    }
}
