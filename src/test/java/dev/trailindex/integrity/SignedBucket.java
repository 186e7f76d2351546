package dev.trailindex.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes signed CloudTrail buckets for tests, in AWS's formats exactly (key layout, compact digest JSON with {@code \/},
 * the signed string, SHA256withRSA in hex, the chain of previousDigest* fields), and records what it wrote and every
 * tampering it did, so that {@link Expected} can say what a verifier must find without asking the verifier.
 */
public final class SignedBucket {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DIGEST_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOG_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    /** Where a trail delivers: an optional key prefix and organization, the account, source region and trail. */
    public record Spec(String prefix, String org, String account, String region, String trail, String homeRegion) {
        public static Spec of(String account, String region) {
            return new Spec("", null, account, region, "main-trail", region);
        }

        String base() {
            return (prefix.isEmpty() ? "" : prefix + "/") + "AWSLogs/" + (org == null ? "" : org + "/") + account;
        }
    }

    /** One log file written. */
    public static final class Log {
        public String key;
        public long stamp;
        long newest;
        long oldest;
        public int events;
        byte[] uncompressed;
        public Digest listedBy;
        boolean deleted;
        boolean modified;
        boolean appended;
        boolean added;
    }

    /** One digest written. */
    public static final class Digest {
        public String key;
        public long start;
        public long end;
        boolean starting;
        public String signature;
        String previousSignature;
        TestKey signer;
        TestKey claimed;
        byte[] json;
        public final List<Log> logs = new ArrayList<>();
        boolean deleted;
        boolean modified;
        /** It closes a segment after StopLogging: it lists the log holding the StopLogging event. */
        boolean finalDigest;
    }

    /** One chain written, digests oldest first. */
    public static final class Chain {
        public Spec spec;
        public final List<Digest> digests = new ArrayList<>();
        public final List<Log> logs = new ArrayList<>();
    }

    public final Path root;
    final String bucket = "trail-bucket";
    public final List<Chain> chains = new ArrayList<>();
    private final Random random = new Random(7);
    public long eventsWritten;

    public SignedBucket(Path root) {
        this.root = root;
    }

    public ChainWriter chain(Spec spec, TestKey key, Instant start) {
        Chain c = new Chain();
        c.spec = spec;
        chains.add(c);
        return new ChainWriter(this, c, key, start.toEpochMilli());
    }

    /** Every digest of every chain. */
    public List<Digest> digests() {
        return chains.stream().flatMap(c -> c.digests.stream()).toList();
    }

    /** Every log file of every chain. */
    public List<Log> logs() {
        return chains.stream().flatMap(c -> c.logs.stream()).toList();
    }

    Path path(String key) {
        return root.resolve(key);
    }

    /** A log file is named after its newest event, rounded up to five minutes. */
    static long roundUp5(long t) {
        return (t + 5 * MINUTE - 1) / (5 * MINUTE) * (5 * MINUTE);
    }

    static String time(long t) {
        return TIME.format(Instant.ofEpochMilli(t));
    }

    String digestKey(Spec s, long end) {
        Instant t = Instant.ofEpochMilli(end);
        return s.base() + "/CloudTrail-Digest/" + s.region() + "/" + FOLDER.format(t) + "/" + s.account() + "_CloudTrail-Digest_"
                + s.region() + "_" + s.trail() + "_" + s.homeRegion() + "_" + DIGEST_STAMP.format(t) + ".json.gz";
    }

    String logKey(Spec s, long stamp) {
        Instant t = Instant.ofEpochMilli(stamp);
        StringBuilder unique = new StringBuilder();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 16; i++) {
            unique.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.base() + "/CloudTrail/" + s.region() + "/" + FOLDER.format(t) + "/" + s.account() + "_CloudTrail_" + s.region()
                + "_" + LOG_STAMP.format(t) + "_" + unique + ".json.gz";
    }

    /** One CloudTrail event as JSON; a trail-control event names the trail in its request parameters. */
    Map<String, Object> event(Spec s, long time, String name) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventVersion", "1.09");
        e.put("userIdentity", Map.of("type", "IAMUser", "arn", "arn:aws:iam::" + s.account() + ":user/alice"));
        e.put("eventTime", time(time));
        boolean control = name.endsWith("Logging") || name.endsWith("Trail");
        e.put("eventSource", control ? "cloudtrail.amazonaws.com" : "ec2.amazonaws.com");
        e.put("eventName", name);
        e.put("awsRegion", s.region());
        e.put("sourceIPAddress", "192.0.2." + (1 + random.nextInt(200)));
        e.put("requestParameters", control ? Map.of("name", "arn:aws:cloudtrail:" + s.homeRegion() + ":" + s.account()
                + ":trail/" + s.trail()) : null);
        e.put("eventID", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        e.put("recipientAccountId", s.account());
        eventsWritten++;
        return e;
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void write(String key, byte[] gzipped) {
        try {
            Path p = path(key);
            Files.createDirectories(p.getParent());
            Files.write(p, gzipped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Digest JSON as CloudTrail writes it: compact, in its key order, with every {@code /} escaped. */
    static byte[] digestJson(Map<String, Object> fields) {
        return new String(json(fields), StandardCharsets.UTF_8).replace("/", "\\/").getBytes(StandardCharsets.UTF_8);
    }
}
