package dev.trailindex.query;

import dev.trailindex.search.LocalBackend;
import dev.trailindex.search.SearchBackend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nested values are first-class: facets and the actor sheet over a dotted path agree with an independent count,
 * a path no event has fails with the nearest ones that exist, and keys with colons need no escaping.
 */
class NestedValuesTest {
    @TempDir
    Path tmp;

    @Test
    void facetsAndSummaryOverANestedPathMatchAnIndependentCount() throws Exception {
        Path corpus = TestSupport.corpus().toAbsolutePath().normalize();
        JsonNode expected = TestSupport.bucketExpectations(corpus);
        SearchBackend search = TestSupport.indexed(corpus).search();
        FacetCounts f = search.facets(SearchRequest.of(""), List.of("requestParameters.bucketName"), 1000).get(0);
        assertEquals(expected.get("events_with_bucket_name").asLong(), f.events());
        assertEquals(expected.get("bucket_name_values").size(), f.distinct());
        Map<String, Long> got = new HashMap<>();
        f.top().forEach(v -> got.put(v.value().toLowerCase(Locale.ROOT), v.count()));
        Map<String, Long> want = new HashMap<>();
        expected.get("bucket_name_values").properties().forEach(e -> want.put(e.getKey(), e.getValue().asLong()));
        assertEquals(want, got);
        // The actor sheet by bucket: its events are the facet's counts.
        List<ActorSummary> rows = search.summary(SearchRequest.of(""), "requestParameters.bucketName", 3);
        assertEquals(3, rows.size());
        for (ActorSummary a : rows) {
            assertEquals(want.get(a.value().toLowerCase(Locale.ROOT)).longValue(), a.events(), a.value());
        }
        // Narrowed by a query, and a derived field beside it.
        List<FacetCounts> two = search.facets(SearchRequest.of("eventName:AssumeRole"), List.of("requestParameters.roleArn", "ti.principal"), 3);
        assertEquals(2, two.size());
        assertTrue(two.get(0).top().get(0).value().contains("EMR_DefaultRole"), "shown as spelled in the events: " + two.get(0));
    }

    @Test
    void aPathNoEventHasGetsTheNearestOnesAndColonKeysNeedNoEscaping() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(logs.resolve("kms.json"), "{\"Records\":[{\"eventID\":\"k1\",\"eventName\":\"Decrypt\",\"eventTime\":\"2024-01-01T00:00:00Z\","
                + "\"requestParameters\":{\"bucketName\":\"b1\",\"encryptionContext\":{\"aws:lambda:FunctionArn\":\"arn:aws:lambda:us-east-1:111122223333:function:f\"}}},"
                + "{\"eventID\":\"k2\",\"eventName\":\"GetObject\",\"eventTime\":\"2024-01-01T00:00:01Z\",\"requestParameters\":{\"bucketName\":\"b2\"}}]}");
        Path index = tmp.resolve("index");
        TestSupport.index(index, 1, logs);
        try (SearchBackend search = LocalBackend.open(index, TestSupport.SCHEMA)) {
            QueryException typo = assertThrows(QueryException.class, () -> search.count(SearchRequest.of("requestParameters.bucketNam:b1")));
            assertTrue(typo.getMessage().contains("did you mean requestParameters.bucketname"), typo.getMessage());
            QueryException bogus = assertThrows(QueryException.class, () -> search.count(SearchRequest.of("requestParameters.bogusPath:x")));
            assertTrue(bogus.getMessage().contains("the nearest it has: requestParameters."), bogus.getMessage());
            QueryException object = assertThrows(QueryException.class, () -> search.count(SearchRequest.of("requestParamters.bucketName:b1")));
            assertTrue(object.getMessage().contains("did you mean requestParameters.bucketName"), object.getMessage());
            assertEquals(1, search.count(SearchRequest.of("requestParameters.encryptionContext.aws:lambda:FunctionArn:"
                    + "arn:aws:lambda:us-east-1:111122223333:function:f")));
            assertEquals(1, search.count(SearchRequest.of("requestParameters.encryptionContext.aws:lambda:FunctionArn:*")));
            // Escaped colons, as the web page writes them, still work.
            assertEquals(1, search.count(SearchRequest.of("requestParameters.encryptionContext.aws\\:lambda\\:FunctionArn:"
                    + "\"arn:aws:lambda:us-east-1:111122223333:function:f\"")));
            assertEquals(2, search.count(SearchRequest.of("requestParameters.bucketName:*")));
            List<NestedPaths.PathCount> paths = search.paths("requestParameters");
            assertEquals(List.of(new NestedPaths.PathCount("requestParameters.bucketname", 2),
                    new NestedPaths.PathCount("requestParameters.encryptioncontext.aws:lambda:functionarn", 1)), paths);
        }
    }
}
