package dev.trailindex.query;

import dev.trailindex.search.SearchBackend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The forensic query surface over the samples and the real corpus. Every expected number comes from
 * src/test/python/query_expectations.py, which answers each question with hand-written Python predicates over the
 * raw events, independently of trailindex.
 */
class QueryFeaturesTest {
    private record Input(SearchBackend search, JsonNode expected) {
    }

    private static Input input(String name) throws Exception {
        Path dir = name.equals("samples") ? TestSupport.SAMPLES : TestSupport.corpus();
        return new Input(TestSupport.indexed(dir).search(), TestSupport.queryExpectations(dir));
    }

    private static long count(SearchBackend s, String q) {
        return s.count(new SearchRequest(q, null, null, 0, Order.NEWEST));
    }

    /** The query a user types for each kind of expectation. */
    static String queryFor(JsonNode q) {
        String field = q.get("field").asText();
        String value = q.get("value").asText();
        return switch (q.get("kind").asText()) {
            case "eq", "related" -> TestSupport.exact(field, value);
            case "exists" -> field + ":*";
            case "not-exists" -> "NOT " + field + ":*";
            case "wildcard", "cidr", "time-range" -> field + ":" + value;
            default -> throw new IllegalArgumentException(q.toString());
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples", "corpus"})
    void queriesMatchTheIndependentCounts(String name) throws Exception {
        Input in = input(name);
        assertEquals(in.expected().get("total").asLong(), count(in.search(), ""));
        for (JsonNode q : in.expected().get("queries")) {
            String query = queryFor(q);
            assertEquals(q.get("hits").asLong(), count(in.search(), query), q.get("name").asText() + ": " + query);
            if (q.get("kind").asText().equals("eq")) {
                // Field names are case-insensitive too.
                String lower = query.substring(0, query.indexOf(':')).toLowerCase(java.util.Locale.ROOT) + query.substring(query.indexOf(':'));
                assertEquals(q.get("hits").asLong(), count(in.search(), lower), lower);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples", "corpus"})
    void histogramsMatch(String name) throws Exception {
        Input in = input(name);
        JsonNode h = in.expected().get("histogram");
        SearchRequest req = SearchRequest.of(h.get("query").asText());
        Histogram days = in.search().histogram(req, Interval.of(Duration.ofDays(1)));
        List<String> got = new ArrayList<>();
        days.buckets().stream().filter(b -> b.count() > 0).forEach(b -> got.add(Instant.ofEpochMilli(b.start()) + "=" + b.count()));
        List<String> want = new ArrayList<>();
        h.get("interval_1d").forEach(b -> want.add(b.get(0).asText() + "=" + b.get(1).asLong()));
        assertEquals(want, got);
        assertEquals(h.get("total_with_time").asLong(), days.total());
        assertEquals(h.get("matching").asLong() - h.get("total_with_time").asLong(), days.withoutTime());

        Histogram hours = in.search().histogram(req, Interval.of(Duration.ofHours(1)));
        assertEquals(h.get("interval_1h").get("non_empty_buckets").asLong(), hours.buckets().stream().filter(b -> b.count() > 0).count());
        Histogram.Bucket max = hours.buckets().stream().max(java.util.Comparator.comparingLong(Histogram.Bucket::count)).orElseThrow();
        assertEquals(h.get("interval_1h").get("max_bucket").get(0).asText(), Instant.ofEpochMilli(max.start()).toString());
        assertEquals(h.get("interval_1h").get("max_bucket").get(1).asLong(), max.count());
        // auto picks an interval that keeps the chart readable and loses nothing.
        Histogram auto = in.search().histogram(req, (Interval) null);
        assertTrue(auto.buckets().size() <= 60, "auto buckets: " + auto.buckets().size());
        assertEquals(days.total(), auto.total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples", "corpus"})
    void actorSheetMatches(String name) throws Exception {
        Input in = input(name);
        JsonNode sum = in.expected().get("summary");
        List<ActorSummary> rows = in.search().summary(SearchRequest.of(sum.get("query").asText()), sum.get("by").asText(), 5);
        assertEquals(sum.get("top").size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode want = sum.get("top").get(i);
            ActorSummary got = rows.get(i);
            assertEquals(want.get("value").asText(), got.value());
            assertEquals(want.get("events").asLong(), got.events(), got.value());
            assertEquals(want.get("errors").asLong(), got.errors(), got.value());
            assertEquals(Instant.parse(want.get("first").asText()).toEpochMilli(), got.first(), got.value());
            assertEquals(Instant.parse(want.get("last").asText()).toEpochMilli(), got.last(), got.value());
            assertEquals(List.of(want.get("ips").asInt(), want.get("keys").asInt(), want.get("regions").asInt(), want.get("agents").asInt()),
                    List.copyOf(got.distinct().values()), got.value() + " " + got.distinct());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples", "corpus"})
    void huntsMatch(String name) throws Exception {
        Input in = input(name);
        Hunts hunts = Hunts.bundled();
        assertTrue(hunts.all().size() >= 15);
        JsonNode want = in.expected().get("hunts");
        assertEquals(want.size(), hunts.all().size());
        for (Hunts.Hunt h : hunts.all()) {
            HuntResult r = in.search().hunt(h, SearchRequest.of(""), 5);
            JsonNode w = want.get(h.name());
            assertEquals(w.get("hits").asLong(), r.hits(), h.name());
            if (w.has("groups")) {
                List<String> wantGroups = new ArrayList<>();
                w.get("groups").forEach(g -> wantGroups.add(g.get(0).asText() + "=" + g.get(1).asLong()));
                assertEquals(wantGroups, r.groups().stream().map(v -> v.value() + "=" + v.count()).toList(), h.name());
            }
        }
    }
}
