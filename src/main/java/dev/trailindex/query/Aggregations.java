package dev.trailindex.query;

import dev.trailindex.index.KeywordTerms;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
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

    /**
     * Matching events per bucket of {@code interval} (null: one chosen for about 60 buckets) in {@code zone}. With
     * {@code from}/{@code to} (either may be null) the buckets span that window, else the first to the last match.
     */
    static Histogram histogram(IndexSearcher s, Query q, String timeField, Interval interval, ZoneId zone, Long from, Long to)
            throws IOException {
        long total = s.count(q);
        Long min = from != null ? from : edge(s, q, timeField, false);
        if (min == null) {
            Interval i = emptyInterval(interval);
            return new Histogram(i.nominalMillis(), i.label(), List.of(), total);
        }
        Long last = to != null ? Long.valueOf(to - 1) : edge(s, q, timeField, true);
        BucketPlan plan = plan(interval, zone, min, last);
        Interval step = plan.step();
        List<Long> starts = plan.starts();
        int n = starts.size();
        LongRange[] ranges = new LongRange[n];
        for (int i = 0; i < n; i++) {
            ranges[i] = new LongRange(Integer.toString(i), starts.get(i), true, plan.end(i), false);
        }
        FacetsCollector fc = s.search(q, new FacetsCollectorManager());
        FacetResult r = new LongRangeFacetCounts(timeField, MultiLongValuesSource.fromLongField(timeField), fc, ranges)
                .getAllChildren(timeField);
        long[] counts = new long[n];
        for (LabelAndValue lv : r.labelValues) {
            counts[Integer.parseInt(lv.label)] = lv.value.longValue();
        }
        List<Histogram.Bucket> buckets = new ArrayList<>();
        long inBuckets = 0;
        for (int i = 0; i < n; i++) {
            buckets.add(new Histogram.Bucket(starts.get(i), counts[i]));
            inBuckets += counts[i];
        }
        return new Histogram(step.nominalMillis(), step.label(), buckets, total - inBuckets);
    }

    /**
     * The buckets of a histogram: their interval and starts, from the bucket holding {@code min} to the one holding
     * {@code last} (null: {@code min}), each ending where the next starts.
     */
    record BucketPlan(Interval step, List<Long> starts, ZoneId zone) {
        long end(int i) {
            return i + 1 < starts.size() ? starts.get(i + 1) : step.next(starts.get(i), zone);
        }
    }

    static BucketPlan plan(Interval interval, ZoneId zone, long min, Long last) {
        long max = last == null ? min : Math.max(min, last);
        Interval step = interval != null ? interval : Interval.of(Duration.ofMillis(auto(max - min)));
        List<Long> starts = new ArrayList<>();
        for (long b = step.floor(min, zone); b <= max; b = step.next(b, zone)) {
            starts.add(b);
            if (starts.size() > MAX_BUCKETS) {
                throw new QueryException("that interval makes more than " + MAX_BUCKETS
                        + " buckets; use a larger --interval, auto, or a narrower time range");
            }
        }
        return new BucketPlan(step, List.copyOf(starts), zone);
    }

    /** The interval of a histogram without any timed match. */
    static Interval emptyInterval(Interval interval) {
        return interval == null ? Interval.of(AUTO.get(0)) : interval;
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
        List<FacetCounts.ValueCount> values = facets.groups(s, q, by, top, false).top();
        Schema.ActorSheet sheet = schema.actorSheet();
        String timeField = schema.timeField().name();
        Map<String, StringDocValuesReaderState> states = new HashMap<>();
        for (FieldSpec f : sheet.distinct()) {
            states.put(f.name(), facets.state(s, f.name()));
        }
        List<ActorSummary> rows = new ArrayList<>();
        for (FacetCounts.ValueCount v : values) {
            Query sub = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                    .add(r.path() != null ? new TermQuery(new org.apache.lucene.index.Term(r.spec().name(),
                            FieldQueries.flatTerm(r.spec(), r.path(), v.value()))) : new TermQuery(KeywordTerms.term(r.spec(), v.value())),
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
