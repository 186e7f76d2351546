package dev.trailindex.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.TestSupport;
import dev.trailindex.integrity.SignedBucket.Digest;
import dev.trailindex.integrity.SignedBucket.Spec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies generated, signed buckets with every kind of tampering; what must be found comes from {@link Expected}, i.e.
 * from what the generator did, never from the verifier.
 */
class VerifierTest {
    static final TestKey KEY = TestKey.generate();
    static final TestKey KEY2 = TestKey.generate();
    static final TestKey FORGER = TestKey.generate();
    static final String ACCOUNT = "111122223333";
    static final Instant START = Instant.parse("2026-03-01T10:01:31Z");

    @TempDir
    Path tmp;

    SignedBucket bucket;

    SignedBucket bucket() {
        bucket = new SignedBucket(tmp.resolve("bucket"));
        return bucket;
    }

    VerifyReport verify(List<TestKey> keys) throws IOException {
        PublicKeyRing ring = keys == null ? PublicKeyRing.none()
                : PublicKeyRing.load(List.of(TestKey.writeList(tmp.resolve("keys.json"), keys, true)));
        return new Verifier(TestSupport.SCHEMA, new VerifyOptions(ring, SignatureStore.none(), null, null, 2, null))
                .run(List.of(bucket.root));
    }

    /** Runs the verifier with {@code keys} and checks every verdict {@link Expected} derives. */
    VerifyReport verifyAndCheck(List<TestKey> keys) throws IOException {
        VerifyReport r = verify(keys);
        Expected e = new Expected(bucket, keys == null ? null : keys.stream().map(k -> k.fingerprint).collect(Collectors.toSet()));
        Map<String, DigestVerdict> digests = byKey(r.digests(), DigestVerdict::key);
        e.digests.forEach((key, want) -> {
            DigestVerdict got = digests.get(key);
            assertNotNull(got, "the report has no digest " + key);
            assertEquals(want, new Expected.DigestExpectation(got.presence(), got.hash(), got.signature()), key);
        });
        Set<String> gone = r.digests().stream().filter(d -> !d.present()).map(DigestVerdict::key).collect(Collectors.toSet());
        assertEquals(e.digests.entrySet().stream().filter(x -> x.getValue().presence() != Presence.PRESENT).map(Map.Entry::getKey)
                .collect(Collectors.toSet()), gone, "the digests reported gone");
        Map<String, LogVerdict> logs = byKey(r.logFiles(), LogVerdict::key);
        e.logs.forEach((key, want) -> {
            LogVerdict got = logs.get(key);
            assertNotNull(got, "the report has no log file " + key);
            assertEquals(want.status(), got.status(), key + ": " + got.detail());
            if (want.reason() != null) {
                assertEquals(want.reason(), got.reason(), key);
            }
        });
        assertEquals(e.logs.size(), r.logFiles().size(), "one entry per log file");
        assertEquals(e.problems, r.problems().stream().map(Problem::kind).sorted().toList(), r.problems().toString());
        assertEquals(e.problems.isEmpty(), r.intact());
        return r;
    }

    static <T> Map<String, T> byKey(List<T> list, Function<T, String> key) {
        return list.stream().collect(Collectors.toMap(key, x -> x, (a, b) -> a));
    }

