package dev.trailindex.query;

import dev.trailindex.index.KeywordTerms;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.MultiLongValuesSource;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Date histograms (from lucene-facet's range counts) and the actor sheet. */
final class Aggregations {
    /** Intervals the automatic choice picks from, smallest first. */
    private static final List<Duration> AUTO = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30),
            Duration.ofDays(90), Duration.ofDays(365));
    private static final int AUTO_BUCKETS = 60;
    /** Bounds the ranges one request may ask lucene-facet to count (about 10 MB). */
    private static final int MAX_BUCKETS = 100_000;

    private final Schema schema;
    private final FieldResolver resolver;
    private final Facets facets;

    Aggregations(Schema schema, FieldResolver resolver, Facets facets) {
        this.schema = schema;
        this.resolver = resolver;
        this.facets = facets;
    }

    static Histogram histogram(IndexSearcher s, Query q, String timeField, Duration interval) throws IOException {
        long total = s.count(q);
        Long min = edge(s, q, timeField, false);
        if (min == null) {
            return new Histogram(interval == null ? AUTO.get(0).toMillis() : interval.toMillis(), List.of(), total);
        }
        long max = edge(s, q, timeField, true);
        long width = interval != null ? interval.toMillis() : auto(max - min);
        if (width <= 0) {
            throw new QueryException("the interval must be positive");
        }
        long first = Math.floorDiv(min, width) * width;
        long n = (max - first) / width + 1;
        if (n > MAX_BUCKETS) {
            throw new QueryException("that interval makes " + n + " buckets (at most " + MAX_BUCKETS
                    + "); use a larger --interval, auto, or a narrower time range");
        }
        LongRange[] ranges = new LongRange[(int) n];
        for (int i = 0; i < n; i++) {
            long start = first + i * width;
            ranges[i] = new LongRange(Integer.toString(i), start, true, start + width, false);
        }
        FacetsCollector fc = s.search(q, new FacetsCollectorManager());
        FacetResult r = new LongRangeFacetCounts(timeField, MultiLongValuesSource.fromLongField(timeField), fc, ranges)
                .getAllChildren(timeField);
        long[] counts = new long[(int) n];
        for (LabelAndValue lv : r.labelValues) {
            counts[Integer.parseInt(lv.label)] = lv.value.longValue();
        }
        List<Histogram.Bucket> buckets = new ArrayList<>();
        long inBuckets = 0;
        for (int i = 0; i < n; i++) {
            buckets.add(new Histogram.Bucket(first + i * width, counts[i]));
            inBuckets += counts[i];
        }
        return new Histogram(width, buckets, total - inBuckets);
    }

    private static long auto(long span) {
        for (Duration d : AUTO) {
            if (span / d.toMillis() < AUTO_BUCKETS) {
                return d.toMillis();
            }
        }
        return AUTO.getLast().toMillis();
    }

    /** The earliest (or latest) event time among the matches, or null if none has a time. */
    private static Long edge(IndexSearcher s, Query q, String timeField, boolean latest) throws IOException {
        TopDocs td = s.search(q, 1, Sorts.timeOnly(timeField, latest));
        if (td.scoreDocs.length == 0) {
            return null;
        }
        long v = (Long) ((FieldDoc) td.scoreDocs[0]).fields[0];
        return v == (latest ? Long.MIN_VALUE : Long.MAX_VALUE) ? null : v;
    }

    List<ActorSummary> summary(IndexSearcher s, Query q, String by, int top) throws IOException {
        FieldResolver.Resolved r = resolver.resolve(by);
        List<FacetCounts.ValueCount> values = facets.groups(s, q, by, top, false);
        Schema.ActorSheet sheet = schema.actorSheet();
        String timeField = schema.timeField().name();
        Map<String, StringDocValuesReaderState> states = new HashMap<>();
        for (FieldSpec f : sheet.distinct()) {
            states.put(f.name(), facets.state(s, f.name()));
        }
        List<ActorSummary> rows = new ArrayList<>();
        for (FacetCounts.ValueCount v : values) {
            Query sub = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                    .add(new TermQuery(KeywordTerms.term(r.spec(), v.value())),
                            BooleanClause.Occur.FILTER)
                    .build();
            FacetsCollector fc = s.search(sub, new FacetsCollectorManager());
            long[] span = timeSpan(fc, timeField);
            Map<String, Integer> distinct = new LinkedHashMap<>();
            for (FieldSpec f : sheet.distinct()) {
                FacetResult fr = new StringValueFacetCounts(states.get(f.name()), fc).getTopChildren(1, f.name());
                distinct.put(f.name(), fr == null ? 0 : fr.childCount);
            }
            long errors = s.count(new BooleanQuery.Builder().add(sub, BooleanClause.Occur.MUST)
                    .add(new FieldExistsQuery(sheet.errors().name()), BooleanClause.Occur.FILTER).build());
            rows.add(new ActorSummary(v.value(), span[2], span[2] > 0 && span[0] != Long.MAX_VALUE ? span[0] : null,
                    span[1] != Long.MIN_VALUE ? span[1] : null, errors, distinct));
        }
        return rows;
    }

    /** {min time, max time, matching docs} over the collected hits. */
    private static long[] timeSpan(FacetsCollector fc, String timeField) throws IOException {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long docs = 0;
        for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
            docs += md.totalHits();
            SortedNumericDocValues dv = md.context().reader().getSortedNumericDocValues(timeField);
            DocIdSetIterator it = md.bits() == null ? null : md.bits().iterator();
            if (dv == null || it == null) {
                continue;
            }
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (dv.advanceExact(doc)) {
                    long t = dv.nextValue();
                    min = Math.min(min, t);
                    max = Math.max(max, t);
                }
            }
        }
        return new long[] {min, max, docs};
    }
}
