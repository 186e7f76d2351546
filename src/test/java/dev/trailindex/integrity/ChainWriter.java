package dev.trailindex.integrity;

import dev.trailindex.integrity.SignedBucket.Digest;
import dev.trailindex.integrity.SignedBucket.Log;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one chain hour by hour, as CloudTrail would: log files delivered inside each digest's window, one digest per
 * window signed over the previous one; StopLogging ends a segment with a final digest, StartLogging begins a new one
 * with a starting digest (all previousDigest* null).
 */
public final class ChainWriter {
    private static final long HOUR = SignedBucket.HOUR;
    private static final long MINUTE = SignedBucket.MINUTE;

    private final SignedBucket bucket;
    private final SignedBucket.Chain chain;
    private TestKey signer;
    private TestKey claimed;
    private long cursor;
    private Digest previous;
    private boolean startNext;
    private int filesPerHour = 2;
    private int eventsPerFile = 3;

    ChainWriter(SignedBucket bucket, SignedBucket.Chain chain, TestKey key, long start) {
        this.bucket = bucket;
        this.chain = chain;
        this.signer = key;
        this.claimed = key;
        this.cursor = start;
    }

    public ChainWriter files(int perHour, int eventsEach) {
        this.filesPerHour = perHour;
        this.eventsPerFile = eventsEach;
        return this;
    }

    /** {@code n} ordinary hours: a digest each, listing the log files delivered in it. */
    public ChainWriter hours(int n) {
        for (int i = 0; i < n; i++) {
            window(HOUR, filesPerHour, null, null);
        }
        return this;
    }

    /** Signs with {@code key} from now on (a key rotation). */
    public ChainWriter key(TestKey key) {
        this.signer = key;
        this.claimed = key;
        return this;
    }

    /** Signs with {@code signer} but names {@code claimed}'s fingerprint: a forger rebuilding the chain. */
    public ChainWriter forge(TestKey forger, TestKey named) {
        this.signer = forger;
        this.claimed = named;
        return this;
    }

    /** StopLogging 20 minutes into the next window; the final digest closes 30 minutes in. */
    public ChainWriter stopLogging() {
        window(30 * MINUTE, 1, "StopLogging", null);
        chain.digests.get(chain.digests.size() - 1).finalDigest = true;
        return this;
    }

    /** No logging for {@code hours} hours. */
    public ChainWriter pause(int hours) {
        cursor += hours * HOUR;
        return this;
    }

    /** Logging restarts: the next digest starts a new segment; its first log holds StartLogging. */
    public ChainWriter startLogging() {
        startNext = true;
        window(HOUR, filesPerHour, null, "StartLogging");
        return this;
    }

    /** A new segment that nothing explains (as if the final digests and the StopLogging were deleted). */
    public ChainWriter restartUnexplained() {
        startNext = true;
        window(HOUR, filesPerHour, null, null);
        return this;
    }

    private void window(long length, int files, String lastEvent, String firstEvent) {
        Digest d = new Digest();
        d.start = cursor;
        d.end = cursor + length;
        d.starting = previous == null || startNext;
        long step = (length - 10 * MINUTE) / Math.max(1, files);
        for (int j = 0; j < files; j++) {
            long newest = cursor + 2 * MINUTE + j * step + 17_000;
            String control = j == files - 1 && lastEvent != null ? lastEvent : j == 0 ? firstEvent : null;
            d.logs.add(log(newest, control, d));
        }
        d.signer = signer;
        d.claimed = claimed;
        d.key = bucket.digestKey(chain.spec, d.end);
        d.json = SignedBucket.digestJson(fields(d, startNext || previous == null ? null : previous));
        d.signature = signer.sign(signedString(d, bucket.bucket));
        bucket.write(d.key, SignedBucket.gzip(d.json));
        chain.digests.add(d);
        previous = d;
        startNext = false;
        cursor = d.end;
    }

    static String signedString(Digest d, String bucketName) {
        return SignedBucket.time(d.end) + "\n" + bucketName + "/" + d.key + "\n" + SignedBucket.sha256(d.json) + "\n"
                + (d.previousSignature == null ? "null" : d.previousSignature);
    }

    private Log log(long newest, String control, Digest d) {
        long stamp = SignedBucket.roundUp5(newest);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int k = eventsPerFile - 1; k >= 0; k--) {
            boolean isControl = control != null && (control.equals("StartLogging") ? k == eventsPerFile - 1 : k == 0);
            records.add(bucket.event(chain.spec, newest - k * 40_000L, isControl ? control : "DescribeInstances"));
        }
        Log l = new Log();
        l.stamp = stamp;
        l.newest = newest;
        l.oldest = newest - (eventsPerFile - 1) * 40_000L;
        l.events = records.size();
        l.listedBy = d;
        l.key = bucket.logKey(chain.spec, stamp);
        l.uncompressed = SignedBucket.json(Map.of("Records", records));
        bucket.write(l.key, SignedBucket.gzip(l.uncompressed));
        chain.logs.add(l);
        return l;
    }

    private Map<String, Object> fields(Digest d, Digest prev) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("awsAccountId", chain.spec.account());
        f.put("digestStartTime", SignedBucket.time(d.start));
        f.put("digestEndTime", SignedBucket.time(d.end));
        f.put("digestS3Bucket", bucket.bucket);
        f.put("digestS3Object", d.key);
        f.put("digestPublicKeyFingerprint", claimed.fingerprint);
        f.put("digestSignatureAlgorithm", "SHA256withRSA");
        f.put("newestEventTime", d.logs.isEmpty() ? null : SignedBucket.time(d.logs.get(d.logs.size() - 1).newest));
        f.put("oldestEventTime", d.logs.isEmpty() ? null : SignedBucket.time(d.logs.get(0).oldest));
        f.put("previousDigestS3Bucket", prev == null ? null : bucket.bucket);
        f.put("previousDigestS3Object", prev == null ? null : prev.key);
        f.put("previousDigestHashValue", prev == null ? null : SignedBucket.sha256(prev.json));
        f.put("previousDigestHashAlgorithm", prev == null ? null : "SHA-256");
        f.put("previousDigestSignature", prev == null ? null : prev.signature);
        d.previousSignature = prev == null ? null : prev.signature;
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Log l : d.logs) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("s3Bucket", bucket.bucket);
            e.put("s3Object", l.key);
            e.put("hashValue", SignedBucket.sha256(l.uncompressed));
            e.put("hashAlgorithm", "SHA-256");
            e.put("newestEventTime", SignedBucket.time(l.newest));
            e.put("oldestEventTime", SignedBucket.time(l.oldest));
            listed.add(e);
        }
        f.put("logFiles", listed);
        return f;
    }
}
