package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.QueryTranslator.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.query.BackendSupport;
import dev.trailindex.query.FacetCounts;
import dev.trailindex.query.FieldResolver;
import dev.trailindex.query.QueryException;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Facet counts as the local backend gives them: every value among the matches with its events (exact terms
 * aggregations), the most frequent first, ties by value; a nested path's values from its lower-cased terms, each
 * shown as spelled in an event that holds it.
 */
final class OsFacets {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<FacetCounts.ValueCount> BY_COUNT = Comparator.comparingLong(FacetCounts.ValueCount::count);

    private final OsIndex index;
    private final OsTerms terms;

    OsFacets(OsIndex index) {
        this.index = index;
        this.terms = new OsTerms(index);
    }

    /** The facets of a search: every name checked before any counting; ties by the value's bytes, as lucene-facet. */
    List<FacetCounts> count(ObjectNode query, List<String> names, int top) {
        if (top < 1) {
            throw new QueryException("--top must be at least 1");
        }
        List<FieldResolver.Resolved> fields = names.stream().map(n -> index.support().facetField(n)).toList();
        List<FacetCounts> out = new ArrayList<>();
        for (FieldResolver.Resolved r : fields) {
            out.add(r.path() != null ? path(query, r, top, false)
                    : plain(query, r.spec(), top, BY_COUNT.reversed().thenComparing((a, b) -> SourceValues.byCodePoints(a.value(), b.value()))));
        }
        return out;
    }

    /** A hunt's or a summary's groups: the most (or least) frequent first, ties by value. */
    FacetCounts groups(ObjectNode query, String name, int top, boolean rarestFirst) {
        FieldResolver.Resolved r = index.support().facetField(name);
        if (r.path() != null) {
            return path(query, r, top, rarestFirst);
        }
        return plain(query, r.spec(), top, (rarestFirst ? BY_COUNT : BY_COUNT.reversed()).thenComparing(FacetCounts.ValueCount::value));
    }

    private FacetCounts plain(ObjectNode query, FieldSpec f, int top, Comparator<FacetCounts.ValueCount> order) {
        Map<String, Long> counts = terms.counts(query, OsFields.display(f), null);
        if (counts.isEmpty()) {
            return new FacetCounts(f.name(), 0, 0, List.of(), 0);
        }
        long events = index.count(OsIndex.and(query, LeafTranslator.exists(f)));
        List<FacetCounts.ValueCount> shown = counts.entrySet().stream()
                .map(e -> new FacetCounts.ValueCount(e.getKey(), e.getValue())).sorted(order).limit(top).toList();
        long inTop = shown.stream().mapToLong(FacetCounts.ValueCount::count).sum();
        return new FacetCounts(f.name(), events, counts.size(), shown, Math.max(0, events - inTop));
    }

    private FacetCounts path(ObjectNode query, FieldResolver.Resolved r, int top, boolean rarestFirst) {
        String prefix = BackendSupport.pathPrefix(r);
        String field = OsFields.search(r.spec());
        ObjectNode atPath = QueryTranslator.one("prefix", NODES.objectNode().set(field, NODES.objectNode().put("value", prefix)));
        Map<String, Long> counts = terms.counts(OsIndex.and(query, atPath), field, OsTerms.literalPrefixRegex(prefix));
        long events = counts.isEmpty() ? 0 : index.count(OsIndex.and(query, atPath));
        Comparator<FacetCounts.ValueCount> order = (rarestFirst ? BY_COUNT : BY_COUNT.reversed()).thenComparing(FacetCounts.ValueCount::value);
        List<FacetCounts.ValueCount> sorted = counts.entrySet().stream()
                .map(e -> new FacetCounts.ValueCount(e.getKey().substring(prefix.length()), e.getValue())).sorted(order).toList();
        List<FacetCounts.ValueCount> shown = new ArrayList<>();
        long inTop = 0;
        for (FacetCounts.ValueCount v : sorted.subList(0, Math.min(top, sorted.size()))) {
            shown.add(new FacetCounts.ValueCount(spelled(query, r, prefix + v.value(), v.value()), v.count()));
            inTop += v.count();
        }
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        return new FacetCounts(r.spec().name() + "." + r.path(), events, counts.size(), shown, Math.max(0, all - inTop));
    }

    /** The value as spelled in the earliest matching event that holds it (the local index takes its first document). */
    private String spelled(ObjectNode query, FieldResolver.Resolved r, String term, String lower) {
        String field = OsFields.search(r.spec());
        ObjectNode holds = QueryTranslator.one("term", NODES.objectNode().put(field, term));
        ObjectNode body = new OsPages(index).page(OsIndex.and(query, holds), false, 1);
        JsonNode hits = index.search(body).path("hits").path("hits");
        if (hits.isEmpty()) {
            return lower;
        }
        byte[] raw = SourceValues.bytes(hits.get(0).path("_source"), index.schema().derived(Derivation.RAW_EVENT).name());
        try {
            return raw == null ? lower : BackendSupport.spelledIn(JSON.readTree(raw), r.spec().from().get(0) + "." + r.path(), lower);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
