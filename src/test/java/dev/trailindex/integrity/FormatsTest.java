package dev.trailindex.integrity;

import dev.trailindex.ingest.CorruptGzipException;
import dev.trailindex.ingest.GzipMembers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CloudTrail's formats piece by piece: keys, gzip members, the signed string, public keys, saved signatures. */
class FormatsTest {
    @TempDir
    Path tmp;

    @Test
    void digestKeysAreReadFromTheRightSoTrailNamesMayHoldUnderscores() {
        DigestKey k = DigestKey.parse("AWSLogs/o-abcdefghij/111122223333/CloudTrail-Digest/eu-west-1/2024/03/01/"
                + "111122223333_CloudTrail-Digest_eu-west-1_my_org_trail_us-gov-west-1_20240301T230404Z_backfill.json.gz").orElseThrow();
        assertEquals("o-abcdefghij", k.org());
        assertEquals("my_org_trail", k.trail());
        assertEquals("us-gov-west-1", k.homeRegion());
        assertEquals("eu-west-1", k.region());
        assertTrue(k.backfill());
        assertEquals(Instant.parse("2024-03-01T23:04:04Z").toEpochMilli(), k.end());
        // The key of the digest an hour before, as CloudTrail would name it (the date folder follows the time).
        DigestKey before = k.at(k.end() - 24 * 3_600_000L);
        assertEquals("AWSLogs/o-abcdefghij/111122223333/CloudTrail-Digest/eu-west-1/2024/02/29/111122223333_CloudTrail-Digest_"
                + "eu-west-1_my_org_trail_us-gov-west-1_20240229T230404Z_backfill.json.gz", before.tail());
        assertTrue(DigestKey.parse("AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2024/03/01/"
                + "444455556666_CloudTrail-Digest_eu-west-1_t_eu-west-1_20240301T230404Z.json.gz").isEmpty(), "account differs");
        assertTrue(DigestKey.parse("AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2024/03/01/"
                + "111122223333_CloudTrail-Digest_eu-west-1_t_eu-west-1_20241301T230404Z.json.gz").isEmpty(), "month 13");
    }

    @Test
    void logKeys() {
        LogKey k = LogKey.parse("AWSLogs/111122223333/CloudTrail/us-east-1/2023/10/15/"
                + "111122223333_CloudTrail_us-east-1_20231015T2205Z_9nYN7gp2eWAJHIfT.json.gz").orElseThrow();
        assertEquals(Instant.parse("2023-10-15T22:05:00Z").toEpochMilli(), k.stamp());
        assertNull(k.org());
        assertTrue(LogKey.parse("AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2023/10/15/"
                + "111122223333_CloudTrail-Insight_us-east-1_20231015T2205Z_9nYN7gp2eWAJHIfT.json.gz").isEmpty());
        assertTrue(LogKey.parse("AWSLogs/111122223333/CloudTrail/us-east-1/../../../../etc/x.json.gz").isEmpty());
    }

