package dev.trailindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.TestSupport;
import dev.trailindex.http.HttpLimits;
import dev.trailindex.http.TrailIndexServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web page's API served from the cluster answers as when served from the local index: the same status and
 * the same JSON for searches (paged by the cursor it gave), facets, histograms, stats, events, traces and errors.
 */
class ServeOnClusterTest {
    static TrailIndexServer local;
    static TrailIndexServer cluster;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        SameBackends b = SameBackends.of("samples");
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        local = TrailIndexServer.start(b.local(), any, HttpLimits.defaults(), 4, null);
        cluster = TrailIndexServer.start(b.cluster(), any, HttpLimits.defaults(), 4, null);
    }

    @AfterAll
    static void stop() {
        local.close();
        cluster.close();
    }

    private static String get(TrailIndexServer s, String pathAndQuery) throws Exception {
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(s.uri().resolve(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            JsonNode j = TestSupport.JSON.readTree(r.body());
            if (j instanceof ObjectNode o) {
                o.remove("tookMs");
                o.remove("filesRecorded");
                o.remove("digestFiles");
            }
            body = j.toString();
        }
        return r.statusCode() + " " + body;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theApiAnswersAlike() throws Exception {
        List<String> paths = List.of("/api/search?q=" + q("eventName:ConsoleLogin"), "/api/search?limit=5&q=" + q("key:AKIA*"),
                "/api/search?sort=oldest&limit=3&q=" + q("ip:203.0.113.0/24"), "/api/search?q=" + q("evntName:x"),
                "/api/search?q=" + q("eventName:(x"), "/api/search?from=2026-11-20T11:00&to=2026-11-20T11:10",
                "/api/facets?field=sourceIPAddress&field=requestParameters.bucketName&q=" + q("errorCode:*"),
                "/api/histogram?interval=1h", "/api/histogram?q=" + q("key:AKIAE3P2DLMCHEXAMPLE"), "/api/stats",
                "/api/health", "/api/fields", "/api/events/9a000117-9046-4dcf-b459-1097984dc387",
                "/api/events/no-such-event", "/api/trace?credential=AKIANFB33FS4NEXAMPLE",
                "/api/trace?credential=AKIAE3P2DLMCHEXAMPLE&depth=1", "/api/coverage");
        for (String p : paths) {
            assertEquals(get(local, p), get(cluster, p), p);
            SameBackends.COMPARED.incrementAndGet();
        }
    }

    @Test
    void pagingByTheCursorItGaveEndsAlike() throws Exception {
        String path = "/api/search?limit=7&q=" + q("");
        for (int page = 0; page < 20 && path != null; page++) {
            String want = get(local, path);
            assertEquals(want, get(cluster, path), path);
            JsonNode next = TestSupport.JSON.readTree(want.substring(4)).path("cursor");
            path = next.isTextual() ? "/api/search?limit=7&cursor=" + q(next.asText()) : null;
        }
    }
}
