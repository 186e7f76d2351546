package dev.trailindex.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.query.Order;
import dev.trailindex.query.QueryException;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import dev.trailindex.query.TimeBounds;
import dev.trailindex.query.TimeRange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web page end to end in Debian's headless Chromium: type a query, click a facet, see the table change, open
 * an event, follow a shared link, get a bad query's message (in the page's words); exclude a facet value; give a
 * time range. Needs chromium and chromium-driver (.ci/run installs them); without them it is skipped with a
 * message, unless trailindex.browser.required is set, as in CI. The timeline, the values of an opened event and
 * the layout have their own tests (WebPageTimelineBrowserTest, WebPageEventValuesBrowserTest,
 * WebPageLayoutBrowserTest).
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
        SearchBackend search = TestSupport.indexed(TestSupport.SAMPLES).search();
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

            // A bad query shows the server's one-line message, in the page's words, and keeps the results.
            web.clearAndType(web.find("#q"), "eventNam:x");
            web.click(web.find("#search"));
            WebDriver.waitFor(() -> {
                try {
                    return web.text(web.find("#error")).contains("unknown field 'eventNam'");
                } catch (Exception e) {
                    return false;
                }
            }, WAIT, "the error message");
            String error = web.text(web.find("#error"));
            assertTrue(error.contains("did you mean eventName?") && error.contains("\"all fields\" list under the query box"), error);
            assertFalse(error.contains("trailindex fields"), "the page does not send people to the CLI: " + error);
            assertEquals(2, total(web));
            // ... and that list is there: the schema's fields, each of which goes into the query box.
            web.click(web.find("#fields-toggle"));
            long searchable = search.schema().fields().stream().filter(f -> f.index()).count();
            WebDriver.waitFor(() -> count(web, "#fieldlist button") == searchable, WAIT, "the fields list");
            for (String b : web.findAll("#fieldlist button")) {
                if (web.text(b).equals("eventName")) {
                    web.click(b);
                }
            }
            assertEquals("eventNam:x eventName:", web.script("return document.getElementById('q').value").asText());
            assertEquals(List.of(), web.findAll("script[src]"), "no external scripts");
        }
    }

    @Test
    void excludeAFacetValueAndRemoveItsChip() throws Exception {
        WebDriver.requireOrSkip();
        SearchBackend search = TestSupport.indexed(TestSupport.SAMPLES).search();
        try (PageUnderTest page = new PageUnderTest(search)) {
            WebDriver web = page.web;
            page.open("/");
            page.waitForTotal(79);

            // "not" beside a facet value excludes it: NOT field:"value", a chip, and the value leaves its facet.
            web.click(web.find(".facet-not[data-field='eventSource'][data-value='s3.amazonaws.com']"));
            String notS3 = "NOT eventSource:\"s3.amazonaws.com\"";
            long withoutS3 = search.count(SearchRequest.of(notS3));
            assertEquals(79 - search.count(SearchRequest.of("eventSource:\"s3.amazonaws.com\"")), withoutS3);
            page.waitForTotal(withoutS3);
            assertEquals(notS3, page.query());
            assertTrue(web.currentUrl().contains("q=NOT+eventSource"), web.currentUrl());
            List<String> chips = web.findAll("#chips .chip");
            assertEquals(1, chips.size());
            assertEquals(List.of("chip neg"), List.of(web.attribute(chips.get(0), "class")));
            assertEquals("NOT eventSource: s3.amazonaws.com ×", web.text(chips.get(0)).replaceAll("\\s+", " ").strip());
            assertEquals(0, count(web, ".facet-value[data-field='eventSource'][data-value='s3.amazonaws.com']"));
            assertEquals(0, page.js("return [...document.querySelectorAll('#results tr.hit')].filter(r => "
                    + "r.cells[2].textContent === 's3.amazonaws.com').length").asInt());

            // A facet value narrows as before, ANDed with the exclusion; "not" on that value turns it round.
            String region = web.attribute(web.find(".facet-value[data-field='awsRegion']"), "data-value");
            web.click(web.find(".facet-value[data-field='awsRegion']"));
            String both = notS3 + " AND awsRegion:\"" + region + "\"";
            page.waitForTotal(search.count(SearchRequest.of(both)));
            assertEquals(both, page.query());
            web.click(web.find(".facet-not[data-field='awsRegion'][data-value='" + region + "']"));
            String twoNots = notS3 + " AND NOT awsRegion:\"" + region + "\"";
            page.waitForTotal(search.count(SearchRequest.of(twoNots)));
            assertEquals(twoNots, page.query());
            assertEquals(2, count(web, "#chips .chip.neg"));

            // Removing the first chip leaves the other exclusion alone.
            web.click(web.findAll("#chips .chip").get(0));
            String left = "NOT awsRegion:\"" + region + "\"";
            page.waitForTotal(search.count(SearchRequest.of(left)));
            assertEquals(left, page.query());
            assertEquals(1, count(web, "#chips .chip.neg"));
        }
    }

    /** The time inputs hint at the format, with no value that would look like an active filter; a range works. */
    @Test
    void timeInputsShowTheFormatAndTakeARange() throws Exception {
        WebDriver.requireOrSkip();
        SearchBackend search = TestSupport.indexed(TestSupport.SAMPLES).search();
        try (PageUnderTest page = new PageUnderTest(search)) {
            WebDriver web = page.web;
            page.open("/");
            page.waitForTotal(79);
            for (String input : List.of("#from", "#to")) {
                String hint = web.attribute(web.find(input), "placeholder");
                assertEquals("YYYY-MM-DDThh:mmZ", hint);
                assertThrows(QueryException.class, () -> TimeBounds.parse(hint), "the hint is a format, not a time");
                assertEquals("", web.script("return document.querySelector('" + input + "').value").asText());
                assertTrue(web.attribute(web.find(input), "title").contains("UTC unless")
                        || web.attribute(web.find(input), "title").contains("inclusive"), input);
            }
            assertFalse(web.script("return !document.getElementById('clear-time').hidden").asBoolean(), "no time range is set");

            web.clearAndType(web.find("#from"), "2026-11-20T11:00Z");
            web.clearAndType(web.find("#to"), "2026-11-20T11:30");
            web.click(web.find("#search"));
            TimeRange range = TimeRange.of("2026-11-20T11:00Z", "2026-11-20T11:30", null, ZoneOffset.UTC);
            long inRange = search.count(new SearchRequest("", range.from(), range.to(), 0, Order.NEWEST));
            assertTrue(inRange > 0 && inRange < 79, String.valueOf(inRange));
            page.waitForTotal(inRange);
            assertTrue(web.currentUrl().contains("from=2026-11-20T11%3A00Z") && web.currentUrl().contains("to=2026-11-20T11%3A30"), web.currentUrl());
            web.click(web.find("#clear-time"));
            page.waitForTotal(79);
            assertEquals("", web.script("return document.getElementById('from').value").asText());
        }
    }

    private static int count(WebDriver web) {
        try {
            return rows(web);
        } catch (Exception e) {
            return -1;
        }
    }

    private static int count(WebDriver web, String css) {
        try {
            return web.findAll(css).size();
        } catch (Exception e) {
            return -1;
        }
    }
}
