package dev.trailindex.query;

import dev.trailindex.search.SearchBackend;
import static dev.trailindex.TestSupport.exact;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.index.IngestReport;
import dev.trailindex.ingest.FileOutcome;
import dev.trailindex.ingest.Reason;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Indexes all of ../shared/corpus and compares every count with src/test/python/corpus_expectations.py, which
 * derives them from the raw files with Python's standard library, independently of trailindex.
 */
class CorpusTest {
    static Path indexDir;

    static Path corpus;
    static JsonNode expected;
    static IngestReport report;
    static SearchBackend search;

    @BeforeAll
    static void indexCorpus() throws Exception {
        corpus = TestSupport.corpus().toAbsolutePath().normalize();
        expected = TestSupport.pythonExpectations(corpus);
        TestSupport.Indexed indexed = TestSupport.indexed(corpus);
        report = indexed.report();
        search = indexed.search();
        indexDir = indexed.dir();
    }

    private static long count(String query) {
        return search.count(new SearchRequest(query, null, null, 0, Order.NEWEST));
    }

    @Test
    void eventCountsAddUp() {
        // The report's events read count rejected values too (objects that are not events).
        long rejected = 0;
        for (JsonNode n : expected.get("rejected_events_by_reason")) {
            rejected += n.asLong();
        }
        assertEquals(expected.get("events_read").asLong() + rejected, report.eventsRead());
        assertEquals(expected.get("unique").asLong(), report.documents());
        assertEquals(expected.get("unique").asLong(), report.indexed());
        assertEquals(expected.get("duplicates").asLong(), report.duplicates());
        assertEquals(rejected, report.rejected());
        assertEquals(report.eventsRead(), report.indexed() + report.duplicates() + report.rejected());
    }

    @Test
    void fileOutcomesMatch() {
        JsonNode files = expected.get("files");
        assertEquals(files.get("total").asLong(), report.files());
        assertEquals(files.get("ok").asLong(), report.filesRead());
        assertEquals(files.get("skipped").asLong(), report.filesSkipped());
        assertEquals(files.get("failed").asLong(), report.filesFailed());
        assertEquals(asMap(expected.get("skipped_by_reason")), labels(report.skippedByReason()));
        assertEquals(asMap(expected.get("failed_by_reason")), labels(report.failedByReason()));
        assertEquals(asMap(expected.get("rejected_events_by_reason")), labels(report.rejectedByReason()));
        TreeSet<String> failed = new TreeSet<>();
        for (FileOutcome o : report.problems()) {
            if (o.failed()) {
                failed.add(corpus.relativize(Path.of(o.file())).toString());
            }
        }
        TreeSet<String> want = new TreeSet<>();
        expected.get("failed_files").forEach(f -> want.add(f.asText()));
        assertEquals(want, failed);
    }

