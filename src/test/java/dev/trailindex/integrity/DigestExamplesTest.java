package dev.trailindex.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two real digest examples of AWS's documentation (../shared/corpus/aws-docs-examples). They are pretty-printed,
 * so no hash can match them; they must parse, and a verify run over them says what is missing instead of failing.
 */
class DigestExamplesTest {
    @TempDir
    Path tmp;

    @Test
    void bothExamplesParse() throws Exception {
        Path dir = TestSupport.corpus().resolve("aws-docs-examples");
        DigestFile withLog = DigestParser.parse(Files.readAllBytes(dir.resolve("digest_example_0.json")));
        assertEquals("111122223333", withLog.accountId());
        assertEquals(Instant.parse("2015-08-17T14:01:31Z").toEpochMilli(), withLog.start());
        assertEquals("2015-08-17T15:01:31Z", withLog.endTimeText());
        assertEquals("31e8b5433410dfb61a9dc45cc65b22ff", withLog.fingerprint());
        assertEquals(1, withLog.logFiles().size());
        assertEquals(64, Hashes.hex(withLog.logFiles().get(0).sha256()).length());
        assertTrue(withLog.previousObject().endsWith("_20150817T140131Z.json.gz"));
        assertEquals(512, withLog.previousSignature().length());
        DigestFile empty = DigestParser.parse(Files.readAllBytes(dir.resolve("digest_example_1.json")));
        assertEquals(List.of(), empty.logFiles());
        assertTrue(empty.previousHash().startsWith("ed96c4ba"));
    }

    @Test
    void aBucketOfTheExamplesIsReportedNotRejected() throws Exception {
        Path dir = TestSupport.corpus().resolve("aws-docs-examples");
        Path bucket = tmp.resolve("bucket");
        for (String name : List.of("digest_example_0.json", "digest_example_1.json")) {
            byte[] json = Files.readAllBytes(dir.resolve(name));
            Path at = bucket.resolve(DigestParser.parse(json).object());
            Files.createDirectories(at.getParent());
            Files.write(at, SignedBucket.gzip(json));
        }
        VerifyReport r = new Verifier(TestSupport.SCHEMA, VerifyOptions.defaults()).run(List.of(bucket));
        List<DigestVerdict> present = r.digests().stream().filter(DigestVerdict::present).toList();
        assertEquals(2, present.size());
        for (DigestVerdict d : present) {
            assertEquals(DigestVerdict.FORMAT_OK, d.format(), d.detail());
            assertTrue(!d.moved(), d.detail());
            assertNull(d.detail());
            assertEquals(HashStatus.UNANCHORED, d.hash());
        }
        // Each names a previous digest that is not here, and the first lists a log file that is not here.
        assertEquals(2, r.digests().stream().filter(d -> d.presence() == Presence.MISSING).count());
        assertEquals(LogStatus.MISSING, r.logFiles().get(0).status());
        // The empty digest's hour starts inside the window of the digest before it, which is gone.
        assertEquals(HourStatus.MISSING_DIGEST, r.hours().stream()
                .filter(h -> h.hour() == Instant.parse("2015-08-20T17:00:00Z").toEpochMilli()).findFirst().orElseThrow().status());
    }
}
