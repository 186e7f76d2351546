package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.integrity.ChainWriter;
import dev.trailindex.integrity.SignedBucket;
import dev.trailindex.integrity.SignedBucket.Spec;
import dev.trailindex.integrity.Tamper;
import dev.trailindex.integrity.TestKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trailindex verify as a user runs it: verdict first, exit statuses, the JSON contract, bad inputs, escaping, memory. */
class VerifyCommandTest {
    static final TestKey KEY = TestKey.generate();
    static final Instant START = Instant.parse("2026-03-01T10:01:31Z");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, out, err);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    SignedBucket bucket(Spec spec, int hours) {
        SignedBucket b = new SignedBucket(tmp.resolve("bucket"));
        b.chain(spec, KEY, START).hours(hours);
        return b;
    }

    String keys() throws IOException {
        return TestKey.writeList(tmp.resolve("keys.json"), List.of(KEY), false).toString();
    }

    @Test
    void intactBucketExitsZeroWithTheVerdictFirstAndTheGrid() throws IOException {
        SignedBucket b = bucket(Spec.of("111122223333", "us-east-1"), 5);
        Run r = run("verify", "-q", "--public-keys", keys(), b.root.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err() + r.out());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("verify: intact: 5 digests in 1 chain, 10 log files, 30 events check out"), lines[0]);
        assertTrue(r.out().contains("signatures: 4 valid, 1 unavailable"), r.out());
        assertTrue(r.out().contains("cannot be signature-checked offline"), r.out());
        assertTrue(r.out().contains("coverage by UTC hour (V verified"), r.out());
        assertTrue(r.out().contains("111122223333 us-east-1  .VVVh.  30 events"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void problemsExitFiveAndAreGroupedByKind() throws IOException {
        SignedBucket b = bucket(Spec.of("111122223333", "us-east-1"), 6);
        Tamper t = new Tamper(b);
        t.deleteDigest(b.digests().get(2));
        t.deleteDigest(b.digests().get(3));
        t.modifyLog(b.logs().get(1));
        Run r = run("verify", "-q", b.root.toString());
        assertEquals(ExitCodes.INTEGRITY, r.code(), r.err());
        assertTrue(r.out().startsWith("verify: 3 problems (4 digests in 1 chain"), r.out());
        assertTrue(r.out().contains("\ndigests gone (2)\n  " + b.digests().get(2).key + "\n"), r.out());
        assertTrue(r.out().contains("\nlog files modified (1)\n  " + b.logs().get(1).key + "\n"), r.out());
        assertTrue(r.out().contains("  XXMMMh.  36 events"), r.out());
    }

    @Test
    void jsonIsTheDocumentedContract() throws IOException {
        SignedBucket b = new SignedBucket(tmp.resolve("bucket"));
        b.chain(Spec.of("111122223333", "us-east-1"), KEY, START).hours(2).stopLogging().pause(3).startLogging().hours(2);
        Run r = run("verify", "-q", "--format", "json", "--public-keys", keys(), b.root.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode j = TestSupport.JSON.readTree(r.out());
        assertEquals(List.of("verdict", "digests", "logFiles", "roots", "chains", "breaks", "loggingStopped", "hours", "problems", "notes",
                "summary"), fieldNames(j));
        assertEquals(List.of("key", "presence", "hash", "signature", "format", "location", "account", "region", "trail",
                "homeRegion", "organization", "backfill", "startTime", "endTime", "logFiles", "namedBy", "detail"),
                fieldNames(j.get("digests").get(0)));
        assertEquals(List.of("key", "status", "reason", "digest", "trust", "account", "region", "nameTime", "events", "detail"),
                fieldNames(j.get("logFiles").get(0)));
        assertEquals(List.of("root", "account", "region", "organization", "prefix", "hour", "status", "events", "loggingStopped"),
                fieldNames(j.get("hours").get(0)));
        JsonNode stop = j.get("breaks").get(0);
        assertEquals("restart", stop.get("kind").asText());
        assertEquals("StopLogging", stop.get("explainedBy").get("name").asText());
        assertFalse(stop.get("problem").asBoolean());
        assertEquals(1, j.get("loggingStopped").size());
        assertEquals("intact", j.get("summary").get("verdict").asText());
        assertEquals(b.digests().size(), j.get("summary").get("digests").get("presence").get("present").asInt());
        assertEquals(b.eventsWritten, j.get("summary").get("events").asLong());
        assertEquals("valid", j.get("digests").get(0).get("signature").asText());
    }

    @Test
    void savedSignatureChecksTheNewestDigest() throws IOException {
        SignedBucket b = bucket(Spec.of("111122223333", "us-east-1"), 3);
        SignedBucket.Digest newest = b.digests().get(2);
        Path saved = Files.writeString(tmp.resolve("sigs.json"), TestSupport.JSON.writeValueAsString(
                Map.of(newest.key, Map.of("signature", newest.signature, "signature-algorithm", "SHA256withRSA"))));
        Run r = run("verify", "-q", "--public-keys", keys(), "--signatures", saved.toString(), b.root.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("signatures: 3 valid"), r.out());
        Path forged = Files.writeString(tmp.resolve("forged.json"), "{\"" + newest.key + "\": \"" + "ab".repeat(256) + "\"}");
        assertEquals(ExitCodes.INTEGRITY, run("verify", "-q", "--public-keys", keys(), "--signatures", forged.toString(),
                b.root.toString()).code());
    }

    @Test
    void fromAndToLimitTheRun() throws IOException {
        SignedBucket b = bucket(Spec.of("111122223333", "us-east-1"), 8);
        new Tamper(b).modifyLog(b.logs().get(0));
        Run all = run("verify", "-q", b.root.toString());
        assertEquals(ExitCodes.INTEGRITY, all.code());
        Run later = run("verify", "-q", "--from", "2026-03-01T13:00Z", "--to", "2026-03-01T15", b.root.toString());
        assertEquals(ExitCodes.OK, later.code(), later.out());
        assertFalse(later.out().contains("digests gone"), later.out());
    }

    @Test
    void badInputsAreOneLineUsageErrors() throws IOException {
        SignedBucket b = bucket(Spec.of("111122223333", "us-east-1"), 2);
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"PublicKeyList\": [{");
        for (String[] args : List.of(new String[] {"--public-keys", broken.toString()},
                new String[] {"--public-keys", tmp.resolve("absent.json").toString()},
                new String[] {"--signatures", broken.toString()}, new String[] {"--from", "yesterday"})) {
            List<String> cmd = new java.util.ArrayList<>(List.of("verify", "-q"));
            cmd.addAll(List.of(args));
            cmd.add(b.root.toString());
            Run r = run(cmd.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
        // Log files without any digest: nothing can be checked, and the verdict says so.
        Path logsOnly = tmp.resolve("logs-only");
        java.nio.file.Files.createDirectories(logsOnly);
        for (SignedBucket.Log l : b.logs()) {
            Path to = logsOnly.resolve(l.key);
            Files.createDirectories(to.getParent());
            Files.copy(b.root.resolve(l.key), to);
        }
        Run unverified = run("verify", "-q", logsOnly.toString());
        assertEquals(ExitCodes.OK, unverified.code(), unverified.err());
        assertTrue(unverified.out().startsWith("verify: unverified: no digest files were found, so none of the 4 log files"),
                unverified.out());
        Run nothing = run("verify", "-q", tmp.resolve("nope").toString());
        assertEquals(ExitCodes.USAGE, nothing.code());
        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(ExitCodes.USAGE, run("verify", "-q", tmp.resolve("empty").toString()).code());
    }

    @Test
    void controlCharactersInKeysAreEscaped() throws IOException {
        SignedBucket b = bucket(new Spec("evil\u001b[2J", null, "111122223333", "us-east-1", "t", "us-east-1"), 2);
        Run r = run("verify", "-q", b.root.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertFalse(r.out().contains("\u001b"), "no raw ESC reaches the terminal");
        assertTrue(r.out().contains("evil\\u001b[2J/AWSLogs/"), r.out());
    }

    /** A bucket of a few thousand log files verifies in a 128 MB heap (the time is printed, not asserted). */
    @Test
    void thousandsOfLogFilesInASmallHeap() throws IOException, InterruptedException {
        SignedBucket b = new SignedBucket(tmp.resolve("bucket"));
        ChainWriter w = b.chain(Spec.of("111122223333", "us-east-1"), KEY, START).files(50, 2).hours(40);
        b.chain(Spec.of("111122223333", "eu-west-1"), KEY, START).files(50, 2).hours(40);
        int logs = b.logs().size();
        String java = ProcessHandle.current().info().command().orElse("java");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"), "dev.trailindex.cli.Main",
                "verify", "-q", "--format", "json", "--public-keys", keys(), b.root.toString())
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run finished");
        double seconds = (System.nanoTime() - t0) / 1e9;
        String stderr = Files.readString(tmp.resolve("stderr.txt"));
        assertEquals(ExitCodes.OK, p.exitValue(), stderr);
        JsonNode j = TestSupport.JSON.readTree(out);
        assertEquals(logs, j.get("summary").get("logFiles").get("status").get("valid").asInt());
        assertEquals(80, j.get("summary").get("digests").get("presence").get("present").asInt());
        assertEquals(78, j.get("summary").get("digests").get("signature").get("valid").asInt());
        System.out.printf("verify: %d log files and 80 digests in %.1f s (%.0f files/s) with -Xmx128m, JVM start included%n",
                logs, seconds, logs / seconds);
        assertTrue(w != null);
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
