package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.index.IndexException;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries and indexes that crashed or answered wrongly: deep nesting, regular expressions too complex to run,
 * cursors from another query, a damaged index, and an index still being built. Each is one line and an exit status.
 */
class QueryHardeningTest {
    @TempDir
    static Path tmp;

    static Path index;

    @BeforeAll
    static void indexSamples() {
        index = CliTest.indexSamples(tmp.resolve("idx"));
    }

    private static void oneLineUsageError(CliTest.Run r, String expect) {
        assertEquals(ExitCodes.USAGE, r.code(), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertTrue(r.stderr().contains(expect), r.stderr());
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), r.stderr());
    }

    @Test
    void deepNestingIsBoundedInQueriesAndInput() throws Exception {
        String deep = "(".repeat(3000) + "eventName:ConsoleLogin" + ")".repeat(3000);
        oneLineUsageError(CliTest.run("search", "--index", index.toString(), "--count", deep), "parentheses");
        // 64 levels still work.
        String ok = "(".repeat(64) + "eventName:ConsoleLogin" + ")".repeat(64);
        assertEquals("2\n", CliTest.run("search", "--index", index.toString(), "--count", ok).out());
        // Quoted parentheses do not count.
        assertEquals(0, CliTest.run("search", "--index", index.toString(), "--count", "\"" + "(".repeat(100) + "\"").code());

        CliTest.Run tooDeep = CliTest.run("index", "--max-depth", "3000", "--index", tmp.resolve("d").toString(), TestSupport.SAMPLES.toString());
        assertEquals(ExitCodes.USAGE, tooDeep.code(), tooDeep.stderr());
        assertTrue(tooDeep.stderr().contains("--max-depth must be at most 1000"), tooDeep.stderr());
        // The deepest accepted nesting indexes (the ingest threads have the stack for it).
        Path logs = Files.createDirectories(tmp.resolve("deep-logs"));
        Files.writeString(logs.resolve("deep.json"), "{\"eventID\":\"deep\",\"eventName\":\"D\",\"requestParameters\":"
                + "{\"a\":".repeat(995) + "1" + "}".repeat(995) + "}");
        CliTest.Run deepIndex = CliTest.run("index", "-q", "--max-depth", "1000", "--index", tmp.resolve("d").toString(), logs.toString());
        assertEquals(0, deepIndex.code(), deepIndex.stderr() + deepIndex.out());
        assertTrue(deepIndex.out().contains("1 new"), deepIndex.out());
    }

    @Test
    void tooComplexPatternsAreUsageErrors() {
        oneLineUsageError(CliTest.run("search", "--index", index.toString(), "eventName:/.*a.{500}/"), "too complex");
        StringBuilder wild = new StringBuilder("eventName:");
        while (wild.length() < 1200) {
            wild.append("*a?");
        }
        oneLineUsageError(CliTest.run("search", "--index", index.toString(), wild.toString()), "too complex");
    }

    @Test
    void aCursorWorksOnlyWithItsOwnQuery() throws Exception {
        CliTest.Run page = CliTest.run("search", "--index", index.toString(), "--format", "json", "--limit", "2", "errorCode:*");
        JsonNode doc = TestSupport.JSON.readTree(page.stdout());
        String cursor = doc.get("cursor").asText();
        assertFalse(cursor.isEmpty(), page.out());
        CliTest.Run same = CliTest.run("search", "--index", index.toString(), "--format", "json", "--limit", "2", "--cursor", cursor, "errorCode:*");
        assertEquals(0, same.code(), same.stderr());
        oneLineUsageError(CliTest.run("search", "--index", index.toString(), "--limit", "2", "--cursor", cursor, "eventName:ConsoleLogin"),
                "another query");
        oneLineUsageError(CliTest.run("search", "--index", index.toString(), "--limit", "2", "--cursor", cursor,
                "--from", "2026-11-20T11:00", "errorCode:*"), "another query");
    }

    @Test
    void aDamagedIndexIsOneLineNamingTheFile() throws Exception {
        Path damaged = tmp.resolve("damaged");
        assertEquals(0, CliTest.run("index", "-q", "--index", damaged.toString(), TestSupport.SAMPLES.toString()).code());
        Path biggest;
        try (Stream<Path> s = Files.list(damaged)) {
            biggest = s.filter(p -> p.getFileName().toString().startsWith("_"))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(biggest.toFile(), "rw")) {
            for (long pos = 200; pos < f.length() - 100; pos += 97) {
                f.seek(pos);
                int b = f.read();
                f.seek(pos);
                f.write(b ^ 0x5A);
            }
        }
        CliTest.Run check = CliTest.run("check", "--index", damaged.toString());
        assertEquals(ExitCodes.ERROR, check.code(), check.out() + check.stderr());
        assertEquals(1, check.stderr().strip().lines().count(), check.stderr());
        assertTrue(check.stderr().contains("damaged") && check.stderr().contains(biggest.getFileName().toString()), check.stderr());
        CliTest.Run stats = CliTest.run("stats", "--check", "--index", damaged.toString());
        assertEquals(ExitCodes.ERROR, stats.code());
        for (String[] args : new String[][] {{"search", "--limit", "100", ""}, {"search", "--format", "ndjson", "--limit", "100", ""},
                {"export", "--out", "-", ""}}) {
            String[] full = new String[args.length + 2];
            full[0] = args[0];
            full[1] = "--index";
            full[2] = damaged.toString();
            System.arraycopy(args, 1, full, 3, args.length - 1);
            CliTest.Run r = CliTest.run(full);
            assertEquals(ExitCodes.ERROR, r.code(), String.join(" ", args) + ": " + r.stderr());
            assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
            assertTrue(r.stderr().contains("damaged: " + biggest.toAbsolutePath()), r.stderr());
            assertFalse(r.stderr().contains("IndexInput"), "no Lucene internals: " + r.stderr());
            assertFalse(r.stderr().contains("internal error") || r.stderr().contains("NullPointer"), r.stderr());
        }
        // The intact index checks clean.
        CliTest.Run clean = CliTest.run("check", "--index", index.toString());
        assertEquals(0, clean.code(), clean.stderr());
        assertTrue(clean.out().startsWith("ok: "), clean.out());
    }

    @Test
    void anIndexDamagedUnderARunningServerIsA503WithoutInternals() throws Exception {
        Path served = tmp.resolve("served");
        assertEquals(0, CliTest.run("index", "-q", "--index", served.toString(), TestSupport.SAMPLES.toString()).code());
        try (SearchBackend search = LocalBackend.open(served, TestSupport.SCHEMA);
             dev.trailindex.http.TrailIndexServer server = dev.trailindex.http.TrailIndexServer.start(search,
                     new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                     dev.trailindex.http.HttpLimits.defaults(), 2, null)) {
            // The disk goes bad under the open index: the stored events, the bulk of the file, are hit.
            Path biggest;
            try (Stream<Path> s = Files.list(served)) {
                biggest = s.filter(p -> p.getFileName().toString().startsWith("_"))
                        .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
            }
            try (RandomAccessFile f = new RandomAccessFile(biggest.toFile(), "rw")) {
                for (long pos = f.length() / 4; pos < f.length() * 3 / 4; pos += 13) {
                    f.seek(pos);
                    int b = f.read();
                    f.seek(pos);
                    f.write(b ^ 0x5A);
                }
            }
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    server.uri().resolve("/api/search?limit=100")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode(), response.body());
            assertTrue(response.body().startsWith("{\"error\":\"the index cannot be read"), response.body());
            assertFalse(response.body().contains(served.toString()), response.body());
        }
    }

    @Test
    void anIndexBeingBuiltSaysSo() throws Exception {
        Path building = Files.createDirectories(tmp.resolve("building"));
        Files.writeString(building.resolve("trailindex-index.json"), "{}");
        Files.writeString(building.resolve("trailindex-run-unfinished"), "");
        try (Directory d = FSDirectory.open(building); Lock held = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            String msg = openError(building);
            assertTrue(msg.contains("is being built"), msg);
        }
        String stopped = openError(building);
        assertTrue(stopped.contains("stopped before its first commit"), stopped);
        CliTest.Run r = CliTest.run("search", "--index", building.toString(), "x");
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(r.stderr().contains("run that command again"), r.stderr());
    }

    private static String openError(Path dir) {
        try (SearchBackend s = LocalBackend.open(dir, TestSupport.SCHEMA)) {
            return "opened";
        } catch (IndexException e) {
            return e.getMessage();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void fileSystemErrorsAreWords() {
        String denied = dev.trailindex.index.FileErrors.describe(new java.nio.file.AccessDeniedException("/x/y"));
        assertEquals("permission denied: /x/y", denied);
        assertEquals("no such file or folder: /a", dev.trailindex.index.FileErrors.describe(new java.nio.file.NoSuchFileException("/a")));
    }

    @Test
    void controlCharactersArePrintedEscaped() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("esc"));
        Path evil = logs.resolve("evil\u001b[2Jname.json");
        Files.writeString(evil, "not json");
        // JSON escapes: the parsed values hold ESC and BEL.
        Files.writeString(logs.resolve("e.json"), "{\"eventID\":\"esc-1\",\"eventName\":\"Evil\\u001b]0;owned\\u0007\","
                + "\"eventTime\":\"2024-01-01T00:00:00Z\",\"userIdentity\":{\"arn\":\"arn:aws:iam::1:user/\\u001b[31mred\"}}");
        Path idx = tmp.resolve("esc-index");
        CliTest.Run r = CliTest.run("index", "-q", "--index", idx.toString(), logs.toString());
        assertFalse(r.out().contains("\u001b"), r.out());
        assertTrue(r.out().contains("evil\\u001b[2Jname.json"), r.out());
        CliTest.Run table = CliTest.run("search", "--index", idx.toString(), "eventID:esc-1");
        assertFalse(table.out().contains("\u001b") || table.out().contains("\u0007"), table.out());
        assertTrue(table.out().contains("\\u001b[31mred"), table.out());
        CliTest.Run csv = CliTest.run("search", "--index", idx.toString(), "--format", "csv", "eventID:esc-1");
        assertFalse(csv.out().contains("\u001b"), csv.out());
        assertTrue(csv.out().contains("Evil\\u001b]0;owned\\u0007"), csv.out());
        // JSON output keeps the data exactly (escaped by JSON itself); ndjson is the original bytes.
        CliTest.Run nd = CliTest.run("search", "--index", idx.toString(), "--format", "ndjson", "eventID:esc-1");
        assertTrue(new String(nd.stdout(), StandardCharsets.UTF_8).contains("user/\\u001b[31mred"), nd.out());
        CliTest.Run badQuery = CliTest.run("search", "--index", idx.toString(), "ev\u001b[2Jil:x");
        assertFalse(badQuery.stderr().contains("\u001b"), badQuery.stderr());
    }
}
