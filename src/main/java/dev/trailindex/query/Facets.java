package dev.trailindex.query;

import dev.trailindex.schema.FieldSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/** Facet counts from lucene-facet over the keyword fields' sorted-set doc values. */
final class Facets {
    private final FieldResolver resolver;
    private final PathFacets paths;
    /** lucene-facet's per-field ordinal maps for the current reader: costly to build, valid until it changes. */
    private volatile StateCache cache = new StateCache(null);

    private record StateCache(Object readerKey, java.util.concurrent.ConcurrentHashMap<String, StringDocValuesReaderState> states) {
        StateCache(Object readerKey) {
            this(readerKey, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    StringDocValuesReaderState state(IndexSearcher s, String field) {
        var helper = s.getIndexReader().getReaderCacheHelper();
        Object key = helper == null ? s.getIndexReader() : helper.getKey();
        StateCache c = cache;
        if (c.readerKey() != key) {
            c = new StateCache(key);
            cache = c;
        }
        return c.states().computeIfAbsent(field, f -> {
            try {
                return new StringDocValuesReaderState(s.getIndexReader(), f);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    Facets(FieldResolver resolver, dev.trailindex.schema.Schema schema, dev.trailindex.index.RawEvents raw) {
        this.resolver = resolver;
        this.paths = new PathFacets(schema, raw);
    }

    /**
     * The {@code top} most frequent values of a facetable field among the matches (or the least frequent, for
     * {@code rarestFirst}), ties broken by value.
     */
    FacetCounts groups(IndexSearcher s, Query q, String field, int top, boolean rarestFirst) throws IOException {
        FieldResolver.Resolved path = nestedPath(field);
        if (path != null) {
            return paths.count(s, s.search(q, new FacetsCollectorManager()), path, top, rarestFirst);
        }
        FieldSpec f = facetable(field);
        FacetsCollector hits = s.search(q, new FacetsCollectorManager());
        if (f.type() == dev.trailindex.schema.FieldType.ENUM) {
            return EnumFacets.count(f, hits, top, rarestFirst);
        }
        StringValueFacetCounts counts = new StringValueFacetCounts(state(s, f.name()), hits);
        FacetResult r = rarestFirst ? counts.getAllChildren(f.name()) : counts.getTopChildren(top, f.name());
        if (r == null) {
            return new FacetCounts(f.name(), 0, 0, List.of(), 0);
        }
        java.util.Comparator<FacetCounts.ValueCount> byCount = java.util.Comparator.comparingLong(FacetCounts.ValueCount::count);
        List<FacetCounts.ValueCount> values = java.util.Arrays.stream(r.labelValues)
                .map(lv -> new FacetCounts.ValueCount(lv.label, lv.value.longValue()))
                .sorted((rarestFirst ? byCount : byCount.reversed()).thenComparing(FacetCounts.ValueCount::value))
                .limit(top)
                .toList();
        long shown = values.stream().mapToLong(FacetCounts.ValueCount::count).sum();
        return new FacetCounts(f.name(), r.value.longValue(), r.childCount, values, Math.max(0, r.value.longValue() - shown));
    }

    /** The dotted path inside a flattened field that {@code name} names, or null for a plain field. */
    private FieldResolver.Resolved nestedPath(String name) {
        FieldResolver.Resolved r = resolver.resolve(name);
        return r.path() != null && r.spec().type() == dev.trailindex.schema.FieldType.FLATTENED ? r : null;
    }

    private FieldSpec facetable(String name) {
        FieldResolver.Resolved r = resolver.resolve(name);
        if (r.path() != null || !r.spec().facet()) {
            throw notFacetable(name);
        }
        return r.spec();
    }

    static QueryException notFacetable(String name) {
        return new QueryException("field '" + name + "' cannot be faceted; facetable fields are marked in 'trailindex fields', "
                + "and any dotted path inside requestParameters, responseElements and the other nested objects can be");
    }

    List<FacetCounts> count(IndexSearcher s, Query q, List<String> fields, int top) throws IOException {
        if (top < 1) {
            throw new QueryException("--top must be at least 1");
        }
        // Every name resolved and checked before any counting: a bad one fails the request before work is done.
        List<FieldResolver.Resolved> nested = new ArrayList<>();
        List<FieldSpec> plain = new ArrayList<>();
        boolean anyNested = false;
        for (String name : fields) {
            FieldResolver.Resolved path = nestedPath(name);
            nested.add(path);
            plain.add(path == null ? facetable(name) : null);
            anyNested |= path != null;
        }
        // Over every event, lucene-facet counts the doc values directly (live documents only) instead of first
        // collecting a bit set of all of them; nested paths always need the matches, collected once for all fields.
        boolean all = q instanceof org.apache.lucene.search.MatchAllDocsQuery;
        boolean anyEnum = plain.stream().anyMatch(f -> f != null && f.type() == dev.trailindex.schema.FieldType.ENUM);
        FacetsCollector hits = all && !anyNested && !anyEnum ? null : s.search(q, new FacetsCollectorManager());
        List<FacetCounts> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (nested.get(i) != null) {
                out.add(paths.count(s, hits, nested.get(i), top, false));
                continue;
            }
            FieldSpec f = plain.get(i);
            if (f.type() == dev.trailindex.schema.FieldType.ENUM) {
                out.add(EnumFacets.count(f, hits, top, false));
                continue;
            }
            StringDocValuesReaderState state = state(s, f.name());
            StringValueFacetCounts counts = all ? new StringValueFacetCounts(state) : new StringValueFacetCounts(state, hits);
            FacetResult r = counts.getTopChildren(top, f.name());
            if (r == null) {
                out.add(new FacetCounts(f.name(), 0, 0, List.of(), 0));
                continue;
            }
            List<FacetCounts.ValueCount> values = new ArrayList<>();
            long shown = 0;
            for (LabelAndValue lv : r.labelValues) {
                values.add(new FacetCounts.ValueCount(lv.label, lv.value.longValue()));
                shown += lv.value.longValue();
            }
            out.add(new FacetCounts(f.name(), r.value.longValue(), r.childCount, values, Math.max(0, r.value.longValue() - shown)));
        }
        return out;
    }
}
