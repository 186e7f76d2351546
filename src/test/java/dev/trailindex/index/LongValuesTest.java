package dev.trailindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.TestSupport;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values longer than a Lucene term can hold are cut and marked, flagged, and still found by exact search. */
class LongValuesTest {
    @TempDir
    Path tmp;

    @Test
    void longValuesAreTruncatedNotDropped() throws Exception {
        String policy = "{\"Statement\":[" + "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"},".repeat(3000) + "]}";
        String agent = "agent-\u76e3\u8996-".repeat(5000);
        ObjectNode ev = TestSupport.JSON.createObjectNode();
        ev.put("eventID", "long-1").put("eventName", "PutBucketPolicy").put("eventTime", "2024-03-01T00:00:00Z")
                .put("userAgent", agent);
        ev.putObject("requestParameters").put("bucketName", "b").put("policy", policy);
        Path file = tmp.resolve("long.json");
        Files.writeString(file, TestSupport.JSON.writeValueAsString(ev));
        Path idx = tmp.resolve("idx");
        IngestReport r = TestSupport.index(idx, 1, file);
        assertEquals(1, r.indexed());
        assertTrue(r.clean());
        assertTrue(policy.length() > 30_000 && agent.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 32_766);
        try (SearchBackend s = LocalBackend.open(idx, TestSupport.SCHEMA)) {
            for (String q : new String[] {"ti.flags:truncated", TestSupport.exact("userAgent", agent),
                    TestSupport.exact("requestParameters.policy", policy), "requestParameters.bucketName:b",
                    "requestParameters.policy:*", TestSupport.exact("userAgent", TermLimits.truncate(agent))}) {
                assertEquals(1, s.count(new SearchRequest(q, null, null, 0, Order.NEWEST)), q.length() > 80 ? q.substring(0, 80) : q);
            }
            assertEquals(0, s.count(new SearchRequest(TestSupport.exact("userAgent", "agent-"), null, null, 0, Order.NEWEST)));
            var facet = s.facets(SearchRequest.of(""), java.util.List.of("userAgent"), 1).get(0).top().get(0).value();
            assertTrue(facet.endsWith(TermLimits.MARKER), "facet value shows the marker");
            assertTrue(facet.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= TermLimits.MAX_TERM_BYTES);
        }
    }
}
