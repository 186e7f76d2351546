package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.QueryTranslator.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.index.TermLimits;
import dev.trailindex.query.IndexStats;
import dev.trailindex.query.NestedPaths;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** What the events alias holds: totals, time span, files, top values; and the nested paths with their events. */
final class OsStats {
    private static final int FILTERS_PER_CALL = 500;

    private final OsIndex index;
    private final OsFacets facets;
    private final OsFiles files;

    OsStats(OsIndex index, OsFacets facets, OsFiles files) {
        this.index = index;
        this.facets = facets;
        this.files = files;
    }

    IndexStats stats(int top) {
        ObjectNode all = QueryTranslator.one("match_all", NODES.objectNode());
        FieldSpec time = index.time();
        ObjectNode body = NODES.objectNode().put("size", 0).put("track_total_hits", true);
        body.set("query", all);
        ObjectNode aggs = body.putObject("aggs");
        aggs.set("min", NODES.objectNode().set("min", NODES.objectNode().put("field", OsFields.search(time))));
        aggs.set("max", NODES.objectNode().set("max", NODES.objectNode().put("field", OsFields.search(time))));
        aggs.set("timed", NODES.objectNode().set("filter", LeafTranslator.exists(time)));
        JsonNode r = index.search(body);
        long events = r.path("hits").path("total").path("value").asLong();
        JsonNode a = r.path("aggregations");
        long timed = a.path("timed").path("doc_count").asLong();
        // Distinct files as the local index counts its terms (the path as a term: lower-cased unless exact-case).
        FieldSpec file = index.schema().derived(Derivation.SOURCE_FILE);
        long fileCount = new OsTerms(index).counts(all, OsFields.display(file), null).keySet().stream()
                .map(v -> TermLimits.term(v, file.caseInsensitive())).distinct().count();
        List<String> names = index.schema().summary().stream().map(FieldSpec::name).toList();
        OsFiles.Recorded recorded = files.recorded();
        return new IndexStats(events, edge(a.path("min")), edge(a.path("max")), events - timed, fileCount,
                recorded.files(), recorded.digests(), facets.count(all, names, top));
    }

    private static Long edge(JsonNode agg) {
        JsonNode v = agg.path("value");
        return v.isNumber() ? Long.valueOf(v.decimalValue().longValue()) : null;
    }

    /** The paths under {@code prefix} (a field or field.path, any case), each with the events holding it. */
    List<NestedPaths.PathCount> paths(String prefix) {
        String p = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT);
        List<NestedPaths.PathCount> out = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : index.paths().entrySet()) {
            List<String> under = e.getValue().stream().filter(path -> (e.getKey() + "." + path).toLowerCase(Locale.ROOT).startsWith(p)).toList();
            for (int from = 0; from < under.size(); from += FILTERS_PER_CALL) {
                List<String> batch = under.subList(from, Math.min(under.size(), from + FILTERS_PER_CALL));
                long[] counts = events(e.getKey(), batch);
                for (int i = 0; i < batch.size(); i++) {
                    out.add(new NestedPaths.PathCount(e.getKey() + "." + batch.get(i), counts[i]));
                }
            }
        }
        return out;
    }

    private long[] events(String field, List<String> paths) {
        ObjectNode filters = NODES.objectNode();
        for (int i = 0; i < paths.size(); i++) {
            filters.set(Integer.toString(i), QueryTranslator.one("prefix", NODES.objectNode().set(field,
                    NODES.objectNode().put("value", paths.get(i) + dev.trailindex.index.DocumentBuilder.PATH_SEPARATOR))));
        }
        ObjectNode body = NODES.objectNode().put("size", 0).put("track_total_hits", false);
        body.set("aggs", NODES.objectNode().set("p", NODES.objectNode().set("filters", NODES.objectNode().set("filters", filters))));
        JsonNode buckets = index.search(body).path("aggregations").path("p").path("buckets");
        long[] out = new long[paths.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = buckets.path(Integer.toString(i)).path("doc_count").asLong();
        }
        return out;
    }
}
