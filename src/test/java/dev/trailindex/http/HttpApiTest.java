package dev.trailindex.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.query.QueryTimeoutException;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API over the bundled samples: answers, errors, bounds and headers. */
class HttpApiTest {
    static TrailIndexServer server;
    static HttpClient client = HttpClient.newHttpClient();
    static SearchBackend search;

    @BeforeAll
    static void start() throws Exception {
        search = TestSupport.indexed(TestSupport.SAMPLES).search();
        server = TrailIndexServer.start(search, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                HttpLimits.defaults(), 8, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri().resolve(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(String pathAndQuery, int status) throws Exception {
        HttpResponse<byte[]> r = get(pathAndQuery);
        assertEquals(status, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        return TestSupport.JSON.readTree(r.body());
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void searchFacetsHistogramStatsHealth() throws Exception {
        assertEquals("ok", json("/health", 200).get("status").asText());
        assertEquals(79, json("/health", 200).get("events").asInt());
        JsonNode r = json("/api/search?q=" + q("eventName:ConsoleLogin"), 200);
        assertEquals(2, r.get("total").asInt());
        assertEquals(2, r.get("hits").size());
        assertTrue(r.get("cursor").isNull());
        assertTrue(r.get("tookMs").asLong() >= 0);
        assertEquals("ConsoleLogin", r.get("hits").get(0).get("event").get("eventName").asText());
        // The same query language and time filters as the CLI.
        assertEquals(search.count(SearchRequest.of("ip:198.51.100.0/24")), json("/api/search?limit=0&q=" + q("ip:198.51.100.0/24"), 200).get("total").asLong());
        assertEquals(33, json("/api/search?limit=0&from=2026-11-20T11:00&to=2026-11-20T11:59", 200).get("total").asInt());

        JsonNode f = json("/api/facets?q=" + q("errorCode:*") + "&field=errorCode&field=awsRegion&top=3", 200);
        assertEquals(9, f.get("total").asInt());
        assertEquals("AccessDenied", f.get("facets").get(0).get("top").get(0).get("value").asText());
        assertEquals(8, f.get("facets").get(0).get("top").get(0).get("count").asInt());

        JsonNode h = json("/api/histogram?interval=1h", 200);
        assertEquals(3600, h.get("intervalSeconds").asInt());
        assertEquals(79, h.get("total").asInt());
        assertEquals(6, h.get("buckets").size());

        assertEquals(79, json("/api/stats", 200).get("events").asInt());
        // No verify run on the samples: every event is unverified; the digest files in the folder are counted.
        JsonNode integrity = json("/api/facets?field=ti.integrity", 200).get("facets").get(0);
        assertEquals("unverified", integrity.get("top").get(0).get("value").asText());
        assertEquals(79, integrity.get("top").get(0).get("count").asInt());
        long digests;
        try (var files = java.nio.file.Files.walk(dev.trailindex.TestSupport.SAMPLES)) {
            digests = files.filter(p -> p.toString().contains("/CloudTrail-Digest/") && java.nio.file.Files.isRegularFile(p)).count();
        }
        assertEquals(digests, json("/api/stats", 200).get("digestFiles").asLong());
        assertTrue(json("/api/fields", 200).size() > 50);
    }

    @Test
    void pagesWithCursorsAndFetchesOriginalEvents() throws Exception {
        List<String> all = new ArrayList<>();
        json("/api/search?limit=100", 200).get("hits").forEach(x -> all.add(x.get("eventID").asText()));
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json("/api/search?limit=10" + (cursor == null ? "" : "&cursor=" + q(cursor)), 200);
            page.get("hits").forEach(x -> paged.add(x.get("eventID").asText()));
            cursor = page.get("cursor").isNull() ? null : page.get("cursor").asText();
        } while (cursor != null);
        assertEquals(all, paged);

        String id = all.get(0);
        HttpResponse<byte[]> e = get("/api/events/" + q(id));
        assertEquals(200, e.statusCode());
        assertArrayEquals(search.event(id).orElseThrow().json(), e.body());
        assertEquals("no event with that id", json("/api/events/nope", 404).get("error").asText());
    }

    @Test
    void errorsAreOneLineJsonWithoutInternals() throws Exception {
        JsonNode bad = json("/api/search?q=" + q("eventNam:x"), 400);
        assertTrue(bad.get("error").asText().contains("did you mean eventName"), bad.toString());
        for (String path : List.of("/api/search?q=" + q("eventName:(x"), "/api/search?limit=5000", "/api/search?sort=sideways",
                "/api/search?from=yesterday", "/api/search?cursor=garbage", "/api/facets", "/api/facets?field=text",
                "/api/histogram?interval=fortnight", "/api/search?q=a&q=b")) {
            JsonNode err = json(path, 400);
            String msg = err.get("error").asText();
            assertFalse(msg.contains("\n") || msg.contains("Exception") || msg.contains("/work/") || msg.contains("\tat "), path + ": " + msg);
        }
        // Queries the parser could not survive or Lucene could not run: 400 with a message, never a 500.
        assertTrue(json("/api/search?q=" + "(".repeat(1500) + "x" + ")".repeat(1500), 400).get("error").asText().contains("parentheses"));
        assertTrue(json("/api/search?q=" + q("eventName:/.*a.{500}/"), 400).get("error").asText().contains("too complex"));
        assertEquals("no such page", json("/nope", 404).get("error").asText());
        // A malformed escape, which Java's own client refuses to send, over a raw socket: refused before any handler
        // runs, as JSON like every other error (HttpSecurityTest covers the other malformed requests).
        try (java.net.Socket sock = new java.net.Socket(server.uri().getHost(), server.uri().getPort())) {
            sock.getOutputStream().write("GET /api/search?q=%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String response = new String(sock.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.endsWith("{\"error\":\"malformed request URI: escape special characters as %XX\"}"), response);
            assertTrue(response.startsWith("HTTP/1.1 400") && !response.contains("\tat ") && !response.contains("/work/"), response);
        }
    }

    @Test
    void readOnlyAndBounded() throws Exception {
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/search"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> delete = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/events/x")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, delete.statusCode());
        HttpResponse<String> body = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/search"))
                .method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(100))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, body.statusCode());
        assertEquals(414, get("/api/search?q=" + "a".repeat(9000)).statusCode());
        assertEquals(400, get("/api/search?q=" + "a".repeat(5000)).statusCode());
        HttpResponse<byte[]> head = client.send(HttpRequest.newBuilder(server.uri().resolve("/health"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
    }

    @Test
    void thePageIsSelfContainedAndLockedDown() throws Exception {
        HttpResponse<byte[]> page = get("/");
        assertEquals(200, page.statusCode());
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("trailindex"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.startsWith("default-src 'none'; script-src 'sha256-"), csp);
        assertTrue(csp.contains("connect-src 'self'") && !csp.contains("unsafe-eval"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        // Nothing from the internet: no absolute http(s) URLs in src/href attributes.
        assertFalse(html.matches("(?s).*(src|href)\\s*=\\s*[\"']?https?://.*"), "page references an external URL");
    }

    @Test
    void slowQueriesAreStoppedAtTheLimit() throws Exception {
        try (SearchBackend strict = LocalBackend.open(TestSupport.indexed(TestSupport.SAMPLES).dir(), TestSupport.SCHEMA, Duration.ZERO);
             TrailIndexServer s = TrailIndexServer.start(strict, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     HttpLimits.defaults(), 2, null)) {
            assertThrows(QueryTimeoutException.class, () -> strict.search(new SearchRequest("eventName:*", null, null, 10, null)));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(s.uri().resolve("/api/search?q=" + q("eventName:*"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("took longer than"), r.body());
        }
    }

    @Test
    void bindsWhereItIsTold() {
        assertTrue(server.uri().getHost().equals("127.0.0.1") || server.uri().getHost().equals("[::1]"), server.uri().toString());
        assertNotNull(URI.create(server.uri().toString()));
    }
}
