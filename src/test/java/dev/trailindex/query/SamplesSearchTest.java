package dev.trailindex.query;

import dev.trailindex.search.LocalBackend;
import dev.trailindex.search.SearchBackend;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.index.IngestReport;
import dev.trailindex.ingest.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled samples, indexed and searched. Expected counts come from src/samples/expected.json, written by the
 * samples' own generator (make_samples.py) from the events it wrote, not by trailindex.
 */
class SamplesSearchTest {
    @TempDir
    static Path indexDir;

    static JsonNode expected;
    static IngestReport report;
    static SearchBackend search;

    @BeforeAll
    static void indexSamples() throws Exception {
        expected = TestSupport.JSON.readTree(TestSupport.SAMPLES.resolve("expected.json").toFile());
        report = TestSupport.index(indexDir, 2, TestSupport.SAMPLES);
        search = LocalBackend.open(indexDir, TestSupport.SCHEMA);
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    private static long count(String q) {
        return search.count(new SearchRequest(q, null, null, 0, Order.NEWEST));
    }

    @Test
    void indexesEveryEventOnce() {
        assertEquals(expected.get("totalEventsRead").asLong(), report.eventsRead());
        assertEquals(expected.get("uniqueEventIds").asLong(), report.documents());
        assertEquals(expected.get("duplicates").asLong(), report.duplicates());
        assertEquals(1L, report.skippedByReason().get(Reason.DIGEST));
        assertTrue(report.clean());
    }

    @Test
    void queriesFindTheGeneratorsCounts() {
        expected.get("queries").fields().forEachRemaining(e -> {
            int colon = e.getKey().indexOf(':');
            String q = TestSupport.exact(e.getKey().substring(0, colon), e.getKey().substring(colon + 1));
            assertEquals(e.getValue().asLong(), count(q), q);
        });
    }

    /**
     * Identifiers and times stay out of the full text (schema "fullText": false), yet a bare pasted identifier
     * still finds its event, in any case, while a piece of one no longer matches as a word.
     */
    @Test
    void bareIdentifiersMatchWholeNotInPieces() throws Exception {
        JsonNode event = null;
        try (var files = Files.walk(TestSupport.SAMPLES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(p)) {
                    JsonNode e = TestSupport.JSON.readTree(line);
                    if (e.path("eventID").asText().matches("[0-9a-f]{8}-[0-9a-f-]{27}") && e.path("requestID").isTextual()) {
                        event = e;
                        break;
                    }
                }
                if (event != null) {
                    break;
                }
            }
        }
        assertTrue(event != null, "the samples hold a JSON-lines event with a UUID eventID and a requestID");
        String id = event.get("eventID").asText();
        assertEquals(1, count(id));
        assertEquals(1, count(id.toUpperCase(java.util.Locale.ROOT)));
        assertEquals(1, count("eventID:" + id));
        assertEquals(count("requestID:\"" + event.get("requestID").asText() + "\""), count("\"" + event.get("requestID").asText() + "\""));
        assertEquals(0, count(id.substring(0, 8)), "a piece of an eventID is not a word of the full text");
        // eventIDs are indexed as 17 bytes (compactIds); prefixes of any length still reach them.
        for (int n : new int[] {1, 5, 8, 9, 10, 23, 35}) {
            String prefix = id.substring(0, n);
            assertTrue(count("eventID:" + prefix + "*") >= 1, prefix);
            assertEquals(count("eventID:" + prefix + "*"), count("eventID:" + prefix.toUpperCase(java.util.Locale.ROOT) + "*"),
                    "a UUID prefix matches in any case: " + prefix);
        }
        long requestPrefix = count("requestID:" + event.get("requestID").asText().substring(0, 6) + "*");
        assertTrue(requestPrefix >= count("requestID:\"" + event.get("requestID").asText() + "\"") && requestPrefix > 0);
    }

