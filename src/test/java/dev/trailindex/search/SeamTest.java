package dev.trailindex.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailindex.TestSupport;
import dev.trailindex.query.Order;
import dev.trailindex.query.QueryException;
import dev.trailindex.query.Row;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.query.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** The backend seam over the local index: scans and prebuilt filters agree with ordinary searches. */
class SeamTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SearchBackend backend() throws java.io.IOException {
        return TestSupport.indexed(TestSupport.SAMPLES).search();
    }

    @Test
    void aScanSeesEveryMatchOldestFirstWithTheEventsOwnValues() throws Exception {
        SearchBackend b = backend();
        SearchRequest req = new SearchRequest("eventName:AssumeRole OR eventName:GetObject", null, null, 1000, Order.OLDEST);
        SearchResult all = b.search(req);
        assertTrue(all.total() >= 10, "the samples hold AssumeRole and GetObject calls");
        List<Row> rows = new ArrayList<>();
        b.scan(req.withLimit(1), List.of("eventName", "sourceIPAddress", "requestParameters.roleArn"), rows::add);
        assertEquals(all.total(), rows.size(), "a scan ignores the page size");
        for (int i = 0; i < rows.size(); i++) {
            StoredEvent e = all.hits().get(i);
            Row r = rows.get(i);
            assertEquals(e.key(), r.key(), "same order as the oldest-first search");
            assertEquals(e.time(), r.time());
            JsonNode ev = JSON.readTree(e.json());
            assertEquals(List.of(ev.get("eventName").asText()), r.get("eventName"));
            assertEquals(ev.hasNonNull("sourceIPAddress") ? List.of(ev.get("sourceIPAddress").asText()) : List.of(),
                    r.get("sourceIPAddress"));
            JsonNode role = ev.path("requestParameters").path("roleArn");
            assertEquals(role.isTextual() ? List.of(role.asText()) : List.of(), r.get("requestParameters.roleArn"));
        }
        assertTrue(rows.stream().anyMatch(r -> !r.get("requestParameters.roleArn").isEmpty()), "nested values are read");
    }

    @Test
    void aPrebuiltFilterNarrowsTheTextQueryLikeTheSameTextWould() throws Exception {
        SearchBackend b = backend();
        String field = TestSupport.SCHEMA.find("eventName").orElseThrow().name();
        TermQuery assumeRole = new TermQuery(new Term(field, "assumerole"));
        long byText = b.count(SearchRequest.of("eventName:AssumeRole"));
        assertTrue(byText > 0);
        assertEquals(byText, b.count(SearchRequest.of("").withFilter(assumeRole)));
        assertEquals(0, b.count(SearchRequest.of("eventName:GetObject").withFilter(assumeRole)));
        SearchRequest paged = SearchRequest.of("").withFilter(assumeRole).withLimit(2);
        List<String> keys = new ArrayList<>();
        for (SearchResult page = b.search(paged); ; page = b.search(paged.page(page.nextCursor()))) {
            page.hits().forEach(h -> keys.add(h.key()));
            if (page.nextCursor() == null) {
                break;
            }
        }
        List<String> want = b.search(SearchRequest.of("eventName:AssumeRole").withLimit(1000)).hits().stream()
                .map(StoredEvent::key).toList();
        assertEquals(want, keys, "every page carries the filter, in the same order");
    }

    @Test
    void anUnknownFieldInAScanIsAQueryError() throws Exception {
        SearchBackend b = backend();
        QueryException e = assertThrows(QueryException.class,
                () -> b.scan(SearchRequest.of(""), List.of("eventNmae"), r -> { }));
        assertTrue(e.getMessage().contains("eventNmae"), e.getMessage());
    }
}
