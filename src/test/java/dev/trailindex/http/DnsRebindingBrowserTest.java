package dev.trailindex.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DNS rebinding attack in a real browser: Chromium resolves rebind.test to 127.0.0.1 (as an attacker's DNS
 * server would after the page has loaded), so a script on http://rebind.test:PORT/ is same-origin with the loopback
 * server and may read its answers. The Host check must refuse it while 127.0.0.1 keeps working. Skipped like
 * {@link WebPageBrowserTest} when Chromium is missing.
 */
class DnsRebindingBrowserTest {
    /** Runs fetch() in the page's origin; the script returns a promise, which WebDriver waits for. */
    private static final String FETCH = "return fetch('/api/search?q=*:*').then(r => r.text().then(t => ({status: r.status, "
            + "type: r.headers.get('Content-Type'), body: t})), e => ({status: -1, body: String(e)}));";

    @Test
    void aRebindingDomainCannotReadTheIndex() throws Exception {
        WebDriver.requireOrSkip();
        try (TrailIndexServer server = TrailIndexServer.start(TestSupport.indexed(TestSupport.SAMPLES).search(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), HttpLimits.defaults(), 4, null);
             WebDriver web = new WebDriver(List.of("--host-resolver-rules=MAP rebind.test 127.0.0.1"))) {
            int port = server.uri().getPort();
            web.open(URI.create("http://rebind.test:" + port + "/"));
            JsonNode attack = web.script(FETCH);
            assertEquals(403, attack.path("status").asInt(), () -> brief(attack));
            assertTrue(attack.path("type").asText().startsWith("application/json"), () -> brief(attack));
            assertTrue(attack.path("body").asText().contains("Host"), () -> brief(attack));
            assertTrue(!attack.path("body").asText().contains("eventID"), "no event may reach the rebinding page");

            web.open(URI.create("http://127.0.0.1:" + port + "/"));
            JsonNode own = web.script(FETCH);
            assertEquals(200, own.path("status").asInt(), () -> brief(own));
            assertEquals(79, TestSupport.JSON.readTree(own.path("body").asText()).path("total").asInt(), () -> brief(own));
        }
    }

    private static String brief(JsonNode r) {
        String body = r.path("body").asText();
        return r.path("status").asInt() + " " + body.substring(0, Math.min(200, body.length()));
    }
}
