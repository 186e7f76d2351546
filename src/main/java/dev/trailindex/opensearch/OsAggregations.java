package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.QueryTranslator.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.query.ActorSummary;
import dev.trailindex.query.BackendSupport;
import dev.trailindex.query.FacetCounts;
import dev.trailindex.query.Histogram;
import dev.trailindex.query.HuntResult;
import dev.trailindex.query.Hunts;
import dev.trailindex.query.Interval;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Histograms, the actor sheet and hunts. A histogram's buckets are planned by the local backend's rules (calendar
 * intervals in the request's zone, the span of the matches or of the time range) and counted by one sparse
 * date_histogram where its buckets are provably the plan's, else by a range aggregation with exactly the plan's
 * bounds, so both backends give the same buckets, empty ones included.
 */
final class OsAggregations {
    /** Ranges per request, well under the cluster's bucket limit. */
    private static final int RANGES_PER_CALL = 10_000;

    private final OsIndex index;
    private final OsFacets facets;

    OsAggregations(OsIndex index, OsFacets facets) {
        this.index = index;
        this.facets = facets;
    }

    Histogram histogram(SearchRequest req, Interval interval) {
        ObjectNode q = index.dsl(req, true);
        long total = index.count(q);
        Long[] edges = edges(q);
        Long min = req.from() != null ? req.from() : edges[0];
        if (min == null) {
            Interval i = BackendSupport.emptyHistogramInterval(interval);
            return new Histogram(i.nominalMillis(), i.label(), List.of(), total);
        }
        Long last = req.to() != null ? Long.valueOf(req.to() - 1) : edges[1];
        BackendSupport.Buckets plan = BackendSupport.histogramBuckets(interval, req.zone(), min, last);
        List<Histogram.Bucket> buckets = new ArrayList<>();
        long inBuckets = 0;
        long[] sparse = sparse(q, plan, req.zone());
        if (sparse != null) {
            for (int i = 0; i < sparse.length; i++) {
                buckets.add(new Histogram.Bucket(plan.starts().get(i), sparse[i]));
                inBuckets += sparse[i];
            }
            return new Histogram(plan.step().nominalMillis(), plan.step().label(), buckets, total - inBuckets);
        }
        for (int from = 0; from < plan.starts().size(); from += RANGES_PER_CALL) {
            int to = Math.min(plan.starts().size(), from + RANGES_PER_CALL);
            long[] counts = ranges(q, plan.starts().subList(from, to), plan.ends().subList(from, to));
            for (int i = 0; i < counts.length; i++) {
                buckets.add(new Histogram.Bucket(plan.starts().get(from + i), counts[i]));
                inBuckets += counts[i];
            }
        }
        return new Histogram(plan.step().nominalMillis(), plan.step().label(), buckets, total - inBuckets);
    }

    /**
     * The plan's counts from one date_histogram of the non-empty buckets, when the cluster's buckets are provably the
     * plan's: a fixed width in a zone without daylight saving (the same floor arithmetic on both sides), or one
     * calendar day, week (from Monday), month or year. Every key the cluster returns must be a start of the plan, or
     * null is returned and the caller counts by explicit ranges. A long span at a fine interval (a year by the hour
     * is 8,760 buckets, mostly empty) costs one small request instead of a range per bucket.
     */
    private long[] sparse(ObjectNode q, BackendSupport.Buckets plan, java.time.ZoneId zone) {
        Interval step = plan.step();
        java.time.ZoneId z = zone == null ? java.time.ZoneOffset.UTC : zone;
        ObjectNode dh = NODES.objectNode().put("field", OsFields.search(index.time())).put("min_doc_count", 1)
                .put("time_zone", z.getId());
        String unit = switch (step.unit()) {
            case SECONDS -> "s";
            case MINUTES -> "m";
            case HOURS -> "h";
            default -> null;
        };
        if (unit != null) {
            if (!z.getRules().isFixedOffset()) {
                return null;
            }
            dh.put("fixed_interval", step.amount() + unit);
        } else {
            String cal = switch (step.unit()) {
                case DAYS -> "1d";
                case WEEKS -> "1w";
                case MONTHS -> "1M";
                case YEARS -> "1y";
                default -> null;
            };
            if (cal == null || step.amount() != 1) {
                return null;
            }
            dh.put("calendar_interval", cal);
        }
        ObjectNode body = NODES.objectNode().put("size", 0).put("track_total_hits", false);
        body.set("query", q);
        body.set("aggs", NODES.objectNode().set("b", NODES.objectNode().set("date_histogram", dh)));
        JsonNode got = index.search(body).path("aggregations").path("b").path("buckets");
        Map<Long, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < plan.starts().size(); i++) {
            at.put(plan.starts().get(i), i);
        }
        long[] counts = new long[plan.starts().size()];
        for (JsonNode b : got) {
            Integer i = at.get(b.path("key").asLong());
            if (i == null) {
                return null;
            }
            counts[i] = b.path("doc_count").asLong();
        }
        return counts;
    }

    /** The earliest and latest event time among the matches, null when none has a time. */
    private Long[] edges(ObjectNode q) {
        String time = OsFields.search(index.time());
        ObjectNode body = NODES.objectNode().put("size", 0).put("track_total_hits", false);
        body.set("query", q);
        ObjectNode aggs = body.putObject("aggs");
        aggs.set("min", NODES.objectNode().set("min", NODES.objectNode().put("field", time)));
        aggs.set("max", NODES.objectNode().set("max", NODES.objectNode().put("field", time)));
        JsonNode a = index.search(body).path("aggregations");
        return new Long[] {longOrNull(a.path("min")), longOrNull(a.path("max"))};
    }

    private static Long longOrNull(JsonNode agg) {
        JsonNode v = agg.path("value");
        return v.isNumber() ? Long.valueOf(v.decimalValue().longValue()) : null;
    }

    private long[] ranges(ObjectNode q, List<Long> starts, List<Long> ends) {
        ObjectNode range = NODES.objectNode().put("field", OsFields.search(index.time())).put("keyed", false);
        ArrayNode list = range.putArray("ranges");
        for (int i = 0; i < starts.size(); i++) {
            list.add(NODES.objectNode().put("from", starts.get(i)).put("to", ends.get(i)));
        }
        ObjectNode body = NODES.objectNode().put("size", 0).put("track_total_hits", false);
        body.set("query", q);
        body.set("aggs", NODES.objectNode().set("b", NODES.objectNode().set("range", range)));
        JsonNode buckets = index.search(body).path("aggregations").path("b").path("buckets");
        long[] counts = new long[starts.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = buckets.get(i).path("doc_count").asLong();
        }
        return counts;
    }

    List<ActorSummary> summary(SearchRequest req, String by, int top) {
        ObjectNode q = index.dsl(req, true);
        Schema.ActorSheet sheet = index.schema().actorSheet();
        OsTerms terms = new OsTerms(index);
        List<ActorSummary> rows = new ArrayList<>();
        for (FacetCounts.ValueCount v : facets.groups(q, by, top, false).top()) {
            ObjectNode sub = OsIndex.and(q, index.dsl(index.support().valueQuery(by, v.value())));
            long events = index.count(sub);
            Long[] span = edges(sub);
            Map<String, Integer> distinct = new LinkedHashMap<>();
            for (FieldSpec f : sheet.distinct()) {
                distinct.put(f.name(), terms.counts(sub, OsFields.display(f), null).size());
            }
            long errors = index.count(OsIndex.and(sub, LeafTranslator.exists(sheet.errors())));
            rows.add(new ActorSummary(v.value(), events, events > 0 ? span[0] : null, span[1], errors, distinct));
        }
        return rows;
    }

    HuntResult hunt(Hunts.Hunt hunt, SearchRequest range, int top) {
        SearchRequest req = new SearchRequest(hunt.query(), range.from(), range.to(), 0, Order.NEWEST, null, range.zone());
        ObjectNode q = index.dsl(req, false);
        long hits = index.count(q);
        boolean grouped = hunt.groupBy() != null && hits > 0;
        FacetCounts groups = grouped ? facets.groups(q, hunt.groupBy(), top, hunt.rarestFirst()) : null;
        return new HuntResult(hunt, hits, groups == null ? List.of() : groups.top(), groups == null ? 0 : groups.distinct());
    }
}