    @Test
    void cleanBucketIsIntactAndEveryDigestButTheNewestIsSigned() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(6);
        VerifyReport r = verifyAndCheck(List.of(KEY));
        assertTrue(r.intact());
        assertEquals(bucket.eventsWritten, r.events());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("cannot be signature-checked offline")), r.notes().toString());
        // 10:01:31 .. 16:01:31: hours 11..15 are whole; 10 and 16 are partly outside any digest.
        Map<Long, HourCell> hours = byHour(r);
        for (int h = 11; h <= 14; h++) {
            assertEquals(HourStatus.VERIFIED, hours.get(hour(h)).status(), "hour " + h);
        }
        // The newest digest (15:01:31 .. 16:01:31) is vouched for by nothing: hash-only.
        assertEquals(HourStatus.HASH_ONLY, hours.get(hour(15)).status());
        assertEquals(HourStatus.NO_DIGEST, hours.get(hour(10)).status());
        assertEquals(bucket.eventsWritten, r.hours().stream().mapToLong(HourCell::events).sum());
    }

    @Test
    void withoutKeysTheChainIsCheckedByHashOnly() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(4);
        VerifyReport r = verifyAndCheck(null);
        assertTrue(r.intact());
        assertEquals(HourStatus.HASH_ONLY, byHour(r).get(hour(12)).status());
        assertTrue(r.notes().get(0).startsWith("no --public-keys given"), r.notes().toString());
    }

    @Test
    void modifiedDeletedAndAppendedLogFiles() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).files(3, 4).hours(5);
        List<SignedBucket.Log> logs = bucket.logs();
        Tamper t = new Tamper(bucket);
        t.modifyLog(logs.get(1));
        t.deleteLog(logs.get(4));
        t.appendMember(logs.get(7), bucket.chains.get(0).spec);
        t.appendGarbage(logs.get(9));
        VerifyReport r = verifyAndCheck(List.of(KEY));
        assertFalse(r.intact());
        // The digest listing the modified log marks its hours tampered.
        Digest listing = logs.get(1).listedBy;
        assertEquals(HourStatus.TAMPERED, byHour(r).get(Coverage.floor(listing.start + 30 * SignedBucket.MINUTE)).status());
        // Events of the appended member count too.
        assertEquals(bucket.logs().stream().filter(l -> !l.deleted).mapToLong(l -> l.events).sum(), r.events());
    }

    @Test
    void oneDeletedDigestIsNamedByItsSuccessor() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(6);
        new Tamper(bucket).deleteDigest(bucket.digests().get(2));
        VerifyReport r = verifyAndCheck(List.of(KEY));
        ChainBreak b = r.breaks().get(0);
        assertEquals(ChainBreak.MISSING_DIGESTS, b.kind());
        assertEquals(1, b.missing());
        Digest gone = bucket.digests().get(2);
        assertEquals(HourStatus.MISSING_DIGEST, byHour(r).get(Coverage.floor(gone.start + 30 * SignedBucket.MINUTE)).status());
    }

    @Test
    void consecutiveDeletedDigestsAreAllCountedWithTheirKeys() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(5);
        bucket.chain(Spec.of(ACCOUNT, "eu-west-1"), KEY2, START).hours(8);
        Tamper t = new Tamper(bucket);
        t.deleteDigest(bucket.chains.get(0).digests.get(1));
        t.deleteDigest(bucket.chains.get(0).digests.get(2));
        for (int i = 2; i <= 4; i++) {
            t.deleteDigest(bucket.chains.get(1).digests.get(i));
        }
        VerifyReport r = verifyAndCheck(List.of(KEY, KEY2));
        assertEquals(List.of(2, 3), r.breaks().stream().map(ChainBreak::missing).sorted().toList());
    }

    @Test
    void modifiedDigestBreaksItsHashAndSignature() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(5);
        new Tamper(bucket).modifyDigest(bucket.digests().get(2));
        verifyAndCheck(List.of(KEY));
        verifyAndCheck(null);
    }

    @Test
    void logAddedInsideACoveredWindow() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(5);
        SignedBucket.Log added = new Tamper(bucket).addLog(bucket.chains.get(0), bucket.digests().get(2));
        VerifyReport r = verifyAndCheck(List.of(KEY));
        assertEquals(HourStatus.TAMPERED, byHour(r).get(Coverage.floor(added.stamp)).status());
    }

    @Test
    void loggingGapExplainedByStopLogging() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(3).stopLogging().pause(5).startLogging().hours(2);
        VerifyReport r = verifyAndCheck(List.of(KEY));
        assertTrue(r.intact(), r.problems().toString());
        ChainBreak b = r.breaks().get(0);
        assertEquals(ChainBreak.RESTART, b.kind());
        assertEquals("StopLogging", b.stoppedBy().name());
        assertEquals("StartLogging", b.restartedBy().name());
        assertFalse(b.problem());
        // 13:31:31 (the final digest's end) .. 18:31:31: hours 14..17 had no logging.
        Map<Long, HourCell> hours = byHour(r);
        for (int h = 14; h <= 17; h++) {
            assertEquals(HourStatus.NO_DIGEST, hours.get(hour(h)).status(), "hour " + h);
            assertTrue(hours.get(hour(h)).stopped(), "hour " + h);
        }
    }

    @Test
    void restartWithoutStopLoggingIsAProblem() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(3).pause(4).restartUnexplained().hours(2);
        VerifyReport r = verifyAndCheck(List.of(KEY));
        assertEquals(ChainBreak.RESTART, r.breaks().get(0).kind());
        assertTrue(r.breaks().get(0).problem());
    }

    @Test
    void deletedFinalDigestLeavesTheStopLoggingUndigested() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(3).stopLogging().pause(5).startLogging().hours(2);
        SignedBucket.Digest last = bucket.digests().stream().filter(d -> d.finalDigest).findFirst().orElseThrow();
        new Tamper(bucket).deleteDigest(last);
        VerifyReport r = verifyAndCheck(List.of(KEY));
        ChainBreak b = r.breaks().get(0);
        assertEquals("StopLogging", b.stoppedBy().name());
        assertFalse(b.explained());
        assertTrue(b.note().contains("final digest"), b.note());
    }

    @Test
    void digestMovedToAnotherKey() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(4);
        SignedBucket.Digest d = bucket.digests().get(1);
        Path from = bucket.path(d.key);
        java.nio.file.Files.move(from, from.resolveSibling(from.getFileName().toString().replace("0131Z", "0132Z")));
        VerifyReport r = verify(List.of(KEY));
        assertEquals(List.of(Problem.Kind.MISSING_DIGEST, Problem.Kind.MOVED_DIGEST),
                r.problems().stream().map(Problem::kind).sorted().toList(), r.problems().toString());
    }

    @Test
    void twoRegionsAreTwoChainsWithTheirOwnKeys() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(4);
        bucket.chain(Spec.of(ACCOUNT, "eu-west-1"), KEY2, START.plusSeconds(600)).hours(4);
        VerifyReport r = verifyAndCheck(List.of(KEY, KEY2));
        assertEquals(2, r.chains().size());
        assertEquals(2, r.hours().stream().map(HourCell::place).distinct().count());
    }

    @Test
    void organizationTrailWithAKeyPrefix() throws IOException {
        Spec org = new Spec("corp/cloudtrail", "o-a1b2c3d4e5", "444455556666", "ap-southeast-2", "org_trail.v2", "us-east-1");
        bucket().chain(org, KEY, START).hours(4);
        new Tamper(bucket).deleteLog(bucket.logs().get(3));
        VerifyReport r = verifyAndCheck(List.of(KEY));
        assertTrue(r.digests().stream().allMatch(d -> d.key().startsWith("corp/cloudtrail/AWSLogs/o-a1b2c3d4e5/444455556666/")));
        assertEquals("o-a1b2c3d4e5", r.chains().get(0).sample().org());
        assertEquals("org_trail.v2", r.chains().get(0).sample().trail());
        // A sub-folder of the bucket is verified alike: keys still start at the prefix.
        VerifyReport sub = new Verifier(TestSupport.SCHEMA, VerifyOptions.defaults())
                .run(List.of(bucket.root.resolve("corp/cloudtrail/AWSLogs/o-a1b2c3d4e5/444455556666/CloudTrail-Digest")));
        assertEquals(r.digests().stream().map(DigestVerdict::key).toList(), sub.digests().stream().map(DigestVerdict::key).toList());
        assertEquals(1, sub.problems().size(), sub.problems().toString());
    }

    @Test
    void chainSignedByTheWrongKey() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).forge(FORGER, KEY).hours(4);
        verifyAndCheck(List.of(KEY));
        bucket.chains.clear();
        bucket = new SignedBucket(tmp.resolve("bucket2"));
        bucket.chain(Spec.of(ACCOUNT, "us-east-1"), FORGER, START).hours(4);
        verifyAndCheck(List.of(KEY));
    }

    @Test
    void keyRotationIsValidWithBothKeys() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(3).key(KEY2).hours(3);
        assertTrue(verifyAndCheck(List.of(KEY, KEY2)).intact());
        assertFalse(verifyAndCheck(List.of(KEY)).intact());
    }

    @Test
    void emptyDigestsProveEmptyHours() throws IOException {
        bucket().chain(Spec.of(ACCOUNT, "us-east-1"), KEY, START).hours(2).files(0, 0).hours(3).files(2, 3).hours(2);
        VerifyReport r = verifyAndCheck(List.of(KEY));
        // 12:01:31 .. 15:01:31 hold empty digests: hours 13 and 14 are wholly inside.
        assertEquals(HourStatus.EMPTY, byHour(r).get(hour(13)).status());
        assertEquals(HourStatus.EMPTY, byHour(r).get(hour(14)).status());
        assertEquals(HourStatus.VERIFIED, byHour(r).get(hour(15)).status());
    }

    static long hour(int h) {
        return Instant.parse("2026-03-01T00:00:00Z").toEpochMilli() + h * SignedBucket.HOUR;
    }

    static Map<Long, HourCell> byHour(VerifyReport r) {
        return r.hours().stream().collect(Collectors.toMap(HourCell::hour, h -> h, (a, b) -> a));
    }
}
