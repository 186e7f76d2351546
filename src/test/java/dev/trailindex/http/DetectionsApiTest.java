package dev.trailindex.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.sigma.RuleLoader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/detections runs the rules given to serve --rules, in the request's time range, as detect's JSON. */
class DetectionsApiTest {
    @Test
    void detectionsAreServedWhenRulesAreLoaded() throws Exception {
        SearchBackend search = TestSupport.indexed(Path.of("src/test/resources/sigma/events")).search();
        var rules = new RuleLoader(Map.of()).load(List.of(Path.of("src/test/resources/sigma/rules"))).rules();
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (TrailIndexServer none = TrailIndexServer.start(search, at, HttpLimits.defaults(), 2, null)) {
            HttpResponse<String> r = CoverageApiTest.get(none, "/api/detections");
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains("serve --rules"), r.body());
        }
        try (TrailIndexServer server = TrailIndexServer.start(search, at, HttpLimits.defaults(), 2, null, ServerOptions.defaults(), rules)) {
            HttpResponse<String> r = CoverageApiTest.get(server, "/api/detections");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode doc = TestSupport.JSON.readTree(r.body());
            assertEquals(rules.size(), doc.path("rules").size());
            assertEquals(2, doc.path("summary").path("untranslatable").asInt());
            assertTrue(doc.path("summary").path("tactics").has("initial-access"), doc.path("summary").toString());
            assertTrue(doc.path("summary").path("techniques").has("T1078"), doc.path("summary").toString());
            doc.path("rules").forEach(x -> assertEquals("trailindex tests", x.path("author").asText()));
            // Before the events: nothing fires.
            JsonNode early = TestSupport.JSON.readTree(CoverageApiTest.get(server, "/api/detections?to=2026-03-01T09:00Z").body());
            assertEquals(0, early.path("summary").path("fired").asInt());
        }
    }
}
