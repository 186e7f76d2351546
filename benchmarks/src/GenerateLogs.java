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
 * 1,000 to 5,000 unordered events each, and OUT/expected.json with the true counts of a planted incident and of a
 * few whole-set questions. The same seed and size give byte-identical files.
 */
public final class GenerateLogs {
    static final String[] ACCOUNTS = {"111122223333", "222233334444", "333344445555", "444455556666", "555566667777"};
    static final String[] REGIONS = {"us-east-1", "us-east-1", "us-east-1", "us-west-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "sa-east-1"};
    static final String[] SERVICES = {"ec2", "s3", "iam", "sts", "lambda", "kms", "cloudtrail", "logs", "dynamodb", "rds", "sns", "sqs",
        "secretsmanager", "ssm", "ecr", "ecs", "eks", "cloudwatch", "route53", "elasticloadbalancing", "autoscaling", "config",
        "guardduty", "organizations", "sso", "signin", "apigateway", "cloudformation", "glue", "athena", "kinesis", "firehose",
        "events", "states", "codebuild", "codepipeline", "elasticfilesystem", "backup", "acm", "waf"};
    static final String[] VERBS = {"Describe", "List", "Get", "Create", "Delete", "Put", "Update", "Tag"};
    static final String[] NOUNS = {"Instances", "Buckets", "Policies", "Roles", "Functions", "Keys", "Trails", "LogGroups", "Tables",
        "DBInstances", "Topics", "Queues", "Secrets", "Parameters", "Repositories", "Clusters", "Alarms", "HostedZones",
        "LoadBalancers", "Stacks", "Jobs", "Streams", "Rules", "Volumes", "Snapshots", "SecurityGroups", "Images", "Subnets"};
    static final String[] ERRORS = {"AccessDenied", "Client.UnauthorizedOperation", "ThrottlingException", "NoSuchBucket",
        "ResourceNotFoundException", "ValidationException", "Client.InvalidInstanceID.NotFound", "AccessDeniedException"};
    static final String[] NON_ASCII = {"Überwachung – 監視", "кириллица-отчёт", "données-été", "日本語のキー", "🚀 launch", "ñandú"};
    static final String BUCKET = "acme-payroll-exports";
    static final String IP1 = "198.51.100.77";
    static final String IP2 = "203.0.113.99";

    final SplittableRandom rnd;
    final List<String> eventNames = new ArrayList<>();
    final List<String> eventSources = new ArrayList<>();
    final List<Principal> principals = new ArrayList<>();
    final List<String> agents = new ArrayList<>();
    final double[] nameCdf;
    final double[] principalCdf;
    final Map<String, Long> byRegion = new TreeMap<>();
    final Map<String, Long> bySource = new TreeMap<>();
    long consoleLogins;
    long errors;
    long unique;
    long duplicates;
    long rawBytes;
    long gzBytes;
    int files;

    record Principal(String type, String account, String arn, String key, String ip, String userName, String roleArn, String service) {
    }

    GenerateLogs(long seed) {
        rnd = new SplittableRandom(seed);
        for (String s : SERVICES) {
            for (String v : VERBS) {
                String noun = NOUNS[Math.floorMod((s + v).hashCode(), NOUNS.length)];
                eventNames.add(v + noun);
                eventSources.add(s + ".amazonaws.com");
            }
        }
        eventNames.add("ConsoleLogin");
        eventSources.add("signin.amazonaws.com");
        eventNames.add("AssumeRole");
        eventSources.add("sts.amazonaws.com");
        eventNames.add("GetObject");
        eventSources.add("s3.amazonaws.com");
        eventNames.add("PutObject");
        eventSources.add("s3.amazonaws.com");
        eventNames.add("RunInstances");
        eventSources.add("ec2.amazonaws.com");
        // Zipf over a shuffled order: a few names dominate, as in real trails.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < eventNames.size(); i++) {
            order.add(i);
        }
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Integer t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        List<String> n2 = new ArrayList<>();
        List<String> s2 = new ArrayList<>();
        for (int i : order) {
            n2.add(eventNames.get(i));
            s2.add(eventSources.get(i));
        }
        eventNames.clear();
        eventNames.addAll(n2);
        eventSources.clear();
        eventSources.addAll(s2);
        nameCdf = zipf(eventNames.size(), 1.1);
        for (int i = 0; i < 300; i++) {
            principals.add(principal(i));
        }
        principalCdf = zipf(principals.size(), 1.0);
        String[] tools = {"aws-cli/2.%d.%d Python/3.11.%d Linux/6.1 exe/x86_64 prompt/off", "Boto3/1.34.%d md/Botocore#1.34.%d ua/2.0 os/linux#%d",
            "aws-sdk-java/2.20.%d Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.%d+%d", "aws-sdk-go-v2/1.2%d.%d os/linux lang/go#1.2%d",
            "Terraform/1.%d.%d terraform-provider-aws/5.%d", "console.amazonaws.com", "AWS Internal"};
        for (int i = 0; i < 200; i++) {
            String t = tools[i % tools.length];
            agents.add(t.contains("%") ? String.format(t, i % 40, i % 17, i % 9) : t);
        }
    }

