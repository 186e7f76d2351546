package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.QueryTranslator.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.query.BackendSupport;
import dev.trailindex.query.Row;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.StoredEvent;
import dev.trailindex.schema.Derivation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every match, through a point in time and {@code search_after} pages, with the values a local scan gives: faceted
 * fields as their doc values (the original spelling, sorted, each once), other fields and nested paths from the
 * original event. Rows come oldest first, events without a time last, then by key, as locally.
 */
final class OsScan {
    private static final int PAGE = 1000;
    private static final String KEEP_ALIVE = "2m";

    private final OsIndex index;
    private final OsPages pages;

    OsScan(OsIndex index, OsPages pages) {
        this.index = index;
        this.pages = pages;
    }

    void scan(SearchRequest req, List<String> fields, Consumer<Row> each) {
        List<BackendSupport.ScanSource> wanted = fields.stream().map(n -> index.support().scanSource(n)).toList();
        ObjectNode query = index.dsl(req, true);
        String raw = index.schema().derived(Derivation.RAW_EVENT).name();
        boolean needRaw = wanted.stream().anyMatch(w -> w.jsonPaths() != null);
        String flags = index.schema().derived(Derivation.FLAGS).name();
        Set<String> source = new LinkedHashSet<>(List.of(index.key().name(), index.time().name()));
        if (needRaw) {
            source.add(raw);
            source.add(flags);
        }
        // Doc-values fields are read from the cluster's doc values (the original spelling), not from _source,
        // which keeps only the original and its place.
        ArrayNode docValues = NODES.arrayNode();
        wanted.stream().filter(w -> w.docValues() != null).map(w -> OsFields.display(w.docValues())).distinct()
                .forEach(docValues::add);
        List<Row> rows = new ArrayList<>();
        String pit = openPit();
        try {
            JsonNode after = null;
            while (true) {
                ObjectNode body = pages.page(query, false, PAGE);
                body.remove("_source");
                ArrayNode src = body.putArray("_source");
                source.forEach(src::add);
                if (!docValues.isEmpty()) {
                    body.set("docvalue_fields", docValues);
                }
                body.set("pit", NODES.objectNode().put("id", pit).put("keep_alive", KEEP_ALIVE));
                if (after != null) {
                    body.set("search_after", after);
                }
                JsonNode hits = index.calls().call("POST", "/_search", body).path("hits").path("hits");
                for (JsonNode h : hits) {
                    rows.add(row(h.path("_source"), h.path("fields"), wanted, needRaw ? raw : null, flags));
                }
                if (hits.size() < PAGE) {
                    break;
                }
                after = hits.get(hits.size() - 1).path("sort");
            }
        } finally {
            closePit(pit);
        }
        rows.sort(Comparator.comparing(Row::time, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Row::key));
        rows.forEach(each);
    }

    /** One hit as a row; {@code rawField} is null when no asked field is read from the original. */
    private Row row(JsonNode src, JsonNode docValues, List<BackendSupport.ScanSource> wanted, String rawField, String flagsField) {
        JsonNode event = null;
        byte[] raw = rawField == null ? null : SourceValues.bytes(src, rawField);
        if (raw != null) {
            boolean partial = SourceValues.all(src, flagsField).contains(StoredEvent.PARTIAL);
            event = BackendSupport.parseEvent(raw, partial);
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (BackendSupport.ScanSource w : wanted) {
            List<String> v = new ArrayList<>();
            if (w.jsonPaths() != null) {
                if (event != null) {
                    for (String jp : w.jsonPaths()) {
                        BackendSupport.collect(event, jp, v);
                    }
                }
            } else {
                List<String> got = new ArrayList<>();
                docValues.path(OsFields.display(w.docValues())).forEach(x -> got.add(x.asText()));
                v.addAll(SourceValues.asDocValues(got));
            }
            values.put(w.name(), List.copyOf(v));
        }
        return new Row(SourceValues.first(src, index.key().name()), SourceValues.time(src, index.time().name()), values);
    }

    private String openPit() {
        JsonNode r = index.calls().call("POST", "/" + index.alias() + "/_search/point_in_time?keep_alive=" + KEEP_ALIVE, null);
        return r.path("pit_id").asText();
    }

    private void closePit(String pit) {
        ObjectNode body = NODES.objectNode();
        body.putArray("pit_id").add(pit);
        index.calls().call("DELETE", "/_search/point_in_time", body);
    }
}