    @Test
    void exactValueSearchesFindTheIndependentlyCountedEvents() {
        for (JsonNode q : expected.get("queries")) {
            String query = exact(q.get("field").asText(), q.get("value").asText());
            assertEquals(q.get("hits").asLong(), count(query), query);
        }
        expected.get("exists").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asLong(), count(e.getKey() + ":*"), e.getKey() + ":*"));
    }

    @Test
    void facetsMatch() {
        JsonNode facets = expected.get("facets");
        assertEquals(asMap(facets.get("credentialKind")), facetMap("ti.credential"));
        assertEquals(asMap(facets.get("accessKeyKind")), facetMap("ti.keyKind"));
        for (String field : List.of("eventSource", "eventName", "awsRegion", "userIdentity.type", "errorCode")) {
            JsonNode want = facets.get(field);
            FacetCounts got = search.facets(SearchRequest.of(""), List.of(field), 10).get(0);
            assertEquals(want.get("events_with_value").asLong(), got.events(), field + " events");
            assertEquals(want.get("distinct").asInt(), got.distinct(), field + " distinct");
            for (JsonNode pair : want.get("top")) {
                String value = pair.get(0).asText();
                long n = pair.get(1).asLong();
                assertEquals(n, count(exact(field, value)), field + "=" + value);
                assertTrue(got.top().contains(new FacetCounts.ValueCount(value, n))
                        || got.top().get(got.top().size() - 1).count() == n, field + " top holds " + value);
            }
        }
    }

    @Test
    void timesAndFlags() {
        expected.get("time_flags").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asLong(), count("ti.flags:" + e.getKey()), e.getKey()));
        IndexStats stats = search.stats(3);
        assertEquals(expected.get("time_min").asText(), java.time.Instant.ofEpochMilli(stats.first()).toString().replace("Z", ".000Z").replaceAll("\\.(\\d{3})\\.000Z", ".$1Z"));
        assertEquals(expected.get("time_max").asText(), java.time.Instant.ofEpochMilli(stats.last()).toString().replace("Z", ".000Z").replaceAll("\\.(\\d{3})\\.000Z", ".$1Z"));
        long missing = expected.get("time_flags").path("time-missing").asLong()
                + expected.get("time_flags").path("time-unparseable").asLong();
        assertEquals(missing, stats.withoutTime());
    }

    @Test
    void showReturnsTheOriginalBytes() {
        expected.get("show").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            StoredEvent ev = search.event(s.get("eventID").asText()).orElseThrow();
            assertArrayEquals(Base64.getDecoder().decode(s.get("bytes_base64").asText()), ev.json(), e.getKey());
            assertEquals(s.get("path").asText(), corpus.relativize(Path.of(ev.file())).toString());
        });
    }

    @Test
    void theFirstCopyInWalkOrderWinsAConflict() {
        for (JsonNode c : expected.get("conflicts").get("cross_file_first_10")) {
            StoredEvent ev = search.event(c.get("eventID").asText()).orElseThrow();
            assertEquals(c.get("first").asText(), corpus.relativize(Path.of(ev.file())).toString(), c.toString());
        }
    }

    @Test
    void reindexingReadsOnlyWhatFailedAndAddsNothing() {
        JsonNode files = expected.get("files");
        IngestReport again = TestSupport.index(indexDir, 2, corpus);
        assertEquals(0, again.indexed());
        // Files read whole or skipped before are unchanged; the ones that failed are read again.
        assertEquals(files.get("ok").asLong() + files.get("skipped").asLong(), again.filesUnchanged());
        assertEquals(files.get("failed").asLong(), again.filesFailed());
        assertEquals(again.eventsRead(), again.duplicates() + again.rejected());
        assertEquals(expected.get("unique").asLong(), again.documents());
        // --full reads everything and still adds nothing.
        IngestReport full = new dev.trailindex.index.Indexer(TestSupport.SCHEMA, new dev.trailindex.index.Indexer.Options(2,
                dev.trailindex.ingest.IngestLimits.DEFAULT, 32, java.time.Duration.ofSeconds(10), true)).run(indexDir, java.util.List.of(corpus), null);
        assertEquals(0, full.filesUnchanged());
        assertEquals(0, full.indexed());
        assertEquals(expected.get("events_read").asLong(), full.duplicates());
        assertEquals(expected.get("unique").asLong(), full.documents());
    }

    private Map<String, Long> facetMap(String field) {
        Map<String, Long> m = new TreeMap<>();
        for (FacetCounts.ValueCount v : search.facets(SearchRequest.of(""), List.of(field), 100).get(0).top()) {
            m.put(v.value(), v.count());
        }
        return m;
    }

    private static Map<String, Long> asMap(JsonNode obj) {
        Map<String, Long> m = new TreeMap<>();
        obj.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    private static Map<String, Long> labels(Map<Reason, Long> byReason) {
        Map<String, Long> m = new TreeMap<>();
        byReason.forEach((r, n) -> m.put(r.label(), n));
        return m;
    }
}
