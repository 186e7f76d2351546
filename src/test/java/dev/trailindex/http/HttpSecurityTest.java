package dev.trailindex.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import dev.trailindex.TestSupport;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client or web page can try against the server: other Host names (DNS rebinding), malformed and
 * oversized requests, bodies, terminal escapes for the access log, pipelining, slow clients (slowloris), clients
 * that stop reading, too many connections. Raw sockets send what java.net.http will not. Times are asserted only as
 * generous bounds ("closed within 30 s"); the slow-client figures are printed.
 */
class HttpSecurityTest {
    /** Deadlines short enough for a test: 2 s for a head, 2 s for a response. */
    static final ServerOptions STRICT = ServerOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    static SearchBackend search;
    static TrailIndexServer server;
    static ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        search = TestSupport.indexed(TestSupport.SAMPLES).search();
        server = TrailIndexServer.start(search, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), HttpLimits.defaults(), 4,
                new PrintStream(log, true, StandardCharsets.UTF_8), ServerOptions.defaults().withAllowedHosts(List.of("trail.example")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String host() {
        return server.uri().getHost();
    }

    /** A one-line JSON error with nosniff, no HTML, no stack trace, no exception class, no server path. */
    static void assertJsonError(RawHttp.Reply r, int status, String what) throws IOException {
        assertEquals(status, r.status(), what + ": " + r);
        assertEquals("application/json; charset=utf-8", r.header("Content-Type"), what);
        assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
        assertFalse(r.body().strip().contains("\n") || r.body().contains("<") || r.body().contains("Exception")
                || r.body().contains("\tat ") || r.body().contains("/work/") || r.body().contains(".java"), what + ": " + r.body());
        JsonNode json = TestSupport.JSON.readTree(r.body());
        assertEquals(1, json.size(), what + ": " + r.body());
        assertFalse(json.path("error").asText().isBlank(), what + ": " + r.body());
    }

    @Test
    void hostValuesThatNameTheServer() throws Exception {
        HostCheck loopback = HostCheck.forBind(InetAddress.getByName("127.0.0.1"), List.of("Trail.Example:9000", "::2"));
        for (String ok : List.of("127.0.0.1", "127.0.0.1:8080", "localhost", "LocalHost:1", "[::1]", "[::1]:8080",
                "[0:0:0:0:0:0:0:1]", "trail.example", "TRAIL.example:80", "[::2]", "localhost:")) {
            assertTrue(loopback.allows(ok), ok);
        }
        for (String bad : List.of("rebind.test", "rebind.test:8080", "127.0.0.1.nip.io", "localhost.", "::1", "[::1",
                "127.0.0.1:80:80", "127.0.0.1:port", "127.000.000.001", "127.1", "0x7f.0.0.1", "192.0.2.10", "", " ",
                "[fe80::1]", "[::1%25lo]", "evil@127.0.0.1", "127.0.0.1 evil", "[127.0.0.1]")) {
            assertFalse(loopback.allows(bad), bad);
        }
        assertFalse(loopback.allows(null));

        HostCheck specific = HostCheck.forBind(InetAddress.getByName("192.0.2.10"), List.of());
        assertTrue(specific.allows("192.0.2.10:8080"));
        assertFalse(specific.allows("localhost"));
        assertFalse(specific.allows("127.0.0.1"));

        HostCheck v6 = HostCheck.forBind(InetAddress.getByName("2001:db8::5"), List.of());
        assertTrue(v6.allows("[2001:db8::5]:8080") && v6.allows("[2001:DB8:0::5]"));
        assertFalse(v6.allows("2001:db8::5"));

        HostCheck wildcard = HostCheck.forBind(InetAddress.getByName("0.0.0.0"), List.of());
        assertTrue(wildcard.allows("127.0.0.1:8080") && wildcard.allows("localhost"));
        assertFalse(wildcard.allows("rebind.test"));
    }

    @Test
    void otherHostNamesGetA403() throws Exception {
        for (String bad : List.of("rebind.test", "rebind.test:" + server.uri().getPort(), "127.0.0.1.rebind.test")) {
            RawHttp.Reply r = RawHttp.exchange(server.uri(), RawHttp.get("/api/search?q=*:*", bad));
            assertJsonError(r, 403, bad);
            assertFalse(r.body().contains("eventID"));
        }
        assertJsonError(RawHttp.exchange(server.uri(), "GET /health HTTP/1.1\r\n\r\n"), 403, "no Host on HTTP/1.1");
        assertJsonError(RawHttp.exchange(server.uri(), "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: rebind.test\r\n\r\n"),
                403, "two Hosts");
        for (String ok : List.of(host(), host() + ":" + server.uri().getPort(), "localhost", "localhost:1", "[::1]:8080",
                "trail.example", "trail.example:443")) {
            assertEquals(200, RawHttp.exchange(server.uri(), RawHttp.get("/health", ok)).status(), ok);
        }
        assertEquals(200, RawHttp.exchange(server.uri(), "GET /health HTTP/1.0\r\n\r\n").status(), "HTTP/1.0 has no Host");
    }

    @Test
    void everyErrorIsOneLineJson() throws Exception {
        Map<String, Integer> cases = new LinkedHashMap<>();
        String h = "Host: " + host() + "\r\n";
        cases.put(RawHttp.get("/nope", host()), 404);
        cases.put("DELETE /api/search HTTP/1.1\r\n" + h + "\r\n", 405);
        cases.put("POST /api/search HTTP/1.1\r\n" + h + "Content-Length: 2\r\n\r\n{}", 405);
        cases.put("GET /api/search HTTP/1.1\r\n" + h + "Content-Length: 5\r\n\r\nhello", 413);
        cases.put("GET /api/search HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 413);
        cases.put(RawHttp.get("/api/search?q=" + "a".repeat(9000), host()), 414);
        cases.put(RawHttp.get("/api/search?q=" + "a".repeat(20_000), host()), 414);
        cases.put(RawHttp.get("/api/search?q=%ZZ", host()), 400);
        cases.put(RawHttp.get("/api/search?q=a|b", host()), 400);
        cases.put(RawHttp.get("/api/search?q=caf\u00e9", host()), 400);
        cases.put(RawHttp.get("http://rebind.test/api/search", host()), 400);
        cases.put("GARBAGE\r\n\r\n", 400);
        cases.put("GET /health HTTP/1.1 extra\r\n" + h + "\r\n", 400);
        cases.put("GET /health\r\n\r\n", 400);
        cases.put("G@T /health HTTP/1.1\r\n" + h + "\r\n", 400);
        cases.put("GET /health HTTP/2.0\r\n" + h + "\r\n", 505);
        cases.put("GET /health HTTP/1.1\r\n" + h + "X-Big: " + "b".repeat(20_000) + "\r\n\r\n", 431);
        cases.put("GET /health HTTP/1.1\r\n" + h + " folded: line\r\n\r\n", 400);
        cases.put("GET /health HTTP/1.1\r\n" + h + "Bad Name: x\r\n\r\n", 400);
        cases.put("GET /health HTTP/1.1\r\n" + h + "X-A: a\rb\r\n\r\n", 400);
        cases.put("GET /health HTTP/1.1\r\n" + h + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400);
        cases.put("GET /health HTTP/1.1\r\n" + h + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400);
        cases.put(RawHttp.get("/health", "rebind.test"), 403);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            String what = c.getKey().substring(0, Math.min(60, c.getKey().length())).replace("\r\n", "\\r\\n");
            assertJsonError(RawHttp.exchange(server.uri(), c.getKey()), c.getValue(), what);
        }
    }

    @Test
    void headAndKeepAliveOnOneSocket() throws Exception {
        try (RawHttp http = new RawHttp(server.uri())) {
            http.send("HEAD /health HTTP/1.1\r\nHost: " + host() + "\r\n\r\n");
            RawHttp.Reply head = http.read(true);
            assertEquals(200, head.status());
            assertEquals("application/json; charset=utf-8", head.header("Content-Type"));
            assertNull(head.header("Connection"));
            // The second request on the same socket gets a whole answer: HEAD left no stray body behind.
            http.send(RawHttp.get("/health", host()));
            RawHttp.Reply get = http.read(false);
            assertEquals(200, get.status());
            assertEquals(79, TestSupport.JSON.readTree(get.body()).path("events").asInt());
            http.send(RawHttp.get("/api/stats", host()));
            assertEquals(79, TestSupport.JSON.readTree(http.read(false).body()).path("events").asInt());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawHttp http = new RawHttp(server.uri())) {
            // Three requests in one write, with the blank line some clients add between them.
            http.send(RawHttp.get("/health", host()) + "\r\n" + RawHttp.get("/api/fields", host()) + RawHttp.get("/nope", host()));
            assertEquals("ok", TestSupport.JSON.readTree(http.read(false).body()).path("status").asText());
            RawHttp.Reply fields = http.read(false);
            assertEquals(200, fields.status());
            assertTrue(TestSupport.JSON.readTree(fields.body()).size() > 50);
            assertJsonError(http.read(false), 404, "third pipelined request");
            // Connection: close ends it after the answer.
            http.send("GET /health HTTP/1.1\r\nHost: " + host() + "\r\nConnection: close\r\n\r\n");
            RawHttp.Reply last = http.read(false);
            assertEquals("close", last.header("Connection"));
            assertTrue(http.closedWithin(30_000));
        }
    }

    @Test
    void controlCharactersNeverReachTheTerminal() throws Exception {
        String esc = "\u001b[2J\u001b]0;pwned\u0007";
        assertJsonError(RawHttp.exchange(server.uri(), esc + "GET /health HTTP/1.1\r\nHost: " + host() + "\r\n\r\n"), 400, "ESC method");
        assertJsonError(RawHttp.exchange(server.uri(), "GET /a" + esc + " HTTP/1.1\r\nHost: " + host() + "\r\n\r\n"), 400, "ESC path");
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("\u001b"));
        assertEquals("a\\u001b[2Jb\\u0007\\u009b\\u202e\\\\", AccessLog.escape("a\u001b[2Jb\u0007\u009b\u202e\\"));

        // An embedding program's server may pass such a method through; the filter still escapes it.
        ByteArrayOutputStream own = new ByteArrayOutputStream();
        RequestHead head = new RequestHead("G\u001b[31mET", URI.create("/x"), "HTTP/1.1", new Headers(), true, false);
        BufferedExchange exchange = new BufferedExchange(head, new InetSocketAddress(InetAddress.getLoopbackAddress(), 9),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080));
        new AccessLog(new PrintStream(own, true, StandardCharsets.UTF_8)).doFilter(exchange,
                new com.sun.net.httpserver.Filter.Chain(List.of(), ex -> ex.sendResponseHeaders(405, -1)));
        String line = own.toString(StandardCharsets.UTF_8);
        assertTrue(line.contains(" G\\u001b[31mET /x 405 ") && !line.contains("\u001b"), line);
    }

    @Test
    void theAccessLogSeesRefusedRequestsToo() throws Exception {
        RawHttp.exchange(server.uri(), RawHttp.get("/api/search?q=%ZZ", host()));
        RawHttp.exchange(server.uri(), RawHttp.get("/health", "rebind.test"));
        String lines = log.toString(StandardCharsets.UTF_8);
        assertTrue(lines.contains(" - - 400 "), lines);
        assertTrue(lines.contains(" GET /health 403 "), lines);
        assertFalse(lines.contains("%ZZ") || lines.contains("q="), "query strings stay out of the log");
    }

    /** Sockets connected but silent, to fill the connection bound. */
    static List<Socket> idle(URI uri, int n) throws IOException {
        List<Socket> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add(new Socket(uri.getHost(), uri.getPort()));
        }
        return s;
    }

    @Test
    void connectionsBeyondTheBoundGetA503() throws Exception {
        try (TrailIndexServer s = TrailIndexServer.start(search, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                HttpLimits.defaults(), 2, null, ServerOptions.defaults().withMaxConnections(4))) {
            List<Socket> held = idle(s.uri(), 4);
            WebDriver.waitFor(() -> s.openConnections() == 4, Duration.ofSeconds(30), "4 open connections");
            try (RawHttp fifth = new RawHttp(s.uri())) {
                assertJsonError(fifth.read(false), 503, "fifth connection");
            }
            for (Socket h : held) {
                h.close();
            }
            WebDriver.waitFor(() -> s.openConnections() == 0, Duration.ofSeconds(30), "the held connections to close");
            assertEquals(200, RawHttp.exchange(s.uri(), RawHttp.get("/health", "127.0.0.1")).status());
        }
    }

    static TrailIndexServer start(int threads, ServerOptions options) throws IOException {
        return TrailIndexServer.start(search, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), HttpLimits.defaults(),
                threads, null, options);
    }

    @Test
    void slowClientsCostASocketNotAWorker() throws Exception {
        try (TrailIndexServer s = start(4, STRICT)) {
            List<String> paths = LoadGenerator.mix(List.of("eventName:ConsoleLogin", "errorCode:* AND NOT eventSource:s3.amazonaws.com",
                    "ip:198.51.100.0/24", "attacker"), List.of("9a000117-9046-4dcf-b459-1097984dc387"));
            LoadGenerator.run(s.uri(), paths, 8, Duration.ofSeconds(2)); // warm-up, so that the two figures compare
            LoadGenerator.Result quiet = LoadGenerator.run(s.uri(), paths, 8, Duration.ofSeconds(3));
            LoadGenerator.Result busy;
            List<SlowClients.Connection> slow;
            // 24 trickled heads and 8 trickled bodies against 4 worker threads, reconnecting whenever closed.
            try (SlowClients attack = new SlowClients(s.uri(), 24, 8)) {
                Thread.sleep(1000);
                busy = LoadGenerator.run(s.uri(), paths, 8, Duration.ofSeconds(6));
                slow = attack.stopAndCollect();
            }
            long closed408 = slow.stream().filter(c -> c.received().startsWith("HTTP/1.1 408")).count();
            long closed413 = slow.stream().filter(c -> c.received().startsWith("HTTP/1.1 413")).count();
            long longest = slow.stream().mapToLong(SlowClients.Connection::millis).max().orElse(0);
            System.out.println("HttpSecurityTest without slow clients: " + quiet.summary());
            System.out.println("HttpSecurityTest beside 32 slow connections on 4 threads: " + busy.summary());
            System.out.printf("HttpSecurityTest slow connections: %d, answered 408 %d, answered 413 %d, longest %d ms%n",
                    slow.size(), closed408, closed413, longest);

            assertEquals(Map.of(200, busy.requests()), busy.statuses(), busy.summary());
            assertTrue(busy.requests() > 20, busy.summary());
            for (SlowClients.Connection c : slow) {
                assertTrue(c.millis() >= 0 && c.millis() < 30_000, "a slow connection lived " + c.millis() + " ms");
                assertTrue(c.received().isEmpty() || c.received().startsWith("HTTP/1.1 408") || c.received().startsWith("HTTP/1.1 413"),
                        c.received());
            }
            assertTrue(closed408 > 0 && closed413 > 0, closed408 + " " + closed413);
            // Idle keep-alive connections of the normal clients end at the head deadline too.
            WebDriver.waitFor(() -> s.openConnections() == 0, Duration.ofSeconds(30), "every connection to close");
        }
    }

    @Test
    void aClientThatStopsReadingIsDropped() throws Exception {
        try (TrailIndexServer s = start(2, STRICT); Socket sock = new Socket()) {
            sock.setReceiveBufferSize(4096);
            sock.connect(new InetSocketAddress(s.uri().getHost(), s.uri().getPort()));
            // 200 pipelined requests for about 100 KB each, and not a byte read: the server's writes stall.
            sock.getOutputStream().write(RawHttp.get("/api/search?limit=1000", host()).repeat(200).getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, RawHttp.exchange(s.uri(), "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").status());
            WebDriver.waitFor(() -> s.openConnections() == 0, Duration.ofSeconds(30), "the stalled connection to be dropped");
            String got;
            try {
                got = new String(sock.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                got = "";
            }
            int answers = got.split("HTTP/1.1 200", -1).length - 1;
            assertTrue(answers < 200, answers + " answers");
        }
    }
}