    @Test
    void queryLanguage() {
        String key = expected.get("leakedAccessKeyId").asText();
        long byKey = count("userIdentity.accessKeyId:" + key);
        // AND is the default operator; NOT and OR work; ranges over IPs use the IP points.
        assertEquals(byKey, count("userIdentity.accessKeyId:" + key + " AND ti.keyKind:long-term"));
        assertEquals(count("errorCode:*") - count("errorCode:AccessDenied"), count("errorCode:* NOT errorCode:AccessDenied"));
        assertEquals(count("sourceIPAddress:203.0.113.50") + count("sourceIPAddress:\"198.51.100.7\""),
                count("sourceIPAddress:203.0.113.50 OR sourceIPAddress:\"198.51.100.7\""));
        long testNet3 = count("sourceIPAddress:[203.0.113.0 TO 203.0.113.255]");
        assertTrue(testNet3 >= count("sourceIPAddress:203.0.113.50") && testNet3 > 0);
        // Service names are keywords, never IPs in a range.
        assertEquals(0, count("sourceIPAddress:[0.0.0.0 TO 255.255.255.255] AND sourceIPAddress:*amazonaws.com"));
        assertTrue(count("sourceIPAddress:*amazonaws.com") > 0);
        assertEquals(0, count("sourceIPAddress:0.0.0.0/0 AND sourceIPAddress:*amazonaws.com"));
        // ::/0 is every address (IPv4 is indexed as IPv4-mapped IPv6); with the service names, "AWS Internal"
        // and the events without a source it partitions the events.
        assertEquals(report.documents(), count("sourceIPAddress:\"::/0\"") + count("sourceIPAddress:*amazonaws.com")
                + count("sourceIPAddress:\"AWS Internal\"") + count("NOT sourceIPAddress:*"));
        assertTrue(count("sourceIPAddress:0.0.0.0/0") < count("sourceIPAddress:\"::/0\""));
        // Wildcards on keywords and inside nested request parameters.
        assertEquals(count("eventName:StopLogging") + count("eventName:StartLogging"), count("eventName:St*Logging"));
        assertEquals(count("requestParameters.bucketName:acme-finance-reports"), count("requestParameters.bucketName:acme-fin*"));
        assertTrue(count("requestParameters.bucketName:*") >= count("requestParameters.bucketName:acme-finance-reports"));
        // Full text reaches nested values and non-ASCII text.
        assertTrue(count("\u00dcberwachung") > 0);
        assertEquals(count("*:*"), count(""));
        // Time: a whole day, a range, and the --from/--to filter agree.
        long day = count("eventTime:2026-11-20");
        assertEquals(report.documents(), day);
        long window = count("eventTime:[2026-11-20T11:00 TO 2026-11-20T11:59]");
        TimeBounds.Span from = TimeBounds.parse("2026-11-20T11:00");
        TimeBounds.Span to = TimeBounds.parse("2026-11-20T11:59");
        assertEquals(window, search.count(new SearchRequest("", from.start(), to.end(), 0, Order.NEWEST)));
        assertTrue(window > 0 && window < day);
    }

    @Test
    void badQueriesAreOneLineErrors() {
        QueryException unknown = assertThrows(QueryException.class, () -> count("eventNam:ConsoleLogin"));
        assertTrue(unknown.getMessage().contains("unknown field 'eventNam'") && unknown.getMessage().contains("eventName"), unknown.getMessage());
        QueryException syntax = assertThrows(QueryException.class, () -> count("eventName:(ConsoleLogin"));
        assertTrue(syntax.getMessage().startsWith("syntax error"), syntax.getMessage());
        assertTrue(assertThrows(QueryException.class, () -> count("eventTime:[yesterday TO now]")).getMessage().contains("not a time"));
        assertTrue(assertThrows(QueryException.class, () -> count("requestParameters:x")).getMessage().contains("dotted path"));
        for (String q : List.of("eventNam:x", "eventName:(x", "eventTime:[a TO b]", "ti.raw:x", "ti.size:abc")) {
            String msg = assertThrows(QueryException.class, () -> count(q)).getMessage();
            assertTrue(!msg.contains("\n") && !msg.contains("Exception"), msg);
        }
    }

    @Test
    void newestFirstByDefaultAndStable() {
        SearchResult newest = search.search(new SearchRequest("", null, null, 200, Order.NEWEST));
        SearchResult oldest = search.search(new SearchRequest("", null, null, 200, Order.OLDEST));
        assertEquals(report.documents(), newest.total());
        for (int i = 1; i < newest.hits().size(); i++) {
            StoredEvent a = newest.hits().get(i - 1);
            StoredEvent b = newest.hits().get(i);
            assertTrue(a.time() > b.time() || (a.time().equals(b.time()) && a.key().compareTo(b.key()) < 0));
        }
        assertEquals(newest.hits().get(newest.hits().size() - 1).time(), oldest.hits().get(0).time());
    }

    @Test
    void eventBytesAreTheOriginals() throws Exception {
        // The lookup-events copy is a JSON string; the delivery copy is what AWS wrote. The delivery file wins:
        // it comes first in walk order (AWSLogs/ before exports/).
        for (StoredEvent e : search.search(new SearchRequest("", null, null, 200, Order.NEWEST)).hits()) {
            Path file = Path.of(e.file());
            assertTrue(file.toString().contains("/AWSLogs/") || file.toString().contains("/exports/"), e.file());
            if (file.toString().endsWith(".jsonl")) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                assertArrayEquals(lines.get((int) e.line() - 1).getBytes(StandardCharsets.UTF_8), e.json());
            }
            JsonNode tree = TestSupport.JSON.readTree(e.json());
            assertEquals(e.key(), tree.get("eventID").asText());
        }
    }

    @Test
    void facetsAndStats() {
        FacetCounts regions = search.facets(SearchRequest.of(""), List.of("awsRegion"), 5).get(0);
        assertEquals(count("awsRegion:eu-west-1"), regions.top().stream()
                .filter(v -> v.value().equals("eu-west-1")).findFirst().orElseThrow().count());
        assertEquals(report.documents(), regions.events());
        IndexStats stats = search.stats(3);
        assertEquals(report.documents(), stats.events());
        assertEquals(0, stats.withoutTime());
        assertTrue(assertThrows(QueryException.class, () -> search.facets(SearchRequest.of(""), List.of("text"), 3))
                .getMessage().contains("cannot be faceted"));
    }
}
