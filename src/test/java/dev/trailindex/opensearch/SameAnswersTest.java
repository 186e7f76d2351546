package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.Views.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.query.Hunts;
import dev.trailindex.query.IndexStats;
import dev.trailindex.query.Interval;
import dev.trailindex.query.Order;
import dev.trailindex.query.Row;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.search.SearchBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same questions to the local index and to the cluster, over the same inputs (the samples and the real corpus),
 * and the answers compared exactly: counts, every page in both orders with its cursors and the exact bytes of each
 * hit, facets, histogram buckets, summaries, hunts, every event by key, all copies, stats, paths and scans. An
 * error is an answer too: both backends must give the same line. Trace and detect over both are in
 * {@link SameTraceAndDetectTest}.
 */
class SameAnswersTest {
    static final List<String> INPUTS = List.of("samples", "corpus");
    private static final int PAGE = 40;
    /**
     * Pages compared per typed query and order: enough for cursors across pages and both ends of the order; every
     * event's bytes are compared by key in another test, and the oracles' queries are paged to the end.
     */
    private static final int TYPED_PAGES = 10;
    private static final List<String> FACETS = List.of("eventName", "sourceIPAddress", "userIdentity.accessKeyId",
            "requestParameters.bucketName", "ti.credential", "errorCode", "related.accessKey");
    private static final List<String> SCAN_FIELDS = List.of("eventName", "sourceIPAddress", "userIdentity.accessKeyId",
            "errorCode", "related.accessKey", "ti.issuedKey", "requestParameters.bucketName", "userIdentity.arn", "errorMessage",
            "responseElements.credentials.accessKeyId");

    /** Queries a user types: every field kind, case, wildcards, prefixes, CIDR, ranges, nested paths, related.*. */
    static final List<String> TYPED = List.of("", "eventName:ConsoleLogin", "eventname:consolelogin", "EVENTNAME:CONSOLELOGIN",
            "action:Get*", "eventName:get*policy*", "eventName:*Bucket*", "eventName:?etObject", "eventSource:s3.amazonaws.com",
            "service:IAM.amazonaws.com", "errorCode:*", "NOT errorCode:*", "errorCode:AccessDenied OR errorCode:*UnauthorizedOperation",
            "sourceIPAddress:203.0.113.0/24", "ip:10.0.0.0/8", "ip:192.0.2.0/24 OR ip:198.51.100.0/24", "ip:[192.0.2.0 TO 192.0.2.100]",
            "ip:[* TO 100.0.0.0]", "ip:2001:db8::/32", "ip:*.amazonaws.com", "ip:AWS*", "related.ip:203.0.113.50", "related.ip:10.0.0.0/8",
            "related.accessKey:AKIA*", "related.accessKey:asia*", "related.arn:*ci-deploy*", "related.account:111122223333",
            "userIdentity.type:AssumedRole", "identity:iamuser", "userIdentity.arn:*assumed-role*", "key:ASIA*", "key:*",
            "userIdentity.sessionContext.sessionIssuer.userName:*", "userIdentity.sessionContext.attributes.mfaAuthenticated:true",
            "requestParameters.bucketName:*", "requestParameters.bucketName:acme*", "requestParameters.BucketName:ACME-finance-reports",
            "responseElements.credentials.accessKeyId:*", "requestParameters.roleArn:*", "requestParameters.instancesSet.items.instanceId:*",
            "requestParameters.noSuchPath:x", "eventTime:[2026-11-20T11:00 TO 2026-11-20T11:30]", "time:2026-11-20",
            "time:[* TO 2020-01-01}", "time:{2019-01-01 TO *]", "time:2017-06", "readOnly:false", "readOnly:true AND eventSource:ec2*",
            "errorMessage:denied", "errorMessage:\"not authorized\"", "errorMessage:\"is not authorized to perform\"~3", "AccessDenied",
            "ConsoleLogin", "denied", "ti.credential:iam-user", "ti.keyKind:*", "ti.flags:*", "NOT ti.flags:*", "ti.flags:partial",
            "ti.size:[1000 TO *]", "ti.size:[* TO 600}", "eventID:9a0*", "eventID:*", "requestID:*", "requestID:*a*", "awsRegion:us-*-1",
            "region:[a TO f]", "eventName:/get.*/", "eventName:/[a-c].*/ AND NOT errorCode:*", "eventName:consolelogn~",
            "userAgent:*aws-cli*", "ti.principal:*root*", "_exists_:userIdentity.accessKeyId", "ti.issuedKey:*", "ti.issuedTo:*",
            "ti.session:*", "eventType:AwsApiCall AND NOT eventSource:iam*", "(eventName:Create* OR eventName:Delete*) AND errorCode:*",
            "evntName:StopLogging", "eventName:(StopLogging", "resources.type:*", "resources.ARN:arn*", "tlsDetails.tlsVersion:TLSv1.2",
            "vpcEndpointId:*", "recipientAccountId:1*", "managementEvent:true", "sessionCredentialFromConsole:*",
            "additionalEventData.MFAUsed:No", "serviceEventDetails.*:*", "insightDetails.state:*", "eventCategory:Insight");

