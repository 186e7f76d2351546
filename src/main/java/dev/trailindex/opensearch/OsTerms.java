package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.QueryTranslator.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.index.DocumentBuilder;
import dev.trailindex.query.QueryException;
import dev.trailindex.schema.FieldSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Exact term counts from terms aggregations: every value of a field among the matches with its number of events,
 * or a one-line error when there are more values than one answer may hold (never approximate counts).
 */
final class OsTerms {
    /** OpenSearch's default {@code search.max_buckets}. */
    static final int MAX_VALUES = 65_535;
    private static final int PATH_PAGE = 500;

    private final OsIndex index;

    OsTerms(OsIndex index) {
        this.index = index;
    }

    /** Events per value of {@code field} among the matches of {@code query}, values in key order. */
    Map<String, Long> counts(ObjectNode query, String field, String includeRegex) {
        ObjectNode terms = NODES.objectNode().put("field", field).put("size", MAX_VALUES).put("shard_size", MAX_VALUES);
        terms.set("order", NODES.objectNode().put("_key", "asc"));
        if (includeRegex != null) {
            terms.put("include", includeRegex);
        }
        ObjectNode body = NODES.objectNode().put("size", 0).put("track_total_hits", false);
        body.set("query", query);
        body.set("aggs", NODES.objectNode().set("v", NODES.objectNode().set("terms", terms)));
        JsonNode agg = index.search(body).path("aggregations").path("v");
        if (agg.path("sum_other_doc_count").asLong() > 0 || agg.path("doc_count_error_upper_bound").asLong() > 0) {
            throw new QueryException("more than " + MAX_VALUES + " distinct values of " + field
                    + " among the matches: the OpenSearch backend gives exact counts only; narrow the query");
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (JsonNode b : agg.path("buckets")) {
            out.put(b.path("key").asText(), b.path("doc_count").asLong());
        }
        return out;
    }

    /** The paths (lower case) of a flattened field, from its terms: a page at a time, skipping each path's other values. */
    TreeSet<String> paths(FieldSpec flattened) {
        TreeSet<String> out = new TreeSet<>();
        String after = null;
        while (true) {
            ObjectNode composite = NODES.objectNode().put("size", PATH_PAGE);
            composite.putArray("sources").add(NODES.objectNode().set("v", NODES.objectNode()
                    .set("terms", NODES.objectNode().put("field", OsFields.search(flattened)))));
            if (after != null) {
                composite.set("after", NODES.objectNode().put("v", after));
            }
            ObjectNode body = NODES.objectNode().put("size", 0).put("track_total_hits", false);
            body.set("aggs", NODES.objectNode().set("p", NODES.objectNode().set("composite", composite)));
            JsonNode buckets = index.search(body).path("aggregations").path("p").path("buckets");
            if (buckets.isEmpty()) {
                return out;
            }
            String last = null;
            for (JsonNode b : buckets) {
                String term = b.path("key").path("v").asText();
                int sep = term.indexOf(DocumentBuilder.PATH_SEPARATOR);
                if (sep >= 0) {
                    last = term.substring(0, sep);
                    out.add(last);
                }
            }
            String lastTerm = buckets.get(buckets.size() - 1).path("key").path("v").asText();
            // Every value of a path sorts before path + ' ' (the separator is below every printable character).
            after = last != null && lastTerm.startsWith(last + DocumentBuilder.PATH_SEPARATOR) ? last + ' ' : lastTerm;
        }
    }

    /** A Lucene regular expression matching exactly {@code literal} followed by anything. */
    static String literalPrefixRegex(String literal) {
        StringBuilder sb = new StringBuilder();
        literal.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                sb.appendCodePoint(c);
            } else {
                sb.append('\\').appendCodePoint(c);
            }
        });
        return sb.append(".*").toString();
    }
}
