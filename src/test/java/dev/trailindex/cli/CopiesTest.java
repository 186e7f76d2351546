package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.index.IngestReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of one eventID: identical ones are plain duplicates; differing ones (one field changed) are counted
 * apart, paired with the indexed copy in the report, kept, printed by show --all-copies, and flag the indexed
 * event conflicting-copies, within a run and across runs, whichever thread reads what. Every expected value
 * follows from what the test planted.
 */
class CopiesTest {
    @TempDir
    Path tmp;

    private static final String X = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String Y = "bbbbbbbb-0000-4000-8000-000000000002";

    private static String event(String id, String name, String ip) {
        return "{\"eventVersion\":\"1.08\",\"eventID\":\"" + id + "\",\"eventName\":\"" + name + "\","
                + "\"eventTime\":\"2024-05-01T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"sourceIPAddress\":\"" + ip + "\"}";
    }

    private static String records(String... events) {
        return "{\"Records\":[" + String.join(",", events) + "]}";
    }

    private JsonNode index(Path idx, Path logs, String... more) {
        List<String> args = new ArrayList<>(List.of("index", "-q", "--format", "json", "--threads", "2", "--index", idx.toString()));
        args.addAll(List.of(more));
        args.add(logs.toString());
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        try {
            return TestSupport.JSON.readTree(r.stdout());
        } catch (java.io.IOException e) {
            throw new AssertionError(r.out() + r.stderr(), e);
        }
    }

    private static String count(Path idx, String q) {
        return CliTest.run("search", "--index", idx.toString(), "--count", q).out().strip();
    }