    static Stream<Arguments> typed() {
        return INPUTS.stream().flatMap(in -> TYPED.stream().map(q -> Arguments.of(in, q)));
    }

    /** The queries behind the Python oracles' expectations, over each input. */
    static Stream<Arguments> oracles() throws Exception {
        List<Arguments> out = new ArrayList<>();
        JsonNode expected = TestSupport.JSON.readTree(TestSupport.SAMPLES.resolve("expected.json").toFile());
        expected.get("queries").fields().forEachRemaining(e -> {
            int colon = e.getKey().indexOf(':');
            out.add(Arguments.of("samples", TestSupport.exact(e.getKey().substring(0, colon), e.getKey().substring(colon + 1))));
        });
        for (String in : INPUTS) {
            for (JsonNode q : TestSupport.queryExpectations(SameBackends.dir(in)).get("queries")) {
                out.add(Arguments.of(in, queryFor(q)));
            }
        }
        JsonNode corpus = TestSupport.pythonExpectations(TestSupport.corpus());
        for (JsonNode q : corpus.get("queries")) {
            out.add(Arguments.of("corpus", TestSupport.exact(q.get("field").asText(), q.get("value").asText())));
        }
        corpus.get("exists").fieldNames().forEachRemaining(f -> out.add(Arguments.of("corpus", f + ":*")));
        return out.stream();
    }