    static double[] zipf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
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

    String uuid() {
        long a = rnd.nextLong();
        long b = rnd.nextLong();
        String h = String.format("%016x%016x", a, b);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20) + "-" + h.substring(20, 32);
    }

    String publicIp() {
        return (11 + rnd.nextInt(180)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
    }

    Principal principal(int i) {
        String acct = ACCOUNTS[i % ACCOUNTS.length];
        int r = rnd.nextInt(100);
        if (r < 55) {
            String role = "role-" + (i % 40);
            return new Principal("AssumedRole", acct, "arn:aws:sts::" + acct + ":assumed-role/" + role + "/session-" + i, key("ASIA"),
                    rnd.nextInt(4) == 0 ? "10." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254)) : publicIp(),
                    null, "arn:aws:iam::" + acct + ":role/" + role, null);
        }
        if (r < 75) {
            return new Principal("IAMUser", acct, "arn:aws:iam::" + acct + ":user/user-" + i, key("AKIA"), publicIp(), "user-" + i, null, null);
        }
        if (r < 93) {
            String svc = SERVICES[i % 12] + ".amazonaws.com";
            return new Principal("AWSService", acct, null, null, svc, null, null, svc);
        }
        if (r < 94) {
            return new Principal("Root", acct, "arn:aws:iam::" + acct + ":root", null, publicIp(), null, null, null);
        }
        if (r < 97) {
            return new Principal(i % 2 == 0 ? "FederatedUser" : "SAMLUser", acct, "arn:aws:sts::" + acct + ":federated-user/fed-" + i,
                    key("ASIA"), rnd.nextInt(5) == 0 ? "2001:db8:" + Integer.toHexString(i) + "::" + Integer.toHexString(1 + rnd.nextInt(999)) : publicIp(),
                    "fed-" + i, null, null);
        }
        return new Principal(i % 2 == 0 ? "AWSAccount" : "Unknown", acct, null, null, publicIp(), null, null, null);
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

    /** One event as compact JSON; {@code over} fixes name, source, principal fields, parameters for planted events. */
    String event(long time, String account, String region, Principal p, String name, String source, String error,
            String request, String response, String resources, String ip, String key) {
        StringBuilder sb = new StringBuilder(1500);
        sb.append("{\"eventVersion\":\"1.").append(8 + rnd.nextInt(4) == 8 ? "08" : "1" + rnd.nextInt(2)).append("\",\"userIdentity\":{");
        sb.append("\"type\":").append(q(p.type()));
        if (p.service() != null) {
            sb.append(",\"invokedBy\":").append(q(p.service()));
        } else {
            sb.append(",\"principalId\":").append(q("AID" + Math.abs(p.arn() == null ? 7 : p.arn().hashCode())));
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
                sb.append(",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROA").append(Math.abs(p.roleArn().hashCode()))
                        .append("\",\"arn\":").append(q(p.roleArn())).append(",\"accountId\":").append(q(p.account()))
                        .append(",\"userName\":").append(q(p.roleArn().substring(p.roleArn().lastIndexOf('/') + 1)))
                        .append("},\"attributes\":{\"creationDate\":").append(q(iso(time - 600_000)))
                        .append(",\"mfaAuthenticated\":\"").append(rnd.nextInt(3) == 0).append("\"}}");
            }
        }
        sb.append("},\"eventTime\":").append(q(iso(time))).append(",\"eventSource\":").append(q(source))
                .append(",\"eventName\":").append(q(name)).append(",\"awsRegion\":").append(q(region))
                .append(",\"sourceIPAddress\":").append(q(ip)).append(",\"userAgent\":").append(q(agents.get(pick(principalCdf) % agents.size())));
        if (error != null) {
            sb.append(",\"errorCode\":").append(q(error)).append(",\"errorMessage\":")
                    .append(q("User: " + (p.arn() == null ? "unknown" : p.arn()) + " is not authorized to perform: " + source.split("\\.")[0] + ":" + name));
        }
        sb.append(",\"requestParameters\":").append(request == null ? "null" : request);
        sb.append(",\"responseElements\":").append(response == null ? "null" : response);
        sb.append(",\"requestID\":").append(q(uuid())).append(",\"eventID\":").append(q(uuid()));
        boolean read = name.startsWith("Get") || name.startsWith("List") || name.startsWith("Describe");
        sb.append(",\"readOnly\":").append(read);
        if (resources != null) {
            sb.append(",\"resources\":").append(resources);
        }
        boolean data = name.equals("GetObject") || name.equals("PutObject");
        sb.append(",\"eventType\":").append(q(name.equals("ConsoleLogin") ? "AwsConsoleSignIn" : "AwsApiCall"))
                .append(",\"managementEvent\":").append(!data).append(",\"recipientAccountId\":").append(q(account));
        if (ip.startsWith("10.")) {
            sb.append(",\"vpcEndpointId\":\"vpce-0").append(Integer.toHexString(Math.abs(ip.hashCode()) % 4096)).append('"');
        }
        sb.append(",\"eventCategory\":").append(q(data ? "Data" : "Management"));
        if (!p.type().equals("AWSService")) {
            sb.append(",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.").append(2 + rnd.nextInt(2))
                    .append("\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":").append(q(source.replace("amazonaws", region + ".amazonaws"))).append('}');
        }
        return sb.append('}').toString();
    }

    static String iso(long millis) {
        return Instant.ofEpochMilli(millis - millis % 1000).toString();
    }

    /** Parameters and response for a background event. */
    String[] params(String name, String account, String region, long time) {
        String tag = rnd.nextInt(100) == 0 ? NON_ASCII[rnd.nextInt(NON_ASCII.length)] : "team-" + rnd.nextInt(30);
        if (name.equals("GetObject") || name.equals("PutObject")) {
            String bucket = "data-" + account + "-" + rnd.nextInt(25);
            String key = "exports/" + (rnd.nextInt(100) == 0 ? tag + "/" : "") + "part-" + rnd.nextInt(100000) + ".parquet";
            return new String[] {"{\"bucketName\":" + q(bucket) + ",\"key\":" + q(key) + ",\"Host\":" + q(bucket + ".s3." + region + ".amazonaws.com") + "}",
                null, "[{\"type\":\"AWS::S3::Object\",\"ARN\":" + q("arn:aws:s3:::" + bucket + "/" + key) + "},{\"accountId\":" + q(account)
                    + ",\"type\":\"AWS::S3::Bucket\",\"ARN\":" + q("arn:aws:s3:::" + bucket) + "}]"};
        }
        if (name.equals("RunInstances")) {
            String id = "i-0" + Long.toHexString(rnd.nextLong() & 0xffffffffffffL);
            return new String[] {"{\"instancesSet\":{\"items\":[{\"imageId\":\"ami-0" + Integer.toHexString(rnd.nextInt()) + "\",\"minCount\":1,\"maxCount\":1}]},"
                + "\"instanceType\":\"t3.micro\",\"tagSpecificationSet\":{\"items\":[{\"resourceType\":\"instance\",\"tags\":[{\"key\":\"team\",\"value\":" + q(tag) + "}]}]}}",
                "{\"instancesSet\":{\"items\":[{\"instanceId\":\"" + id + "\",\"instanceState\":{\"code\":0,\"name\":\"pending\"}}]}}", null};
        }
        if (name.equals("AssumeRole")) {
            String role = "arn:aws:iam::" + account + ":role/role-" + rnd.nextInt(40);
            return new String[] {"{\"roleArn\":" + q(role) + ",\"roleSessionName\":\"session-" + rnd.nextInt(1000) + "\",\"durationSeconds\":3600}",
                "{\"credentials\":{\"accessKeyId\":" + q(key("ASIA")) + ",\"sessionToken\":\"IQoJb3JpZ2luX2VjE" + Long.toHexString(rnd.nextLong())
                    + "\",\"expiration\":" + q(iso(time + 3_600_000)) + "},\"assumedRoleUser\":{\"assumedRoleId\":\"AROA" + rnd.nextInt(1_000_000)
                    + ":session\",\"arn\":" + q(role.replace(":iam:", ":sts:").replace(":role/", ":assumed-role/") + "/session") + "}}", null};
        }
        if (rnd.nextInt(2000) == 0) {
            // A very large request: a policy document of 50 to 200 KB.
            StringBuilder doc = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
            int n = 300 + rnd.nextInt(900);
            for (int i = 0; i < n; i++) {
                doc.append(i == 0 ? "" : ",").append("{\"Sid\":\"S").append(i).append("\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":\"arn:aws:s3:::bucket-")
                        .append(i).append("/*\"}");
            }
            return new String[] {"{\"policyName\":\"large-" + rnd.nextInt(100) + "\",\"policyDocument\":" + q(doc.append("]}").toString()) + "}", null, null};
        }
        return new String[] {"{\"maxResults\":" + (10 + rnd.nextInt(90)) + ",\"filterSet\":{\"items\":[{\"name\":\"tag:team\",\"valueSet\":{\"items\":[{\"value\":" + q(tag) + "}]}}]}}", null, null};
    }

    String background(long time, String account, String region) {
        int n = pick(nameCdf);
        String name = eventNames.get(n);
        String source = eventSources.get(n);
        Principal p = principals.get(pick(principalCdf));
        if (name.equals("ConsoleLogin")) {
            consoleLogins++;
        }
        String error = rnd.nextInt(100) < 3 ? ERRORS[rnd.nextInt(ERRORS.length)] : null;
        if (error != null) {
            errors++;
        }
        String[] pr = params(name, account, region, time);
        String resp = name.equals("ConsoleLogin") ? "{\"ConsoleLogin\":\"" + (error == null ? "Success" : "Failure") + "\"}" : pr[1];
        String ip = rnd.nextInt(50) == 0 && p.service() == null ? publicIp() : p.ip();
        count(region, source);
        return event(time, account, region, p, name, source, error, pr[0], resp, pr[2], ip, p.key());
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
        Principal victim = new Principal("IAMUser", account, "arn:aws:iam::" + account + ":user/ci-deploy", "AKIA" + "LEAKEDKEY0EXAMPLE".substring(0, 16), IP1, "ci-deploy", null, null);
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
        Principal attacker = new Principal("IAMUser", account, victim.arn(), newKey, IP2, "ci-deploy", null, null);
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
            String acct = ACCOUNTS[i % ACCOUNTS.length];
            String fresh = key("ASIA");
            if (i % 3 == 0) {
                out.add(chainEvent(t += 1_000, acct, "{\"type\":\"AWSService\",\"invokedBy\":\"lambda.amazonaws.com\"}", "AssumeRole", "sts.amazonaws.com",
                        null, assumeRequest(acct, "fn-" + i, "fn-" + i), credentialsResponse(acct, "fn-" + i, "fn-" + i, fresh, t), "lambda.amazonaws.com", null, ""));
            } else {
                String u = fixedKey("AKIA", "NOISEUSER" + i);
                assume(out, t += 1_000, acct, userIdentity(acct, "user-n" + i, u), fixedKey("AIDA", "user-n" + i), ACCOUNTS[(i + 1) % ACCOUNTS.length],
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
        return event(time, account, region, p, name, source, error, request, response, null, ip, key);
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
            int size = (int) Math.min(1000 + rnd.nextInt(4001), Math.max(1, background - written));
            long slot = start + (long) ((double) written / Math.max(1, background) * span);
            boolean here = !incidentDone && (slot >= start + span / 2 || written + size >= background);
            String account = here ? ACCOUNTS[2] : ACCOUNTS[rnd.nextInt(ACCOUNTS.length)];
            String region = here ? "us-east-1" : REGIONS[rnd.nextInt(REGIONS.length)];
            List<String> records = new ArrayList<>(size + 600);
            for (int i = 0; i < size && written < background; i++, written++) {
                records.add(background(slot + rnd.nextLong(900_000), account, region));
            }
            if (here) {
                records.addAll(planted);
                incidentDone = true;
            }
            // Real delivery sometimes repeats events in a later file: about 0.5 % here.
            for (int i = 0; i < previous.size() / 200; i++) {
                records.add(previous.get(rnd.nextInt(previous.size())));
                duplicates++;
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
