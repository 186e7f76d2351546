package dev.trailindex.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchService;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web page end to end in Debian's headless Chromium: type a query, click a facet, see the table change, open
 * an event, follow a shared link, get a bad query's message. Needs chromium and chromium-driver (.ci/run installs
 * them); without them it is skipped with a message, unless trailindex.browser.required is set, as in CI.
 */
class WebPageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern TOTAL = Pattern.compile("^([0-9,]+) matching event");

    private static long total(WebDriver web) throws Exception {
        Matcher m = TOTAL.matcher(web.text(web.find("#total")).strip());
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    private static void waitForTotal(WebDriver web, long expected) throws InterruptedException {
        WebDriver.waitFor(() -> {
            try {
                return total(web) == expected;
            } catch (Exception e) {
                return false;
            }
        }, WAIT, "#total to show " + expected);
    }

    private static int rows(WebDriver web) throws Exception {
        return web.findAll("#results tr.hit").size();
    }

    @Test
    void searchFacetOpenShareAndError() throws Exception {
        WebDriver.requireOrSkip();
        SearchService search = TestSupport.indexed(TestSupport.SAMPLES).search();
        try (TrailIndexServer server = TrailIndexServer.start(search, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                HttpLimits.defaults(), 8, null);
             WebDriver web = new WebDriver()) {
            web.open(server.uri());
            waitForTotal(web, 79);

            // Type a query and search: the table shows exactly its events and the URL records it.
            String query = "errorCode:AccessDenied";
            web.clearAndType(web.find("#q"), query);
            web.click(web.find("#search"));
            long denied = search.count(SearchRequest.of(query));
            waitForTotal(web, denied);
            WebDriver.waitFor(() -> count(web) == denied, WAIT, "the table to show " + denied + " rows");
            assertTrue(web.currentUrl().contains("q=errorCode"), web.currentUrl());
            for (String id : web.findAll("#results tr.hit")) {
                String eventId = web.attribute(id, "data-id");
                assertEquals(1, search.count(SearchRequest.of(query + " AND ti.id:\"" + eventId + "\"")), eventId);
            }

            // Click a facet value: the query narrows, the counts follow the index.
            String facet = web.find(".facet-value[data-field='awsRegion']");
            String region = web.attribute(facet, "data-value");
            web.click(facet);
            long narrowed = search.count(SearchRequest.of(query + " AND awsRegion:\"" + region + "\""));
            assertTrue(narrowed < denied && narrowed > 0, region + " " + narrowed);
            waitForTotal(web, narrowed);
            WebDriver.waitFor(() -> count(web) == narrowed, WAIT, "the table to narrow to " + narrowed);
            assertTrue(web.currentUrl().contains("awsRegion"), web.currentUrl());

            // Open a row: the detail shows the original event of that row.
            String row = web.find("#results tr.hit");
            String rowId = web.attribute(row, "data-id");
            web.click(row);
            WebDriver.waitFor(() -> {
                try {
                    return !web.findAll("#results tr.detail pre.json").isEmpty()
                            && web.text(web.find("#results tr.detail pre.json")).contains(rowId);
                } catch (Exception e) {
                    return false;
                }
            }, WAIT, "the event's JSON to appear");
            JsonNode shown = TestSupport.JSON.readTree(web.text(web.find("#results tr.detail pre.json")));
            assertEquals(rowId, shown.get("eventID").asText());
            assertEquals(TestSupport.JSON.readTree(search.event(rowId).orElseThrow().json()), shown);

            Path shot = Path.of("target", "web-ui.png");
            Files.write(shot, web.screenshot());
            assertTrue(Files.size(shot) > 10_000);

            // A shared link opens the same search.
            web.open(server.uri().resolve("/?q=eventName%3AConsoleLogin"));
            waitForTotal(web, 2);
            assertEquals("eventName:ConsoleLogin", web.script("return document.getElementById('q').value").asText());

            // A bad query shows the server's one-line message and keeps the results.
            web.clearAndType(web.find("#q"), "eventNam:x");
            web.click(web.find("#search"));
            WebDriver.waitFor(() -> {
                try {
                    return web.text(web.find("#error")).contains("unknown field 'eventNam'");
                } catch (Exception e) {
                    return false;
                }
            }, WAIT, "the error message");
            assertEquals(2, total(web));
            assertEquals(List.of(), web.findAll("script[src]"), "no external scripts");
        }
    }

    private static int count(WebDriver web) {
        try {
            return rows(web);
        } catch (Exception e) {
            return -1;
        }
    }
}
