package dev.trailindex.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server over an index and a headless Chromium on its page, for the browser tests. */
final class PageUnderTest implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern TOTAL = Pattern.compile("^([0-9,]+) matching event");

    final SearchBackend search;
    final TrailIndexServer server;
    final WebDriver web;

    PageUnderTest(SearchBackend search) throws Exception {
        this.search = search;
        this.server = TrailIndexServer.start(search, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                HttpLimits.defaults(), 8, null);
        WebDriver driver;
        try {
            driver = new WebDriver();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        this.web = driver;
    }

    /** Opens a page of the server ("/", "/?q=...") and waits until its search has been shown. */
    void open(String pathAndQuery) throws Exception {
        web.open(server.uri().resolve(pathAndQuery));
        until("the first search to be shown", () -> total() >= 0 && !busy());
    }

    /** The number in "N matching events", or -1 while there is none. */
    long total() throws Exception {
        Matcher m = TOTAL.matcher(web.text(web.find("#total")).strip());
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    boolean busy() throws Exception {
        return web.script("return document.body.classList.contains('busy')").asBoolean();
    }

    /** Waits until the page shows {@code expected} matches and has finished loading facets and timeline. */
    void waitForTotal(long expected) throws Exception {
        until("#total to show " + expected, () -> total() == expected && !busy());
    }

    String query() throws Exception {
        return web.script("return document.getElementById('q').value").asText();
    }

    JsonNode js(String script) throws Exception {
        return web.script(script);
    }

    /** Waits until {@code condition} holds; exceptions while waiting count as "not yet". */
    void until(String what, Callable<Boolean> condition) throws InterruptedException {
        WebDriver.waitFor(() -> {
            try {
                return Boolean.TRUE.equals(condition.call());
            } catch (Exception e) {
                return false;
            }
        }, WAIT, what);
    }

    @Override
    public void close() throws Exception {
        try {
            web.close();
        } finally {
            server.close();
        }
    }
}
