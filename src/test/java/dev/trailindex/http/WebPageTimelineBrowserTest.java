package dev.trailindex.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import dev.trailindex.query.TimeRange;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timeline in the browser, over the bundled samples: its axis at several widths and after a zoom. Skipped like
 * {@link WebPageBrowserTest} when Chromium is missing.
 */
class WebPageTimelineBrowserTest {
    /** The timeline's labels: UTC times under their buckets, a day below, none overlapping, inside the chart. */
    @Test
    void theTimelineHasAReadableUtcAxis() throws Exception {
        WebDriver.requireOrSkip();
        SearchBackend search = TestSupport.indexed(TestSupport.SAMPLES).search();
        try (PageUnderTest page = new PageUnderTest(search)) {
            page.open("/");
            page.waitForTotal(79);
            JsonNode axis = axis(page);
            assertTrue(axis.path("cap").asText().contains("times in UTC"), axis.path("cap").asText());
            List<String> ticks = checkAxis(axis, "HH:mm");
            assertTrue(ticks.size() >= 6, ticks.toString());
            assertEquals(List.of("2026-11-20"), texts(axis, "day"));

            // Narrower: fewer labels, still apart.
            page.web.viewport(480, 900);
            page.until("the timeline to be redrawn", () -> axis(page).path("width").asDouble() < 480);
            List<String> narrow = checkAxis(axis(page), "HH:mm");
            assertTrue(narrow.size() >= 3 && narrow.size() < ticks.size(), narrow + " vs " + ticks);
            page.web.viewport(1280, 900);

            // Zoom into the busiest bucket: the time range becomes that bucket, the axis follows.
            int busiest = page.js("const b = [...document.querySelectorAll('#histogram rect.bar')];"
                    + "return b.reduce((m, r, i) => +r.getAttribute('height') > +b[m].getAttribute('height') ? i : m, 0)").asInt();
            JsonNode histogram = TestSupport.JSON.readTree(get(page, "/api/histogram?interval=auto"));
            long intervalMs = histogram.has("intervalMs") ? histogram.path("intervalMs").asLong() : histogram.path("intervalSeconds").asLong() * 1000;
            Instant start = Instant.parse(histogram.path("buckets").get(busiest).path("start").asText());
            Instant end = start.plusMillis(intervalMs);
            page.web.click(page.web.findAll("#histogram rect.bar").get(busiest));
            String from = start.toString(), to = end.minusSeconds(1).toString();
            page.until("the bucket's time range", () -> page.js("return document.getElementById('from').value").asText().equals(from)
                    && page.js("return document.getElementById('to').value").asText().equals(to));
            TimeRange range = TimeRange.of(from, to, null, ZoneOffset.UTC);
            page.waitForTotal(search.count(new SearchRequest("", range.from(), range.to(), 0, Order.NEWEST)));
            List<String> zoomed = checkAxis(axis(page), "HH:mm");
            assertTrue(zoomed.size() >= 3, zoomed.toString());
            for (String t : zoomed) {
                assertTrue(t.compareTo(from.substring(11, 16)) >= 0 && t.compareTo(to.substring(11, 16)) <= 0, t + " in " + from + ".." + to);
            }
        }
    }

    /** The bucket width comes from intervalMs when the server sends it, whatever intervalSeconds says. */
    @Test
    void theTimelineReadsIntervalMs() throws Exception {
        WebDriver.requireOrSkip();
        SearchBackend search = TestSupport.indexed(TestSupport.SAMPLES).search();
        try (PageUnderTest page = new PageUnderTest(search)) {
            page.open("/");
            page.waitForTotal(79);
            // Answers as a server with intervalMs would give them: the true width in ms, and a wrong intervalSeconds.
            page.js("""
                    const fetch0 = window.fetch;
                    window.fetch = (url, opts) => fetch0(url, opts).then(async (r) => {
                      if (!String(url).startsWith('/api/histogram')) return r;
                      const h = await r.json();
                      h.intervalMs = h.intervalSeconds * 1000;
                      h.intervalSeconds = 7;
                      return new Response(JSON.stringify(h), {status: r.status, headers: {'Content-Type': 'application/json'}});
                    });
                    """);
            page.web.click(page.web.find("#search"));
            page.until("the caption from intervalMs", () -> axis(page).path("cap").asText().contains("15 min buckets"));
            checkAxis(axis(page), "HH:mm");
            page.web.click(page.web.findAll("#histogram rect.bar").get(0));
            page.until("the first bucket's time range", () -> page.js("return document.getElementById('to').value").asText()
                    .equals("2026-11-20T07:14:59Z"));
            assertEquals("2026-11-20T07:00:00Z", page.js("return document.getElementById('from').value").asText());
        }
    }

