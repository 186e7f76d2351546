package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.OsTestSupport.cli;
import static dev.trailindex.opensearch.OsTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading into a real node gives what the local index holds from the same files: the same keys, each with the
 * exact original bytes and the same flags, the same report; a second run reads nothing; setup is idempotent.
 */
class OpenSearchLoadTest {
    private static final List<String> SAME_IN_REPORT = List.of("files", "filesUnchanged", "filesRead", "filesSkipped", "filesFailed",
            "eventsRead", "indexed", "duplicates", "conflicts", "partial", "rejected", "documents");

    @TempDir
    Path tmp;

    @Test
    void setupIsIdempotentAndInstallsTheTemplateItPrints() throws Exception {
        OpenSearchNode node = OpenSearchNode.shared();
        OsTestSupport.Run first = cli("opensearch", "setup", "--opensearch", node.url(), "--opensearch-index", "t-setup");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("installed template t-setup-events"), first.out());
        OsTestSupport.Run again = cli("opensearch", "setup", "--opensearch", node.url(), "--opensearch-index", "t-setup");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith("kept the identical template t-setup-events"), again.out());
        JsonNode printed = json(cli("opensearch", "template", "--opensearch-index", "t-setup"));
        try (OsClient c = OsTestSupport.client(node)) {
            JsonNode installed = c.get("/_index_template/t-setup-events").path("index_templates").path(0).path("index_template");
            assertEquals(printed.get("index_patterns"), installed.get("index_patterns"));
            assertEquals(printed.get("_meta"), installed.get("_meta"));
            assertEquals("strict", installed.path("template").path("mappings").path("dynamic").asText());
            assertTrue(c.get("/t-setup/_alias").has("t-setup-events-undated"), "the first index is behind the alias");
            assertEquals(0, c.count("t-setup", null));
        }
    }

    @Test
    void samplesLoadAsLocallyAndASecondRunReadsNothing() throws Exception {
        sameAsLocal(TestSupport.SAMPLES, "t-samples");
    }

    @Test
    void corpusLoadsAsLocally() throws Exception {
        sameAsLocal(TestSupport.corpus(), "t-corpus");
    }

    private void sameAsLocal(Path input, String alias) throws Exception {
        OpenSearchNode node = OpenSearchNode.shared();
        OsTestSupport.setup(node, alias);
        Path idx = tmp.resolve("local");
        JsonNode local = json(cli("index", "-q", "--format", "json", "--index", idx.toString(), input.toString()));
        OsTestSupport.Run run = cli("index", "-q", "--format", "json", "--opensearch", node.url(), "--opensearch-index", alias, input.toString());
        assertTrue(run.code() == 0 || run.code() == 3, run.err());
        JsonNode os = json(run);
        for (String f : SAME_IN_REPORT) {
            assertEquals(local.get(f), os.get(f), f + ": local " + local + "\nopensearch " + os);
        }
        assertEquals(local.get("problems"), os.get("problems"));
        assertEquals(local.get("conflictingCopies").size(), os.get("conflictingCopies").size());
        Map<String, OsTestSupport.Doc> expected = OsTestSupport.local(idx);
        try (OsClient c = OsTestSupport.client(node)) {
            Map<String, OsTestSupport.Doc> got = OsTestSupport.cluster(c, alias);
            assertEquals(expected.keySet(), got.keySet());
            assertEquals(expected, got);
            JsonNode second = json(cli("index", "-q", "--format", "json", "--opensearch", node.url(), "--opensearch-index", alias, input.toString()));
            JsonNode localSecond = json(cli("index", "-q", "--format", "json", "--index", idx.toString(), input.toString()));
            for (String f : SAME_IN_REPORT) {
                assertEquals(localSecond.get(f), second.get(f), f + ": local " + localSecond + "\nopensearch " + second);
            }
            assertEquals(0, second.get("indexed").asLong(), second.toString());
            assertEquals(second.get("files").asLong() - second.get("filesUnchanged").asLong(),
                    second.get("filesFailed").asLong() + second.get("filesSkipped").asLong(), "only failed or skipped files are read: " + second);
            assertEquals(expected, OsTestSupport.cluster(c, alias));
        }
    }

    @Test
    void overlappingAndConflictingCopiesAcrossRunsAsLocally() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        String x = "aaaaaaaa-0000-4000-8000-000000000001";
        String y = "bbbbbbbb-0000-4000-8000-000000000002";
        Files.writeString(logs.resolve("a.json"), records(event(x, "GetObject", "192.0.2.1", "2024-05-01T10:00:00Z"),
                event(y, "PutObject", "192.0.2.2", "2024-05-01T10:00:00Z")));
        Files.writeString(logs.resolve("b.json"), records(event(x, "GetObject", "198.51.100.9", "2024-06-01T10:00:00Z"),
                event(y, "PutObject", "192.0.2.2", "2024-05-01T10:00:00Z")));
        Files.writeString(logs.resolve("c.json"), records(event(y, "PutObject", "192.0.2.2", "2024-05-01T10:00:00Z"),
                event(x, "GetObject", "203.0.113.7", "2024-05-01T10:00:00Z")));
        OpenSearchNode node = OpenSearchNode.shared();
        OsTestSupport.setup(node, "t-copies");
        Path idx = tmp.resolve("local");
        // Run 1: the last file alone; run 2: all three (a.json ranks first, so it displaces the copy of run 1).
        for (Path in : List.of(logs.resolve("c.json"), logs)) {
            JsonNode l = json(cli("index", "-q", "--format", "json", "--index", idx.toString(), in.toString()));
            JsonNode o = json(cli("index", "-q", "--format", "json", "--opensearch", node.url(), "--opensearch-index", "t-copies", in.toString()));
            for (String f : List.of("eventsRead", "indexed", "documents")) {
                assertEquals(l.get(f), o.get(f), f + ": local " + l + "\nopensearch " + o);
            }
        }
        try (OsClient c = OsTestSupport.client(node)) {
            Map<String, OsTestSupport.Doc> got = OsTestSupport.cluster(c, "t-copies");
            assertEquals(OsTestSupport.local(idx), got);
            assertEquals(List.of("conflicting-copies"), got.get(x).flags());
            assertTrue(got.get(x).raw().contains("192.0.2.1"), "the earliest copy (a.json) won");
            c.refresh("t-copies-copies");
            long localCopies = Files.readAllLines(idx.resolve(dev.trailindex.index.CopyStore.NAME)).stream().filter(s -> !s.isBlank()).count();
            assertEquals(localCopies, c.count("t-copies-copies", null), "one kept copy per differing content, as locally");
            assertEquals(1, c.count("t-copies", null) - 1, "two keys, one document each across the monthly indices");
        }
    }

    static String event(String id, String name, String ip, String time) {
        return "{\"eventVersion\":\"1.08\",\"eventID\":\"" + id + "\",\"eventName\":\"" + name + "\",\"eventTime\":\"" + time
                + "\",\"eventSource\":\"s3.amazonaws.com\",\"sourceIPAddress\":\"" + ip + "\"}";
    }

    static String records(String... events) {
        return "{\"Records\":[" + String.join(",", events) + "]}";
    }
}
