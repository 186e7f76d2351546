package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: output, exit status and error messages. */
class CliTest {
    @TempDir
    static Path tmp;

    static Path index;

    record Run(int code, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** Indexes the bundled samples into {@code index} and checks the run went well. */
    static Path indexSamples(Path index) {
        Run r = run("index", "-q", "--index", index.toString(), TestSupport.SAMPLES.toString());
        assertEquals(0, r.code(), r.stderr());
        return index;
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, out, err);
        return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void indexSamples() {
        index = tmp.resolve("idx");
        Run r = run("index", "--quiet", "--index", index.toString(), TestSupport.SAMPLES.toString());
        assertEquals(0, r.code(), r.stderr());
        assertTrue(r.out().startsWith("indexed 79 new events into " + index), r.out());
        assertTrue(r.out().contains("85 read, 79 new, 6 duplicates"), r.out());
        assertTrue(r.out().contains("skipped:    digest 1"), r.out());
    }

    @Test
    void countAndFormats() throws Exception {
        Run count = run("search", "--index", index.toString(), "--count", "eventName:ConsoleLogin");
        assertEquals(0, count.code());
        assertEquals("2\n", count.out());

        Run json = run("search", "--index", index.toString(), "--format", "json", "--limit", "3", "errorCode:AccessDenied");
        JsonNode doc = TestSupport.JSON.readTree(json.stdout());
        assertEquals(8, doc.get("total").asInt());
        assertEquals(3, doc.get("hits").size());
        JsonNode hit = doc.get("hits").get(0);
        assertEquals(hit.get("eventID").asText(), hit.get("event").get("eventID").asText());
        assertTrue(hit.get("eventTime").asText().startsWith("2026-11-20T"));
        assertTrue(hit.get("source").get("file").asText().endsWith(".json.gz"));

        Run nd = run("search", "--index", index.toString(), "--format", "ndjson", "--limit", "100", "awsRegion:eu-west-1");
        String[] lines = nd.out().split("\n");
        assertEquals(31, lines.length);
        for (String line : lines) {
            assertEquals("eu-west-1", TestSupport.JSON.readTree(line).get("awsRegion").asText());
        }

        Run table = run("search", "--index", index.toString(), "--limit", "2", "eventName:StopLogging");
        assertTrue(table.out().startsWith("eventTime "), table.out());
        assertTrue(table.out().contains("StopLogging") && table.out().endsWith("1 of 1 matching event\n"), table.out());
    }

    @Test
    void badQueryIsOneLineAndExitTwo() {
        for (String q : List.of("eventNam:ConsoleLogin", "eventName:(ConsoleLogin", "eventTime:[x TO y]")) {
            Run r = run("search", "--index", index.toString(), q);
            assertEquals(2, r.code(), q);
            // One line, and for a syntax error the query with a caret under the place.
            List<String> lines = r.stderr().stripTrailing().lines().toList();
            assertTrue(lines.size() == 1 || (lines.size() == 3 && lines.get(1).equals("  " + q) && lines.get(2).strip().equals("^")), r.stderr());
            assertTrue(r.stderr().startsWith("trailindex: "), r.stderr());
            assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), r.stderr());
        }
        assertTrue(run("search", "--index", index.toString(), "eventNam:x").stderr().contains("did you mean eventName?"));
        Run paren = run("search", "--index", index.toString(), "eventName:(ConsoleLogin");
        assertEquals("trailindex: syntax error: the query ends before a ')' closes the '('\n  eventName:(ConsoleLogin\n"
                + "  " + " ".repeat("eventName:(ConsoleLogin".length()) + "^\n", paren.stderr());
        Run extra = run("search", "--index", index.toString(), "eventName:x OR OR y");
        assertTrue(extra.stderr().endsWith("  eventName:x OR OR y\n  " + " ".repeat(15) + "^\n"), extra.stderr());
        assertFalse(extra.stderr().contains("quote values"), "the hint about quoting only where it is the problem");
        // A query that starts with '-' is a query; comparisons are ranges; ':x' names no field.
        assertEquals(run("search", "--index", index.toString(), "--count", "NOT errorCode:*").out(),
                run("search", "--index", index.toString(), "--count", "-errorCode:*").out());
        long after = Long.parseLong(run("search", "--index", index.toString(), "--count", "eventTime:>=2026-11-20T11:00").out().strip());
        long before = Long.parseLong(run("search", "--index", index.toString(), "--count", "eventTime:<2026-11-20T11:00").out().strip());
        assertEquals(79, after + before);
        assertEquals(Long.toString(after), run("search", "--index", index.toString(), "--count", "eventTime:[2026-11-20T11:00 TO *]").out().strip());
        assertTrue(after > 0 && before > 0);
        assertEquals(2, run("search", "--index", index.toString(), ":ConsoleLogin").code());
        assertEquals(2, run("search", "--index", index.toString(), "--from", "last tuesday").code());
        assertEquals(2, run("search", "--bogus").code());
        assertEquals(2, run("facets", "--index", index.toString(), "--field", "errorMessage").code());
    }

    @Test
    void aMistypedCommandOrOptionGetsASuggestionAndExitTwo() {
        Run command = run("serach", "eventName:ConsoleLogin");
        assertEquals(2, command.code());
        assertTrue(command.stderr().contains("Did you mean: ") && command.stderr().contains("trailindex search"), command.stderr());
        Run option = run("search", "--indx", index.toString());
        assertEquals(2, option.code());
        assertTrue(option.stderr().contains("--index"), option.stderr());
        // Only the command asked for is registered, yet every command is still there by name.
        for (String c : List.of("index", "search", "facets", "histogram", "serve", "summary", "hunt", "show", "export", "stats", "fields")) {
            Run help = run(c, "--help");
            assertEquals(0, help.code(), c);
            assertTrue(help.out().contains("Usage: trailindex " + c), c);
        }
        assertTrue(run("help", "hunt").out().contains("Usage: trailindex hunt"));
    }

    @Test
    void showPrintsTheExactOriginalBytes() throws Exception {
        // A line of the JSON-lines export that only it holds: its bytes are the line itself.
        Path jsonl = TestSupport.SAMPLES.resolve("exports/events.jsonl");
        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        for (String line : lines) {
            String id = TestSupport.JSON.readTree(line).get("eventID").asText();
            Run r = run("show", "--index", index.toString(), "--with-source", id);
            assertEquals(0, r.code());
            byte[] expected = (line + "\n").getBytes(StandardCharsets.UTF_8);
            if (r.stderr().contains("events.jsonl")) {
                assertArrayEquals(expected, r.stdout());
                assertTrue(r.stderr().startsWith("source: " + jsonl.toAbsolutePath().normalize()), r.stderr());
            }
        }
        // A UUID eventID pasted in upper case finds the same event.
        String uuid = null;
        for (String line : lines) {
            String i = TestSupport.JSON.readTree(line).get("eventID").asText();
            if (uuid == null && i.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                uuid = i;
            }
        }
        assertTrue(uuid != null, "the export holds a UUID eventID");
        Run lower = run("show", "--index", index.toString(), uuid);
        Run upper = run("show", "--index", index.toString(), uuid.toUpperCase(java.util.Locale.ROOT));
        assertEquals(0, upper.code(), upper.stderr());
        assertArrayEquals(lower.stdout(), upper.stdout());
        Run missing = run("show", "--index", index.toString(), "no-such-event");
        assertEquals(4, missing.code());
        assertTrue(missing.stderr().contains("no event with id 'no-such-event'"));
    }

    @Test
    void statsAndFacetsJson() throws Exception {
        JsonNode stats = TestSupport.JSON.readTree(run("stats", "--index", index.toString(), "--format", "json").stdout());
        assertEquals(79, stats.get("events").asInt());
        assertEquals(17, stats.get("files").asInt());
        JsonNode facets = TestSupport.JSON.readTree(run("facets", "--index", index.toString(), "--format", "json",
                "--field", "ti.credential", "--field", "awsRegion", "--top", "1", "errorCode:AccessDenied").stdout());
        assertEquals(8, facets.get("total").asInt());
        assertEquals("awsRegion", facets.get("facets").get(1).get("field").asText());
        JsonNode top = facets.get("facets").get(0).get("top").get(0);
        assertEquals(Long.parseLong(run("search", "--index", index.toString(), "--count",
                "errorCode:AccessDenied ti.credential:" + top.get("value").asText()).out().strip()), top.get("count").asLong());
    }

    @Test
    void missingIndexAndWrongSchemaAreClearErrors() throws Exception {
        Run none = run("search", "--index", tmp.resolve("nothing-here").toString(), "x");
        assertEquals(1, none.code());
        assertTrue(none.stderr().contains("no index at") && none.stderr().contains("trailindex index"), none.stderr());

        Path old = tmp.resolve("old-schema");
        try (IndexWriter w = new IndexWriter(FSDirectory.open(old), new IndexWriterConfig())) {
            w.setLiveCommitData(Map.of("trailindex.schemaVersion", "0", "trailindex.schemaFingerprint", "x").entrySet());
            w.commit();
        }
        for (String cmd : List.of("search", "stats")) {
            Run r = run(cmd, "--index", old.toString());
            assertEquals(1, r.code());
            assertTrue(r.stderr().contains("schema version 0") && r.stderr().contains("re-index"), r.stderr());
        }
        Run idx = run("index", "--quiet", "--index", old.toString(), TestSupport.SAMPLES.toString());
        assertEquals(1, idx.code());
        assertTrue(idx.stderr().contains("re-index"), idx.stderr());
    }

    @Test
    void brokenInputExitsThreeAndNamesTheFile() throws Exception {
        Path logs = tmp.resolve("logs");
        Files.createDirectories(logs);
        Files.writeString(logs.resolve("good.json"), "{\"Records\":[{\"eventID\":\"g1\",\"eventName\":\"A\"}]}");
        Files.writeString(logs.resolve("cut.json"), "{\"Records\":[{\"eventID\":\"c1\",\"eventName\":\"B\"},{\"eventID\":\"c2\",");
        Files.write(logs.resolve("junk.json.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, (byte) 0xff, 1, 2});
        Path idx = tmp.resolve("broken-idx");
        Run r = run("index", "--quiet", "--index", idx.toString(), logs.toString());
        assertEquals(3, r.code(), r.out() + r.stderr());
        assertTrue(r.out().contains("failed: " + logs.resolve("cut.json").toAbsolutePath() + ": truncated-json"), r.out());
        assertTrue(r.out().contains("; 1 event before the break kept"), r.out());
        assertTrue(r.out().contains("junk.json.gz: corrupt-gzip"), r.out());
        assertEquals("2\n", run("search", "--index", idx.toString(), "--count").out());

        JsonNode json = TestSupport.JSON.readTree(run("index", "--quiet", "--format", "json", "--index", idx.toString(), logs.toString()).stdout());
        // Again: the good file is unchanged and not read; the broken ones are read again and reported again.
        assertEquals(1, json.get("filesUnchanged").asInt());
        assertEquals(2, json.get("filesFailed").asInt());
        assertEquals(0, json.get("indexed").asInt());
        assertEquals(1, json.get("duplicates").asInt());
        List<String> reasons = new ArrayList<>();
        json.get("problems").forEach(p -> reasons.add(p.get("reason").asText()));
        assertEquals(List.of("truncated-json", "corrupt-gzip"), reasons);
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        Run help = run("--help");
        assertEquals(0, help.code());
        for (String cmd : List.of("index", "search", "facets", "show", "stats", "fields")) {
            assertTrue(help.out().contains(cmd), cmd);
            Run sub = run(cmd, "--help");
            assertEquals(0, sub.code(), cmd);
            assertTrue(sub.out().contains("Exit status"), cmd);
        }
        assertTrue(run("fields").out().contains("userIdentity.sessionContext.sessionIssuer.arn"));
    }
}