    @Test
    void gzipMembersAreCountedAndTrailingBytesFound() throws IOException {
        byte[] one = SignedBucket.gzip("{\"Records\":[1]}".getBytes(StandardCharsets.UTF_8));
        byte[] two = SignedBucket.gzip("{\"Records\":[2]}".getBytes(StandardCharsets.UTF_8));
        Read clean = read(one);
        assertEquals(1, clean.members);
        assertEquals(0, clean.trailing);
        assertEquals("{\"Records\":[1]}", clean.text);
        assertArrayEquals(sha("{\"Records\":[1]}"), clean.hash);
        Read appended = read(concat(one, two));
        assertEquals(2, appended.members);
        assertEquals(two.length, appended.trailing);
        assertArrayEquals(sha("{\"Records\":[1]}"), appended.hash, "the hash covers the first member only");
        assertEquals("{\"Records\":[1]}{\"Records\":[2]}", appended.text, "later members are still read");
        Read garbage = read(concat(one, "junk".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, garbage.members);
        assertEquals(4, garbage.trailing);
        // What the JDK does with the same bytes: the garbage is silently dropped.
        assertEquals("{\"Records\":[1]}", new String(new GZIPInputStream(new ByteArrayInputStream(concat(one, "junk".getBytes(
                StandardCharsets.UTF_8)))).readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void damagedGzipIsAnErrorOnlyInTheFirstMember() throws IOException {
        byte[] one = SignedBucket.gzip("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));
        assertThrows(CorruptGzipException.class, () -> read("{}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> read(java.util.Arrays.copyOf(one, one.length - 3)));
        byte[] badCrc = one.clone();
        badCrc[badCrc.length - 8] ^= 1;
        assertThrows(CorruptGzipException.class, () -> read(badCrc));
        Read halfSecond = read(concat(one, java.util.Arrays.copyOf(one, 12)));
        assertEquals(1, halfSecond.members);
        assertEquals(12, halfSecond.trailing);
    }

    @Test
    void signedStringIsAwsClisTestVector() throws IOException {
        // aws-cli's unit test: end time "a", bucket "b", object "c", the digest's hash sha256("abc"), no previous signature.
        DigestFile d = new DigestFile("111122223333", 0, 0, "a", "b", "c", "f", "SHA256withRSA", null, null, null, List.of());
        assertEquals("a\nb/c\nba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\nnull",
                DigestSignature.signedString(d, sha("abc")));
    }

    @Test
    void publicKeysFromListPublicKeysOutput() throws IOException {
        // The key of aws-cli's list-public-keys example (CLI v1 epoch-second times): its fingerprint is the MD5 of the DER.
        Path f = Files.writeString(tmp.resolve("v1.json"), """
                {"PublicKeyList": [{"ValidityStartTime": 1453076702.0, "ValidityEndTime": 1455668702.0,
                  "Value": "MIIBCgKCAQEAlSS3cl92HDycr/MTj0moOhas8habjrraXw+KzlWF0axSI2tcF+3iJ9BKQAVSKxGwxwu3m0wG3J+kUl1xboEcEPHYoIYMbgfSw7KGnuDKwkLzsQWhUJ0cIbOHASox1vv/5fNXkrHhGbDCHeVXm804c83nvHUEFYThr1PfyP/8HwrCtR3FX5OANtQCP61C1nJtSSkC8JSQUOrIP4CuwJjc+4WGDk+BGH5m9iuiAKkipEHWmUl8/P7XpfpWQuk4h8g3pXZOrNXr08lbh4d39svj7UqdhvOXoBISp9t/EXYuePGEtBdrKD9Dz+VHwyUPtBQvYr9BnkF88qBnaPNhS44rzwIDAQAB",
                  "Fingerprint": "7f3f401420072e50a65a141430817ab3"}]}""");
        PublicKeyRing ring = PublicKeyRing.load(List.of(f));
        PublicKeyRing.TrailKey k = ring.find("7F3F401420072E50A65A141430817AB3").orElseThrow();
        assertEquals("7f3f401420072e50a65a141430817ab3", k.derMd5());
        assertEquals(1453076702000L, k.validFrom());
        assertTrue(ring.notes().isEmpty());
        // CLI v2 prints ISO times; our own keys round-trip as PKCS#1.
        TestKey mine = TestKey.generate();
        PublicKeyRing v2 = PublicKeyRing.load(List.of(TestKey.writeList(tmp.resolve("v2.json"), List.of(mine), false)));
        assertEquals(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli(), v2.find(mine.fingerprint).orElseThrow().validFrom());
        // The JDK's own X.509 form is accepted too.
        Files.writeString(tmp.resolve("spki.json"), "{\"PublicKeyList\":[{\"Value\":\""
                + java.util.Base64.getEncoder().encodeToString(mine.pair.getPublic().getEncoded()) + "\"}]}");
        assertFalse(PublicKeyRing.load(List.of(tmp.resolve("spki.json"))).isEmpty());
    }

    @Test
    void badInputFilesAreOneLineErrors() throws IOException {
        Files.writeString(tmp.resolve("broken.json"), "{\"PublicKeyList\": [");
        Files.writeString(tmp.resolve("notkey.json"), "{\"PublicKeyList\": [{\"Value\": \"bm90IGEga2V5\"}]}");
        Files.writeString(tmp.resolve("nolist.json"), "{\"Keys\": []}");
        Files.writeString(tmp.resolve("badsig.json"), "{\"AWSLogs/x\": 7}");
        for (String name : List.of("broken.json", "notkey.json", "nolist.json", "missing.json")) {
            IntegrityInputException e = assertThrows(IntegrityInputException.class,
                    () -> PublicKeyRing.load(List.of(tmp.resolve(name))));
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertThrows(IntegrityInputException.class, () -> SignatureStore.load(tmp.resolve("badsig.json")));
    }

    @Test
    void savedSignaturesAsHexOrAsHeadObjectMetadata() throws IOException {
        Files.writeString(tmp.resolve("sigs.json"), """
                {"AWSLogs/1/a.json.gz": "ab01", "s3://bucket/p/AWSLogs/1/b.json.gz": {"signature": "cd02",
                 "signature-algorithm": "SHA256withRSA"}, "AWSLogs/1/c.json.gz": {"Metadata": {"signature": "ef03"}}}""");
        SignatureStore s = SignatureStore.load(tmp.resolve("sigs.json"));
        assertEquals("ab01", s.find("AWSLogs/1/a.json.gz", "AWSLogs/1/a.json.gz").orElseThrow());
        assertEquals("cd02", s.find("p/AWSLogs/1/b.json.gz", "AWSLogs/1/b.json.gz").orElseThrow());
        assertEquals("ef03", s.find("AWSLogs/1/c.json.gz", "AWSLogs/1/c.json.gz").orElseThrow());
    }

    private record Read(int members, long trailing, byte[] hash, String text) {
    }

    private static Read read(byte[] file) throws IOException {
        try (GzipMembers g = new GzipMembers(new ByteArrayInputStream(file))) {
            String text = new String(g.readAllBytes(), StandardCharsets.UTF_8);
            return new Read(g.members(), g.trailingBytes(), g.firstMemberHash(), text);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static byte[] sha(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
