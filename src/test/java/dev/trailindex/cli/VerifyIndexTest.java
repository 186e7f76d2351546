package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.cli.VerifyCommandTest.Run;
import dev.trailindex.integrity.SignedBucket;
import dev.trailindex.integrity.SignedBucket.Spec;
import dev.trailindex.integrity.Tamper;
import dev.trailindex.integrity.TestKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify --index DIR over a bucket that DIR indexed: the hashes the indexer took are reused for unchanged files, each
 * event gets its file's verdict in ti.integrity (searchable, facetable, in stats), and stats counts the digest files.
 * Every expected number comes from what the bucket generator wrote and tampered with.
 */
class VerifyIndexTest {
    static final TestKey KEY = VerifyCommandTest.KEY;

    @TempDir
    Path tmp;

    private SignedBucket bucket(int hours) {
        SignedBucket b = new SignedBucket(tmp.resolve("bucket"));
        b.chain(Spec.of("111122223333", "us-east-1"), KEY, VerifyCommandTest.START).hours(hours);
        return b;
    }

    private String keys() throws IOException {
        return TestKey.writeList(tmp.resolve("keys.json"), List.of(KEY), false).toString();
    }

    private Path index(SignedBucket b) {
        Path idx = tmp.resolve("idx");
        Run r = VerifyCommandTest.run("index", "-q", "--index", idx.toString(), b.root.toString());
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        return idx;
    }

