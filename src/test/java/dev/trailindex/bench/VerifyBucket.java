package dev.trailindex.bench;

import dev.trailindex.integrity.SignedBucket;
import dev.trailindex.integrity.TestKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes a signed trail bucket for the verify benchmark: {@code VerifyBucket DIR LOG_FILES}, two regions, 250 log files
 * an hour each (a busy account), with the list-public-keys file beside it as DIR/../keys.json.
 */
public final class VerifyBucket {
    private static final int PER_HOUR = 250;

    private VerifyBucket() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        int hours = Math.max(1, files / (2 * PER_HOUR));
        TestKey key = TestKey.generate();
        SignedBucket b = new SignedBucket(dir);
        Instant start = Instant.parse("2026-01-01T00:01:31Z");
        b.chain(SignedBucket.Spec.of("111122223333", "us-east-1"), key, start).files(PER_HOUR, 4).hours(hours);
        b.chain(SignedBucket.Spec.of("111122223333", "eu-west-1"), key, start).files(PER_HOUR, 4).hours(hours);
        TestKey.writeList(dir.resolveSibling("keys.json"), List.of(key), false);
        System.out.printf("%d log files, %d digests, %d events%n", b.logs().size(), b.digests().size(), b.eventsWritten);
    }
}