    private static String get(PageUnderTest page, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(page.server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The timeline's size, caption, labels and bars, in the SVG's pixels. */
    private static JsonNode axis(PageUnderTest page) throws Exception {
        return page.js("""
                const svg = document.querySelector('#histogram svg'), box = svg.getBoundingClientRect();
                const rel = (r) => ({l: r.left - box.left, r: r.right - box.left, t: r.top - box.top, b: r.bottom - box.top});
                return {width: box.width, height: box.height, cap: document.querySelector('.hist-cap').textContent,
                  labels: [...svg.querySelectorAll('text.tick, text.day')].map((t) => Object.assign(rel(t.getBoundingClientRect()),
                    {cls: t.getAttribute('class'), text: t.textContent, time: t.getAttribute('data-t')})),
                  bars: [...svg.querySelectorAll('rect.bar')].map((r) => ({x: +r.getAttribute('x'), w: +r.getAttribute('width')}))};
                """);
    }

    private static List<String> texts(JsonNode axis, String cls) {
        List<String> out = new ArrayList<>();
        axis.path("labels").forEach(l -> {
            if (l.path("cls").asText().equals(cls)) {
                out.add(l.path("text").asText());
            }
        });
        return out;
    }

    /**
     * Checks that no two labels overlap, that all lie inside the chart, and that each time label is its tick's time
     * in UTC and stands under the bar of the bucket that holds that time. Returns the time labels.
     */
    private static List<String> checkAxis(JsonNode axis, String pattern) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
        JsonNode labels = axis.path("labels"), bars = axis.path("bars");
        double width = axis.path("width").asDouble(), height = axis.path("height").asDouble();
        for (int i = 0; i < labels.size(); i++) {
            JsonNode a = labels.get(i);
            assertTrue(a.path("l").asDouble() >= -0.5 && a.path("r").asDouble() <= width + 0.5 && a.path("t").asDouble() >= -0.5
                    && a.path("b").asDouble() <= height + 0.5, "label inside the chart: " + a);
            for (int j = i + 1; j < labels.size(); j++) {
                JsonNode b = labels.get(j);
                boolean apart = a.path("r").asDouble() <= b.path("l").asDouble() || b.path("r").asDouble() <= a.path("l").asDouble()
                        || a.path("b").asDouble() <= b.path("t").asDouble() || b.path("b").asDouble() <= a.path("t").asDouble();
                assertTrue(apart, "labels overlap: " + a + " and " + b);
            }
        }
        double barStep = bars.size() > 1 ? bars.get(1).path("x").asDouble() - bars.get(0).path("x").asDouble() : bars.get(0).path("w").asDouble();
        List<String> out = new ArrayList<>();
        for (JsonNode l : labels) {
            if (!l.path("cls").asText().equals("tick")) {
                continue;
            }
            Instant t = Instant.ofEpochMilli(Long.parseLong(l.path("time").asText()));
            assertEquals(format.format(t), l.path("text").asText(), "a label is its time in UTC");
            out.add(l.path("text").asText());
            double centre = (l.path("l").asDouble() + l.path("r").asDouble()) / 2;
            if (l.path("l").asDouble() > 0.5) {    // a label at the left edge may be moved right to stay inside
                boolean under = false;
                for (JsonNode bar : bars) {
                    under |= centre >= bar.path("x").asDouble() - 1 && centre <= bar.path("x").asDouble() + barStep + 1;
                }
                assertTrue(under, "label under a bar: " + l);
            }
        }
        return out;
    }
}
