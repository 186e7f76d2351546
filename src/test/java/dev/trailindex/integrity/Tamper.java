package dev.trailindex.integrity;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.trailindex.integrity.SignedBucket.Digest;
import dev.trailindex.integrity.SignedBucket.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an attacker (or an accident) does to a bucket; each change is recorded on the bucket's own records. */
public final class Tamper {
    private final SignedBucket bucket;

    public Tamper(SignedBucket bucket) {
        this.bucket = bucket;
    }

    public void deleteDigest(Digest d) {
        delete(d.key);
        d.deleted = true;
    }

    /** Changes one value of the digest's JSON and writes it back (its successor still holds the old hash). */
    public void modifyDigest(Digest d) {
        try {
            Map<String, Object> fields = SignedBucket.JSON.readValue(new String(d.json, StandardCharsets.UTF_8),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            fields.put("oldestEventTime", "2001-01-01T00:00:00Z");
            bucket.write(d.key, SignedBucket.gzip(SignedBucket.digestJson(fields)));
            d.modified = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes one event of the log file and writes it back, gzip'd as before. */
    public void modifyLog(Log l) {
        String text = new String(l.uncompressed, StandardCharsets.UTF_8).replaceFirst("DescribeInstances", "DeleteTrailX");
        bucket.write(l.key, SignedBucket.gzip(text.getBytes(StandardCharsets.UTF_8)));
        l.modified = true;
    }

    public void deleteLog(Log l) {
        delete(l.key);
        l.deleted = true;
    }

    /** Appends a second gzip member with one more event: gzip readers (and Java) read it as part of the file. */
    public void appendMember(Log l, SignedBucket.Spec spec) {
        byte[] more = SignedBucket.json(Map.of("Records", List.of(bucket.event(spec, l.newest, "CreateUser"))));
        append(l, SignedBucket.gzip(more));
        l.events++;
    }

    /** Appends bytes that are not gzip at all: Java's GZIPInputStream ignores them. */
    public void appendGarbage(Log l) {
        append(l, "not gzip, just bytes".getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a new log file, named in the middle of {@code window}'s time, that no digest lists. */
    public Log addLog(SignedBucket.Chain chain, Digest window) {
        Log l = new Log();
        l.newest = window.start + 25 * SignedBucket.MINUTE + 11_000;
        l.oldest = l.newest;
        l.stamp = SignedBucket.roundUp5(l.newest);
        l.key = bucket.logKey(chain.spec, l.stamp);
        l.uncompressed = SignedBucket.json(Map.of("Records", List.of(bucket.event(chain.spec, l.newest, "RunInstances"))));
        l.events = 1;
        l.added = true;
        bucket.write(l.key, SignedBucket.gzip(l.uncompressed));
        chain.logs.add(l);
        return l;
    }

    private void append(Log l, byte[] bytes) {
        try {
            Files.write(bucket.path(l.key), bytes, StandardOpenOption.APPEND);
            l.appended = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(String key) {
        try {
            Files.delete(bucket.path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