    private static List<String> pairs(JsonNode report, Path logs) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : report.get("conflictingCopies")) {
            out.add(c.get("eventID").asText() + " " + logs.relativize(Path.of(c.get("indexed").get("file").asText())) + "#"
                    + c.get("indexed").get("record").asLong() + " " + logs.relativize(Path.of(c.get("copy").get("file").asText()))
                    + "#" + c.get("copy").get("record").asLong());
        }
        return out;
    }

    @Test
    void differingCopiesAreKeptCountedAndFlaggedIdenticalOnesAreDuplicates() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        // a.json: X and Y. b.json: X with its source IP changed, Y byte for byte. c.json: Y again, identical.
        Files.writeString(logs.resolve("a.json"), records(event(X, "GetObject", "192.0.2.1"), event(Y, "PutObject", "192.0.2.2")));
        Files.writeString(logs.resolve("b.json"), records(event(X, "GetObject", "198.51.100.9"), event(Y, "PutObject", "192.0.2.2")));
        Files.writeString(logs.resolve("c.json"), records(event(Y, "PutObject", "192.0.2.2")));
        Path idx = tmp.resolve("idx");
        JsonNode r = index(idx, logs);
        assertEquals(5, r.get("eventsRead").asLong(), r.toString());
        assertEquals(2, r.get("indexed").asLong());
        assertEquals(2, r.get("duplicates").asLong(), "Y twice, identical");
        assertEquals(1, r.get("conflicts").asLong(), "X in b.json differs");
        assertEquals(List.of(X + " a.json#0 b.json#0"), pairs(r, logs));
        // Normal searches see two events; the flag finds X alone; facets are unchanged.
        assertEquals("2", count(idx, ""));
        assertEquals("1", count(idx, "ti.flags:conflicting-copies"));
        assertEquals("1", count(idx, "ti.flags:conflicting-copies AND eventID:" + X));
        assertEquals("0", count(idx, "sourceIPAddress:198.51.100.9"), "the differing copy is not an event");
        CliTest.Run facets = CliTest.run("facets", "--index", idx.toString(), "--field", "ti.flags", "--format", "json", "");
        assertTrue(facets.out().contains("\"conflicting-copies\""), facets.out());
        assertEquals(1, TestSupport.JSON.readTree(facets.stdout()).get("facets").get(0).get("top").get(0).get("count").asLong(), facets.out());
        // show --all-copies: the indexed copy, then the differing one, each with its file and position.
        CliTest.Run all = CliTest.run("show", "--index", idx.toString(), "--all-copies", X);
        assertEquals(0, all.code(), all.stderr());
        String[] lines = all.out().split("\n");
        assertEquals(4, lines.length, all.out());
        assertEquals("copy 1 of 2 (indexed): " + logs.resolve("a.json") + ", event #0 in the file, byte offset 12, line 1", lines[0]);
        assertEquals(event(X, "GetObject", "192.0.2.1"), lines[1]);
        assertEquals("copy 2 of 2: " + logs.resolve("b.json") + ", event #0 in the file, byte offset 12, line 1", lines[2]);
        assertEquals(event(X, "GetObject", "198.51.100.9"), lines[3]);
        CliTest.Run one = CliTest.run("show", "--index", idx.toString(), "--all-copies", Y);
        assertTrue(one.out().startsWith("copy 1 of 1 (indexed): " + logs.resolve("a.json") + ", event #1"), one.out());
        // The table summary says it too.
        CliTest.Run table = CliTest.run("index", "-q", "--full", "--index", idx.toString(), logs.toString());
        assertTrue(table.out().contains("5 read, 0 new, 5 duplicates, 0 conflicting copies, 0 rejected"), table.out());
        // The hunt finds it.
        CliTest.Run hunt = CliTest.run("hunt", "--index", idx.toString(), "--format", "json", "conflicting-copies");
        assertEquals(1, TestSupport.JSON.readTree(hunt.stdout()).get("hits").asLong(), hunt.out());
    }

    @Test
    void conflictsAcrossRunsAreDetectedAndCountedOnce() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(logs.resolve("b.json"), records(event(X, "GetObject", "192.0.2.1"), event(Y, "PutObject", "192.0.2.2")));
        Path idx = tmp.resolve("idx");
        JsonNode first = index(idx, logs);
        assertEquals(2, first.get("indexed").asLong());
        assertEquals(0, first.get("conflicts").asLong());
        assertEquals("0", count(idx, "ti.flags:conflicting-copies"));

        // Run 2: a later file brings a changed X and an identical Y.
        Files.writeString(logs.resolve("c.json"), records(event(X, "DeleteObject", "192.0.2.1"), event(Y, "PutObject", "192.0.2.2")));
        JsonNode second = index(idx, logs);
        assertEquals(2, second.get("eventsRead").asLong(), second.toString());
        assertEquals(1, second.get("conflicts").asLong());
        assertEquals(1, second.get("duplicates").asLong());
        assertEquals(List.of(X + " b.json#0 c.json#0"), pairs(second, logs));
        assertEquals("1", count(idx, "ti.flags:conflicting-copies"));
        assertEquals("1", count(idx, "eventName:GetObject"), "the first copy in walk order is still the event");
        assertEquals("0", count(idx, "eventName:DeleteObject"));

        // Run 3: a file that sorts first brings a third version of X: it becomes the event, the others are kept.
        Files.writeString(logs.resolve("a.json"), records(event(X, "ListObjects", "192.0.2.1")));
        JsonNode third = index(idx, logs);
        assertEquals(1, third.get("conflicts").asLong(), third.toString());
        assertEquals(0, third.get("duplicates").asLong());
        assertEquals(List.of(X + " a.json#0 b.json#0", X + " a.json#0 c.json#0"), pairs(third, logs));
        assertEquals("2", count(idx, ""));
        assertEquals("1", count(idx, "eventName:ListObjects AND ti.flags:conflicting-copies"));
        String all = CliTest.run("show", "--index", idx.toString(), "--all-copies", X).out();
        assertTrue(all.startsWith("copy 1 of 3 (indexed): " + logs.resolve("a.json")), all);
        assertTrue(all.contains("copy 2 of 3: " + logs.resolve("b.json")) && all.contains("copy 3 of 3: " + logs.resolve("c.json")), all);
        assertTrue(all.contains("\"GetObject\"") && all.contains("\"DeleteObject\"") && all.contains("\"ListObjects\""), all);

        // Everything again: the copies are known, nothing is a conflict twice.
        JsonNode full = index(idx, logs, "--full");
        assertEquals(5, full.get("eventsRead").asLong());
        assertEquals(5, full.get("duplicates").asLong(), full.toString());
        assertEquals(0, full.get("conflicts").asLong());
        assertEquals("1", count(idx, "ti.flags:conflicting-copies"));
        assertEquals(3, CliTest.run("show", "--index", idx.toString(), "--all-copies", X).out().split("\n").length / 2);
    }

    @Test
    void theOutcomeIsTheSameWhateverTheThreadsRead() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        // Twelve files; file i holds X changed in the i % 3-th way, and Y identical: 3 contents of X.
        for (int i = 0; i < 12; i++) {
            Files.writeString(logs.resolve(String.format("f%02d.json", i)),
                    records(event(Y, "PutObject", "192.0.2.2"), event(X, "GetObject", "192.0.2." + (10 + i % 3))));
        }
        List<IngestReport> reports = new ArrayList<>();
        for (int threads : new int[] {1, 4}) {
            reports.add(new dev.trailindex.index.Indexer(TestSupport.SCHEMA, new dev.trailindex.index.Indexer.Options(threads,
                    dev.trailindex.ingest.IngestLimits.DEFAULT, 16)).run(tmp.resolve("idx" + threads), List.of(logs), null));
        }
        for (IngestReport r : reports) {
            assertEquals(24, r.eventsRead());
            assertEquals(2, r.indexed());
            assertEquals(2, r.conflicts(), "three contents of X: two conflicting copies");
            assertEquals(20, r.duplicates());
            assertEquals(2, r.conflictPairs().size());
            assertEquals(logs.resolve("f00.json").toString(), r.conflictPairs().get(0).file());
            assertEquals(List.of(logs.resolve("f01.json").toString(), logs.resolve("f02.json").toString()),
                    r.conflictPairs().stream().map(IngestReport.Conflict::copyFile).toList());
        }
    }

    @Test
    void aWholeCopyBeatsAPartialOneInEitherOrderAndAcrossRuns() throws Exception {
        // A record cut short after its eventSource: eventID, eventName and eventTime are whole.
        String whole = event(X, "GetObject", "192.0.2.1");
        String cut = "{\"Records\":[" + whole.substring(0, whole.indexOf("\"sourceIPAddress\"") + 22);
        for (String[] names : new String[][] {{"a-cut.json", "b-whole.json"}, {"b-cut.json", "a-whole.json"}}) {
            Path logs = Files.createDirectories(tmp.resolve("order-" + names[0]));
            Files.writeString(logs.resolve(names[0]), cut);
            Files.writeString(logs.resolve(names[1]), records(whole));
            Path idx = tmp.resolve("idx-" + names[0]);
            JsonNode r = index(idx, logs);
            assertEquals(1, r.get("indexed").asLong(), r.toString());
            assertEquals(1, r.get("duplicates").asLong(), "a cut copy is no conflict");
            assertEquals(0, r.get("conflicts").asLong());
            assertEquals(1, r.get("partial").asLong());
            assertEquals("0", count(idx, "ti.flags:partial"), names[0]);
            assertEquals("1", count(idx, "sourceIPAddress:192.0.2.1"), names[0]);
        }
        // Across runs: the partial copy alone first, then the whole one.
        Path logs = Files.createDirectories(tmp.resolve("runs"));
        Files.writeString(logs.resolve("a-cut.json"), cut);
        Path idx = tmp.resolve("idx-runs");
        JsonNode first = index(idx, logs);
        assertEquals(1, first.get("partial").asLong());
        assertEquals(1, first.get("problems").get(0).get("partial").asLong());
        assertEquals("truncated-json", first.get("problems").get(0).get("reason").asText());
        assertEquals("1", count(idx, "ti.flags:partial AND eventName:GetObject AND eventID:" + X));
        Files.writeString(logs.resolve("b-whole.json"), records(whole));
        JsonNode second = index(idx, logs);
        assertEquals(0, second.get("indexed").asLong(), second.toString());
        assertEquals("0", count(idx, "ti.flags:partial"));
        assertEquals(whole + "\n", CliTest.run("show", "--index", idx.toString(), X).out());
    }

    @Test
    void everyOutputMarksAPartialEvent() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        String whole = event(X, "GetObject", "192.0.2.1");
        String cutText = whole.substring(0, whole.indexOf("\"sourceIPAddress\"") + 22);
        Files.writeString(logs.resolve("cut.json"), "{\"Records\":[" + cutText);
        Path idx = tmp.resolve("idx");
        CliTest.Run run = CliTest.run("index", "-q", "--index", idx.toString(), logs.toString());
        assertEquals(ExitCodes.INPUT_FAILED, run.code(), "the file is still broken");
        assertTrue(run.out().contains(logs.resolve("cut.json") + ": truncated-json"), run.out());
        assertTrue(run.out().contains("0 events before the break kept, 1 partial event salvaged"), run.out());
        // The fields that were whole, without the cut one.
        String salvaged = whole.substring(0, whole.indexOf(",\"sourceIPAddress\"")) + "}";

        JsonNode hit = TestSupport.JSON.readTree(CliTest.run("search", "--index", idx.toString(), "--format", "json", "").stdout())
                .get("hits").get(0);
        assertEquals("[\"partial\"]", hit.get("flags").toString());
        assertEquals(TestSupport.JSON.readTree(salvaged), hit.get("event"));

        String withFlags = salvaged.substring(0, salvaged.length() - 1) + ",\"ti.flags\":[\"partial\"]}";
        assertEquals(withFlags + "\n", CliTest.run("search", "--index", idx.toString(), "--format", "ndjson", "").out());
        Path out = tmp.resolve("export.json");
        assertEquals(0, CliTest.run("export", "--index", idx.toString(), "--out", out.toString(), "").code());
        JsonNode exported = TestSupport.JSON.readTree(Files.readString(out));
        assertEquals(TestSupport.JSON.readTree(withFlags), exported.get("Records").get(0));

        String table = CliTest.run("search", "--index", idx.toString(), "").out();
        assertTrue(table.contains("2024-05-01T10:00:00Z [partial]"), table);
        assertTrue(table.contains("1 partial event marked [partial]"), table);
        // The HTTP API: a search hit carries its flags; /api/events gives the whole fields with the flags.
        try (dev.trailindex.search.SearchBackend search = dev.trailindex.search.LocalBackend.open(idx, TestSupport.SCHEMA)) {
            dev.trailindex.http.TrailIndexServer server = dev.trailindex.http.TrailIndexServer.start(search,
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), dev.trailindex.http.HttpLimits.defaults(), 2, null);
            try {
                java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
                JsonNode api = TestSupport.JSON.readTree(client.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("/api/search?q=")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());
                assertEquals("[\"partial\"]", api.get("hits").get(0).get("flags").toString());
                byte[] one = client.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("/api/events/" + X)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
                assertEquals(TestSupport.JSON.readTree(withFlags), TestSupport.JSON.readTree(one));
            } finally {
                server.close();
            }
        }
        // show prints the exact cut bytes, and says so on stderr.
        CliTest.Run show = CliTest.run("show", "--index", idx.toString(), X);
        assertEquals(cutText + "\n", new String(show.stdout(), StandardCharsets.UTF_8));
        assertTrue(show.stderr().contains("partial"), show.stderr());
        assertFalse(show.stderr().isBlank());
    }
}