    static String queryFor(JsonNode q) {
        String field = q.get("field").asText();
        String value = q.get("value").asText();
        return switch (q.get("kind").asText()) {
            case "eq", "related" -> TestSupport.exact(field, value);
            case "exists" -> field + ":*";
            case "not-exists" -> "NOT " + field + ":*";
            default -> field + ":" + value;
        };
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("typed")
    void typedQueriesGiveTheSameAnswers(String input, String query) throws Exception {
        SameBackends b = SameBackends.of(input);
        SearchRequest req = new SearchRequest(query, null, null, PAGE, Order.NEWEST);
        b.same("count", s -> s.count(req));
        b.same("pages newest", s -> pages(s, req, TYPED_PAGES));
        b.same("pages oldest", s -> pages(s, new SearchRequest(query, null, null, PAGE, Order.OLDEST), TYPED_PAGES));
        b.same("facets", s -> s.facets(req, FACETS, 5));
        for (String interval : List.of("1h", "1d", "auto", "1mo", "7d")) {
            b.same("histogram " + interval, s -> s.histogram(req, Interval.parseOrAuto(interval)));
        }
        long[] span = b.span();
        if (span != null) {
            SearchRequest ranged = new SearchRequest(query, span[0], span[1], 7, Order.OLDEST);
            b.same("ranged count", s -> s.count(ranged));
            b.same("ranged pages", s -> pages(s, ranged, TYPED_PAGES));
            b.same("ranged histogram", s -> s.histogram(ranged, Interval.parseOrAuto("1h")));
            b.same("ranged facets", s -> s.facets(ranged, List.of("eventSource"), 3));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("oracles")
    void theOraclesQueriesGiveTheSameAnswers(String input, String query) throws Exception {
        SameBackends b = SameBackends.of(input);
        SearchRequest req = new SearchRequest(query, null, null, PAGE, Order.NEWEST);
        b.same("count", s -> s.count(req));
        b.same("pages", s -> allPages(s, req));
        b.same("facets", s -> s.facets(req, List.of("eventName", "awsRegion"), 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples", "corpus"})
    void summariesHuntsStatsAndPathsAgree(String input) throws Exception {
        SameBackends b = SameBackends.of(input);
        for (String by : List.of("ip", "principal", "key", "requestParameters.bucketName", "eventName")) {
            for (String q : List.of("", "errorCode:*", "key:AKIA*")) {
                b.same("summary " + by + " " + q, s -> s.summary(SearchRequest.of(q), by, 5));
            }
        }
        for (Hunts.Hunt h : Hunts.bundled().all()) {
            b.same("hunt " + h.name(), s -> s.hunt(h, SearchRequest.of(""), 5));
            b.same("hunt ranged " + h.name(), s -> s.hunt(h, new SearchRequest("", b.span()[0], b.span()[1], 0, Order.NEWEST), 3));
        }
        b.same("stats", s -> statsWithoutManifest(s.stats(5)));
        for (String prefix : List.of("", "requestParameters", "requestParameters.b", "responseElements.credentials", "nothing")) {
            b.same("paths " + prefix, s -> s.paths(prefix));
        }
        b.same("facets of every facetable field", s -> s.facets(SearchRequest.of(""), facetable(), 1000));
        b.same("bad facet", s -> s.facets(SearchRequest.of(""), List.of("errorMessage"), 5));
    }

    /** The files and digests the loads recorded are compared on their own: they live in each backend's bookkeeping. */
    private static IndexStats statsWithoutManifest(IndexStats s) {
        return new IndexStats(s.events(), s.first(), s.last(), s.withoutTime(), s.files(), 0, 0, s.top());
    }

    private static List<String> facetable() {
        return TestSupport.SCHEMA.fields().stream().filter(f -> f.facet()).map(f -> f.name()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples", "corpus"})
    void everyEventByKeyAndEveryCopyAgree(String input) throws Exception {
        SameBackends b = SameBackends.of(input);
        Set<String> keys = new LinkedHashSet<>();
        b.local().scan(SearchRequest.of(""), List.of(), r -> keys.add(r.key()));
        assertTrue(keys.size() > 50, "keys: " + keys.size());
        for (String k : keys) {
            b.same("event " + k, s -> s.event(k));
            b.same("event upper " + k, s -> s.event(k.toUpperCase(java.util.Locale.ROOT)));
        }
        b.same("no such event", s -> s.event("no-such-key"));
        List<String> conflicting = new ArrayList<>();
        b.local().scan(SearchRequest.of("ti.flags:conflicting-copies"), List.of(), r -> conflicting.add(r.key()));
        for (String k : conflicting) {
            b.same("copies " + k, s -> Views.events(s.allCopies(k)));
        }
        b.same("copies of none", s -> s.allCopies("no-such-key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples", "corpus"})
    void scansAgree(String input) throws Exception {
        SameBackends b = SameBackends.of(input);
        for (String q : List.of("", "errorCode:*", "related.accessKey:*", "ti.issuedKey:*", "time:[* TO 2020-01-01}")) {
            b.same("scan " + q, s -> scan(s, new SearchRequest(q, null, null, 0, Order.OLDEST), SCAN_FIELDS));
        }
        b.same("scan of a derived field", s -> scan(s, SearchRequest.of(""), List.of("text")));
    }

    private static List<Row> scan(SearchBackend s, SearchRequest req, List<String> fields) {
        List<Row> rows = new ArrayList<>();
        s.scan(req, fields, rows::add);
        return rows;
    }

    /** Every page of a search, each page's hits and the cursor it gave, until the last. */
    static String allPages(SearchBackend s, SearchRequest req) {
        return pages(s, req, Integer.MAX_VALUE);
    }

    /** The first {@code max} pages, each with its hits' exact bytes and its cursor. */
    static String pages(SearchBackend s, SearchRequest req, int max) {
        StringBuilder sb = new StringBuilder();
        SearchResult r = s.search(req);
        sb.append(Views.page(r));
        int pages = 1;
        while (r.nextCursor() != null && pages < max) {
            r = s.search(req.page(r.nextCursor()));
            sb.append("\n--- page ").append(++pages).append('\n').append(Views.page(r));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples", "corpus"})
    void aCursorFromAnotherQueryOrOrderIsRefusedAlike(String input) throws Exception {
        SameBackends b = SameBackends.of(input);
        SearchRequest req = new SearchRequest("", null, null, 3, Order.NEWEST);
        String cursor = b.local().search(req).nextCursor();
        assertEquals(cursor, b.cluster().search(req).nextCursor());
        b.same("other query", s -> s.search(new SearchRequest("errorCode:*", null, null, 3, Order.NEWEST, cursor, null)));
        b.same("other order", s -> s.search(new SearchRequest("", null, null, 3, Order.OLDEST, cursor, null)));
        b.same("not a cursor", s -> s.search(new SearchRequest("", null, null, 3, Order.NEWEST, "nonsense", null)));
        b.same("limit 0", s -> s.search(new SearchRequest("", null, null, 0, Order.NEWEST)));
        b.same("every event at once", s -> s.search(new SearchRequest("", null, null, 100_000, Order.OLDEST)));
        b.same("histogram of nothing", s -> s.histogram(SearchRequest.of("eventName:NoSuchThing"), null));
        b.same("histogram too fine", s -> s.histogram(SearchRequest.of(""), Interval.parseOrAuto("1ms")));
        b.same("day buckets in a zone", s -> s.histogram(new SearchRequest("", null, null, 0, Order.NEWEST, null,
                java.time.ZoneId.of("America/New_York")), Interval.of(Duration.ofDays(1))));
    }
}
