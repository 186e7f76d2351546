package dev.trailindex.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.index.KeywordTerms;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.Schema;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What another backend needs of the local one's rules so that it gives the same answers: the request as the same
 * Lucene query, the same cursors, the same histogram buckets, the same scan values. The rules stay in this package;
 * this class only opens them.
 */
public final class BackendSupport {
    private final Schema schema;
    private final RequestQueries queries;
    private final FieldResolver resolver;

    public BackendSupport(Schema schema) {
        this.schema = schema;
        this.queries = new RequestQueries(schema, new NestedPaths(schema));
        this.resolver = new FieldResolver(schema);
    }

    public Schema schema() {
        return schema;
    }

    public FieldResolver resolver() {
        return resolver;
    }

    /**
     * The Lucene query of a request, as the local backend builds it; {@code paths} gives the nested paths the
     * events hold (called only when the query needs them), {@code strict} as for a search (hunts are not strict).
     */
    public Query toQuery(SearchRequest req, boolean strict, Supplier<Map<String, TreeSet<String>>> paths) {
        return queries.of(req, strict, paths);
    }

    /** The exact-value query of one facet value (a summary row, a hunt's group). */
    public Query valueQuery(String field, String value) {
        FieldResolver.Resolved r = resolver.resolve(field);
        return r.path() != null ? new TermQuery(new Term(r.spec().name(), FieldQueries.flatTerm(r.spec(), r.path(), value)))
                : new TermQuery(KeywordTerms.term(r.spec(), value));
    }

    /** The lower-cased term prefix ({@code path<US>}) of a nested path's values in its flattened field. */
    public static String pathPrefix(FieldResolver.Resolved r) {
        return FieldQueries.lower(r.spec(), r.path()) + dev.trailindex.index.DocumentBuilder.PATH_SEPARATOR;
    }

    /** What a cursor of {@code q} in {@code order} is bound to. */
    public static int cursorBind(Query q, Order order) {
        return Cursors.bind(q, order);
    }

    /** The cursor after the hit with these sort values (time, key order), as the local backend writes it. */
    public static String cursor(Order order, long time, long keyOrder, int bind) {
        return Cursors.encode(order, new FieldDoc(0, Float.NaN, new Object[] {time, keyOrder}), bind);
    }

    /** The sort values {time, key order} a cursor holds; one-line errors for another query, order or a foreign text. */
    public static long[] cursorValues(Order order, String cursor, int bind) {
        FieldDoc fd = (FieldDoc) Cursors.decode(order, cursor, bind);
        return new long[] {(Long) fd.fields[0], (Long) fd.fields[1]};
    }

    /** A histogram's buckets: interval, starts and ends, as the local backend plans them. */
    public record Buckets(Interval step, List<Long> starts, List<Long> ends) {
    }

    /** The buckets from the one holding {@code min} to the one holding {@code last} (null: {@code min}). */
    public static Buckets histogramBuckets(Interval interval, ZoneId zone, long min, Long last) {
        Aggregations.BucketPlan p = Aggregations.plan(interval, zone, min, last);
        List<Long> ends = new java.util.ArrayList<>();
        for (int i = 0; i < p.starts().size(); i++) {
            ends.add(p.end(i));
        }
        return new Buckets(p.step(), p.starts(), List.copyOf(ends));
    }

    /** The interval of a histogram that has no timed match. */
    public static Interval emptyHistogramInterval(Interval interval) {
        return Aggregations.emptyInterval(interval);
    }

    /**
     * How a scan reads a field: from the doc values of {@code docValues} (the original spelling, sorted, each once),
     * or else from the original event at {@code jsonPaths}.
     */
    public record ScanSource(String name, FieldSpec docValues, List<String> jsonPaths) {
    }

    public ScanSource scanSource(String name) {
        FieldResolver.Resolved r = resolver.resolve(name);
        ScanField sf = ScanField.of(name, r);
        return new ScanSource(name, sf.jsonPaths() == null ? r.spec() : null, sf.jsonPaths());
    }

    /** An original event's tree as a local scan reads it (a partial event: its whole top-level fields). */
    public static JsonNode parseEvent(byte[] raw, boolean partial) {
        return ScanField.parse(raw, partial);
    }

    /** The scalar values at a dotted path of an event, as a local scan reads them. */
    public static void collect(JsonNode event, String jsonPath, List<String> out) {
        ScanField.collect(event, jsonPath.split("\\."), 0, out);
    }

    /**
     * A field to facet on: a dotted path inside a flattened field (spec and path), or a facetable field (path null);
     * anything else is the local backend's one-line error.
     */
    public FieldResolver.Resolved facetField(String name) {
        FieldResolver.Resolved r = resolver.resolve(name);
        if (r.path() != null && r.spec().type() == dev.trailindex.schema.FieldType.FLATTENED) {
            return r;
        }
        if (r.path() != null || !r.spec().facet()) {
            throw Facets.notFacetable(name);
        }
        return r;
    }

    /** A lower-cased nested value as spelled in an event holding it at {@code path} from the event's root. */
    public static String spelledIn(JsonNode event, String path, String lower) {
        return PathFacets.spelledIn(event, path, lower);
    }
}
