package dev.trailindex.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.cli.Main;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/coverage serves the last 'verify --index' run, and the web page draws it and searches an hour on a click. */
class CoverageApiTest {
    @TempDir
    Path tmp;

    static int verify(String... args) {
        return Main.run(args, new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    static HttpResponse<String> get(TrailIndexServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void coverageIsServedOnceAVerifyRunIsRecorded() throws Exception {
        Path index = tmp.resolve("idx");
        TestSupport.index(index, 2, TestSupport.SAMPLES);
        try (SearchBackend search = LocalBackend.open(index, TestSupport.SCHEMA);
             TrailIndexServer server = TrailIndexServer.start(search, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     HttpLimits.defaults(), 4, null)) {
            HttpResponse<String> none = get(server, "/api/coverage");
            assertEquals(404, none.statusCode());
            assertTrue(none.body().contains("verify --index"), none.body());
            // The samples name a digest that is not there: exit 5, and the run is recorded all the same.
            assertEquals(5, verify("verify", "-q", "--index", index.toString(), TestSupport.SAMPLES.toString()));
            HttpResponse<String> r = get(server, "/api/coverage");
            assertEquals(200, r.statusCode());
            assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
            JsonNode c = TestSupport.JSON.readTree(r.body());
            assertEquals("problems", c.get("verdict").asText());
            assertEquals(1, c.get("summary").get("problemsByKind").get("missing-digest").asInt());
            assertTrue(c.get("hours").size() > 0);
            assertFalse(c.has("logFiles"), "the coverage document leaves out the per-file lists");
        }
        // A folder that is not an index is refused before anything is verified.
        Files.createDirectories(tmp.resolve("plain"));
        assertEquals(1, verify("verify", "-q", "--index", tmp.resolve("plain").toString(), TestSupport.SAMPLES.toString()));
        assertFalse(Files.exists(tmp.resolve("plain/ti-coverage.json")));
    }

    @Test
    void thePageDrawsTheCoverageAndAClickSearchesThatHour() throws Exception {
        WebDriver.requireOrSkip();
        Path index = tmp.resolve("idx");
        TestSupport.index(index, 2, TestSupport.SAMPLES);
        assertEquals(5, verify("verify", "-q", "--index", index.toString(), TestSupport.SAMPLES.toString()));
        try (SearchBackend search = LocalBackend.open(index, TestSupport.SCHEMA);
             TrailIndexServer server = TrailIndexServer.start(search, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     HttpLimits.defaults(), 4, null);
             WebDriver web = new WebDriver()) {
            web.open(server.uri());
            WebDriver.waitFor(() -> rows(web) == 4, Duration.ofSeconds(20), "four coverage rows (two accounts, two regions each)");
            assertEquals("1 problem", web.text(web.find("#cov-verdict")).strip());
            String cell = web.find(".cov-row .cc.s-missing-digest");
            assertEquals("2026-11-20T10", web.attribute(cell, "data-hour"));
            web.click(cell);
            long expected = search.count(SearchRequest.of("account:111122223333 AND region:us-east-1 AND "
                    + "eventTime:[2026-11-20T10:00 TO 2026-11-20T10:59]"));
            WebDriver.waitFor(() -> urlHas(web, "from=2026-11-20T10"), Duration.ofSeconds(20), "the hour's search");
            WebDriver.waitFor(() -> totalIs(web, expected), Duration.ofSeconds(20), "#total to show " + expected);
        }
    }

    private static int rows(WebDriver web) {
        try {
            return web.findAll("#cov-grid .cov-row").size();
        } catch (Exception e) {
            return -1;
        }
    }

    private static boolean urlHas(WebDriver web, String part) {
        try {
            return web.currentUrl().contains(part);
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean totalIs(WebDriver web, long n) {
        try {
            return web.text(web.find("#total")).strip().startsWith(String.format("%,d matching event", n));
        } catch (Exception e) {
            return false;
        }
    }
}
