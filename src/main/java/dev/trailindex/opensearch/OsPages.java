package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.QueryTranslator.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.index.KeywordTerms;
import dev.trailindex.query.BackendSupport;
import dev.trailindex.query.Order;
import dev.trailindex.query.QueryException;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.query.StoredEvent;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.Query;

/**
 * Pages of hits in time order, the key's order breaking ties, exactly as the local index sorts them; cursors are
 * the local ones (the sort values of a page's last hit, bound to the same query), so a page continues with
 * {@code search_after} on the same values and stays valid while events are added.
 */
final class OsPages {
    /** OpenSearch's default index.max_result_window: the most hits one search returns. */
    private static final int WINDOW = 10_000;

    private final OsIndex index;
    private final List<String> stored;

    OsPages(OsIndex index) {
        this.index = index;
        Schema s = index.schema();
        this.stored = List.of(index.key().name(), s.derived(Derivation.RAW_EVENT).name(), s.derived(Derivation.SOURCE_FILE).name(),
                s.derived(Derivation.SOURCE_RECORD).name(), s.derived(Derivation.SOURCE_OFFSET).name(),
                s.derived(Derivation.SOURCE_LINE).name(), index.time().name(), s.derived(Derivation.FLAGS).name());
    }

    SearchResult search(SearchRequest req) {
        if (req.order() == Order.RELEVANCE) {
            throw new QueryException("the OpenSearch backend does not sort by relevance (its scores are not the local "
                    + "index's); sort by time (newest or oldest)");
        }
        Query q = index.lucene(req, true);
        int bind = BackendSupport.cursorBind(q, req.order());
        long[] after = req.cursor() == null ? null : BackendSupport.cursorValues(req.order(), req.cursor(), bind);
        ObjectNode query = index.dsl(q);
        long total = index.count(query);
        if (req.limit() == 0 || total == 0) {
            return new SearchResult(total, List.of(), null);
        }
        // One hit more than the page says whether a next page exists, in the same search.
        int n = (int) Math.min(req.limit(), total);
        List<JsonNode> hits = hits(query, req.order() == Order.NEWEST, n + 1, after);
        List<StoredEvent> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, hits.size()); i++) {
            out.add(event(hits.get(i)));
        }
        String next = null;
        if (hits.size() > n) {
            JsonNode sort = hits.get(n - 1).path("sort");
            next = BackendSupport.cursor(req.order(), sort.get(0).asLong(), sort.get(1).asLong(), bind);
        }
        return new SearchResult(total, out, next);
    }

    /** Up to {@code wanted} hits after the sort values {@code after} (null: from the first), fetched in windows the cluster allows. */
    private List<JsonNode> hits(ObjectNode query, boolean newest, int wanted, long[] after) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode from = null;
        if (after != null) {
            from = NODES.arrayNode().add(after[0]).add(after[1]);
        }
        while (out.size() < wanted) {
            int size = Math.min(WINDOW, wanted - out.size());
            ObjectNode body = page(query, newest, size);
            if (from != null) {
                body.set("search_after", from);
            }
            JsonNode hits = index.search(body).path("hits").path("hits");
            hits.forEach(out::add);
            if (hits.size() < size) {
                break;
            }
            from = hits.get(hits.size() - 1).path("sort");
        }
        return out;
    }

    /** A search body: {@code size} hits sorted by time (events without one last) then key order. */
    ObjectNode page(ObjectNode query, boolean newest, int size) {
        ObjectNode body = NODES.objectNode().put("size", size).put("track_total_hits", false);
        body.set("query", query);
        ArrayNode sort = body.putArray("sort");
        sort.add(NODES.objectNode().set(OsFields.search(index.time()), NODES.objectNode().put("order", newest ? "desc" : "asc")
                .put("missing", "_last")));
        sort.add(NODES.objectNode().set(OsFields.order(index.key()), NODES.objectNode().put("order", "asc")));
        ArrayNode source = body.putArray("_source");
        stored.forEach(source::add);
        return body;
    }

    Optional<StoredEvent> event(String key) {
        ObjectNode body = page(index.dsl(KeywordTerms.exact(index.key(), key)), true, 1);
        JsonNode hits = index.search(body).path("hits").path("hits");
        return hits.isEmpty() ? Optional.empty() : Optional.of(event(hits.get(0)));
    }

    /** A hit as the local index's stored event: the exact original bytes, provenance, time and flags. */
    StoredEvent event(JsonNode hit) {
        JsonNode src = hit.path("_source");
        Schema s = index.schema();
        byte[] raw = SourceValues.bytes(src, s.derived(Derivation.RAW_EVENT).name());
        String key = SourceValues.first(src, index.key().name());
        if (raw == null || key == null) {
            throw new QueryException("document " + hit.path("_id").asText() + " in " + index.alias()
                    + " has no original event: it was not loaded by trailindex");
        }
        return new StoredEvent(key, raw, SourceValues.first(src, s.derived(Derivation.SOURCE_FILE).name()),
                SourceValues.number(src, s.derived(Derivation.SOURCE_RECORD).name()),
                SourceValues.number(src, s.derived(Derivation.SOURCE_OFFSET).name()),
                SourceValues.number(src, s.derived(Derivation.SOURCE_LINE).name()),
                SourceValues.time(src, index.time().name()),
                SourceValues.asDocValues(SourceValues.all(src, s.derived(Derivation.FLAGS).name())));
    }
}