    private JsonNode verifyJson(String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("verify", "-q", "--format", "json"));
        cmd.addAll(List.of(args));
        Run r = VerifyCommandTest.run(cmd.toArray(String[]::new));
        assertTrue(r.code() == ExitCodes.OK || r.code() == ExitCodes.INTEGRITY, r.err());
        return TestSupport.JSON.readTree(r.out());
    }

    private static Map<String, String> statuses(JsonNode report) {
        Map<String, String> out = new HashMap<>();
        report.get("logFiles").forEach(l -> out.put(l.get("key").asText(), l.get("status").asText()));
        return out;
    }

    /**
     * After indexing, every log file is overwritten with bytes that are not gzip, keeping its size and time. Read
     * again, each would be modified; the verify over the index says valid for all, so it read none of them.
     */
    @Test
    void unchangedFilesAreNotReadAgain() throws IOException {
        SignedBucket b = bucket(3);
        Path idx = index(b);
        for (SignedBucket.Log l : b.logs()) {
            Path p = b.root.resolve(l.key);
            FileTime t = Files.getLastModifiedTime(p);
            Files.write(p, new byte[(int) Files.size(p)]);
            Files.setLastModifiedTime(p, t);
        }
        JsonNode without = verifyJson(b.root.toString());
        assertEquals(b.logs().size(), without.get("summary").get("logFiles").get("status").get("modified").asInt());
        assertEquals(b.logs().size(), without.get("summary").get("logFiles").get("read").asInt());

        JsonNode with = verifyJson("--index", idx.toString(), b.root.toString());
        JsonNode files = with.get("summary").get("logFiles");
        assertEquals(0, files.get("read").asInt(), with.toString());
        assertEquals(b.logs().size(), files.get("reusedFromIndex").asInt());
        assertEquals(b.logs().size(), files.get("status").get("valid").asInt());
        assertEquals("intact", with.get("verdict").asText());
        // The events by hour and the total come from the index's tally, and match what was written.
        assertEquals(b.eventsWritten, with.get("summary").get("events").asLong());
        long perHour = 0;
        for (JsonNode h : with.get("hours")) {
            perHour += h.get("events").asLong();
        }
        assertEquals(b.eventsWritten, perHour);

        Run table = VerifyCommandTest.run("verify", "-q", "--index", idx.toString(), b.root.toString());
        assertTrue(table.out().contains("  read:       0 log files read, " + b.logs().size() + " known from the index"),
                table.out());
    }

    /**
     * The facts the indexer tallied (events by hour, StopLogging and StartLogging) give the same report as verify's own
     * reading: the hours, the restart and what explains it, and every log file's verdict. The files are overwritten
     * before the second run, so it cannot have read them.
     */
    @Test
    void reusedFactsGiveTheSameReportAsReadingTheFiles() throws IOException {
        SignedBucket b = new SignedBucket(tmp.resolve("bucket"));
        b.chain(Spec.of("111122223333", "us-east-1"), KEY, VerifyCommandTest.START).hours(2).stopLogging().pause(2)
                .startLogging().hours(2);
        Path idx = index(b);
        JsonNode read = verifyJson("--public-keys", keys(), b.root.toString());
        for (SignedBucket.Log l : b.logs()) {
            Path p = b.root.resolve(l.key);
            FileTime t = Files.getLastModifiedTime(p);
            Files.write(p, new byte[(int) Files.size(p)]);
            Files.setLastModifiedTime(p, t);
        }
        JsonNode reused = verifyJson("--public-keys", keys(), "--index", idx.toString(), b.root.toString());
        assertEquals(0, reused.get("summary").get("logFiles").get("read").asInt());
        assertEquals(1, read.get("breaks").size(), read.toString());
        assertEquals("StopLogging", read.get("breaks").get(0).get("explainedBy").get("name").asText());
        for (String member : List.of("verdict", "logFiles", "breaks", "loggingStopped", "hours", "problems")) {
            assertEquals(read.get(member), reused.get(member), member);
        }
    }

    /** While another process writes the index, verify --index records nothing and says why in one line. */
    @Test
    void aHeldWriteLockRecordsNothing() throws IOException {
        SignedBucket b = bucket(2);
        Path idx = index(b);
        try (var dir = org.apache.lucene.store.FSDirectory.open(idx);
                var lock = dir.obtainLock(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME)) {
            Run r = VerifyCommandTest.run("verify", "-q", "--index", idx.toString(), b.root.toString());
            assertEquals(1, r.code(), r.err());
            assertEquals(1, r.err().strip().split("\n").length, r.err());
            assertTrue(r.err().contains("is being written by another process"), r.err());
        }
        assertTrue(Files.notExists(idx.resolve(dev.trailindex.integrity.CoverageStore.FILE)));
        assertEquals(b.eventsWritten + "\n", VerifyCommandTest.run("search", "--index", idx.toString(), "--count",
                "ti.integrity:unverified").out());
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        SignedBucket b = bucket(3);
        Path idx = index(b);
        SignedBucket.Log changed = b.logs().get(2);
        new Tamper(b).modifyLog(changed);
        Path p = b.root.resolve(changed.key);
        Files.setLastModifiedTime(p, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis() + 60_000));
        SignedBucket.Log touched = b.logs().get(4);
        // Only touched: same size, another time. It is read again too (the index trusts size and time alone).
        Path q = b.root.resolve(touched.key);
        Files.setLastModifiedTime(q, FileTime.fromMillis(Files.getLastModifiedTime(q).toMillis() + 60_000));

        JsonNode r = verifyJson("--index", idx.toString(), b.root.toString());
        JsonNode files = r.get("summary").get("logFiles");
        assertEquals(2, files.get("read").asInt(), r.toString());
        assertEquals(b.logs().size() - 2, files.get("reusedFromIndex").asInt());
        Map<String, String> status = statuses(r);
        assertEquals("modified", status.get(changed.key));
        assertEquals("valid", status.get(touched.key));

        // Indexed again: the changed file is read (its new hash recorded), the touched one is known by its hash and
        // keeps its facts with the new time. The next verify reads nothing.
        assertEquals(ExitCodes.OK, VerifyCommandTest.run("index", "-q", "--index", idx.toString(), b.root.toString()).code());
        JsonNode again = verifyJson("--index", idx.toString(), b.root.toString());
        assertEquals(0, again.get("summary").get("logFiles").get("read").asInt(), again.toString());
        assertEquals(status, statuses(again));
    }

    @Test
    void verdictsAreWrittenIntoTheEventsAndSearchedFacetedAndCounted() throws IOException {
        SignedBucket b = bucket(4);
        Tamper t = new Tamper(b);
        SignedBucket.Log modified = b.logs().get(1);
        t.modifyLog(modified);
        SignedBucket.Log appended = b.logs().get(3);
        t.appendMember(appended, Spec.of("111122223333", "us-east-1"));
        SignedBucket.Log added = t.addLog(b.chains.get(0), b.digests().get(1));
        Path idx = index(b);
        String index = idx.toString();
        long total = b.eventsWritten; // the appended member's and the added file's events included

        // Before any verify run every event is unverified.
        assertEquals(total + "\n", VerifyCommandTest.run("search", "--index", index, "--count", "ti.integrity:unverified").out());
        assertEquals("0\n", VerifyCommandTest.run("search", "--index", index, "--count", "ti.integrity:modified").out());
        JsonNode stats = TestSupport.JSON.readTree(VerifyCommandTest.run("stats", "--index", index, "--format", "json").out());
        assertEquals(b.digests().size(), stats.get("digestFiles").asInt(), stats.toString());

        Run v = VerifyCommandTest.run("verify", "--index", index, "--public-keys", keys(), b.root.toString());
        assertEquals(ExitCodes.INTEGRITY, v.code(), v.err());
        assertTrue(v.err().contains("verdicts on " + b.logs().size() + " of its " + b.logs().size() + " source files (ti.integrity, "
                + total + " events)"), v.err());

        // The newest digest's signature cannot be checked offline: its files are hash-only; the rest are verified.
        SignedBucket.Digest newest = b.digests().get(b.digests().size() - 1);
        long hashOnly = newest.logs.stream().filter(l -> l != modified && l != appended).mapToLong(l -> l.events).sum();
        Map<String, Long> expected = new HashMap<>();
        expected.put("modified", (long) modified.events);
        expected.put("trailing-data", (long) appended.events);
        expected.put("not-in-any-digest", (long) added.events);
        expected.put("hash-only", hashOnly);
        expected.put("verified", total - modified.events - appended.events - added.events - hashOnly);
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertEquals(e.getValue() + "\n", VerifyCommandTest.run("search", "--index", index, "--count",
                    "ti.integrity:" + e.getKey()).out(), e.getKey());
        }
        assertEquals("0\n", VerifyCommandTest.run("search", "--index", index, "--count", "integrity:UNVERIFIED").out());
        assertEquals(total + "\n", VerifyCommandTest.run("search", "--index", index, "--count", "ti.integrity:*").out());
        assertEquals(total - modified.events + "\n", VerifyCommandTest.run("search", "--index", index, "--count",
                "NOT ti.integrity:modified").out());

        JsonNode facets = TestSupport.JSON.readTree(VerifyCommandTest.run("facets", "--index", index, "--field", "ti.integrity",
                "--format", "json").out());
        Map<String, Long> counted = new HashMap<>();
        JsonNode f = facets.get("facets").get(0);
        f.get("top").forEach(x -> counted.put(x.get("value").asText(), x.get("count").asLong()));
        expected.values().removeIf(n -> n == 0);
        assertEquals(expected, counted, f.toString());
        assertEquals(total, f.get("events").asLong());

        Run column = VerifyCommandTest.run("search", "--index", index, "--fields", "eventName,ti.integrity", "*");
        assertEquals(ExitCodes.USAGE, column.code(), column.out());
        assertTrue(column.err().contains("cannot be a column"), column.err());
        Run bad = VerifyCommandTest.run("search", "--index", index, "ti.integrity:tampered");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("takes one of unverified, verified, hash-only"), bad.err());

        Run table = VerifyCommandTest.run("stats", "--index", index);
        assertTrue(table.out().contains("ti.integrity"), table.out());
        assertTrue(table.out().contains("digest files:"), table.out());

        // A run that sees only one file leaves the others unverified: the field says what the last run found.
        VerifyCommandTest.run("verify", "-q", "--index", index, b.root.resolve(modified.key).toString());
        assertEquals("0\n", VerifyCommandTest.run("search", "--index", index, "--count", "ti.integrity:trailing-data").out());
        assertEquals(modified.events + "\n", VerifyCommandTest.run("search", "--index", index, "--count",
                "ti.integrity:not-in-any-digest").out());
        assertEquals(total - modified.events + "\n", VerifyCommandTest.run("search", "--index", index, "--count",
                "ti.integrity:unverified").out());
    }
}
