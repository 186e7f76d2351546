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
