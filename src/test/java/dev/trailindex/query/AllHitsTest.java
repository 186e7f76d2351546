package dev.trailindex.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.TestSupport;
import dev.trailindex.search.SearchBackend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * All hits in one pass come in exactly the order, with exactly the contents, of the pages a search gives (time,
 * then key, events without a time last), on the samples and the corpus: the same events, bytes, provenance,
 * times and flags.
 */
class AllHitsTest {
    private static final List<String> QUERIES = List.of("*:*", "eventName:*", "errorCode:*", "ti.flags:*",
            "NOT eventTime:*", "userIdentity.type:AssumedRole");

    private static List<StoredEvent> paged(SearchBackend b, SearchRequest req, int pageSize) {
        List<StoredEvent> out = new ArrayList<>();
        SearchRequest r = req.withLimit(pageSize);
        for (SearchResult page = b.search(r); ; page = b.search(r.page(page.nextCursor()))) {
            out.addAll(page.hits());
            if (page.nextCursor() == null) {
                return out;
            }
        }
    }

    /** Small pages on the samples (many page boundaries), larger on the corpus (each page re-runs the query). */
    private static void same(SearchBackend b, int pageSize) {
        long seen = 0;
        for (String q : QUERIES) {
            for (Order o : List.of(Order.NEWEST, Order.OLDEST)) {
                SearchRequest req = new SearchRequest(q, null, null, 20, o);
                List<StoredEvent> streamed = new ArrayList<>();
                long n = b.stream(req, streamed::add);
                List<StoredEvent> pages = paged(b, req, pageSize);
                assertEquals(b.count(req), n, q);
                assertEquals(pages.size(), streamed.size(), q);
                for (int i = 0; i < pages.size(); i++) {
                    StoredEvent p = pages.get(i);
                    StoredEvent s = streamed.get(i);
                    assertEquals(p.key(), s.key(), q + " " + o + " #" + i);
                    assertArrayEquals(p.json(), s.json());
                    assertEquals(List.of(p.file(), p.record(), p.offset(), p.line(), String.valueOf(p.time()), p.flags()),
                            List.of(s.file(), s.record(), s.offset(), s.line(), String.valueOf(s.time()), s.flags()));
                }
                seen += n;
            }
        }
        assertTrue(seen > 0);
    }

    @Test
    void samples() throws Exception {
        same(TestSupport.indexed(TestSupport.SAMPLES).search(), 7);
    }

    @Test
    void corpus() throws Exception {
        same(TestSupport.indexed(TestSupport.corpus()).search(), 400);
    }
}
