package dev.trailindex.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page's layout at 1280 pixels wide, measured in the browser with getBoundingClientRect: nothing overlaps
 * (query bar, chips, facets, timeline, table, an opened event) and no text is cut while it has room. A cell
 * shortened on purpose fits, was too long to fit, and keeps its full value in its title; no column keeps room it
 * does not need while another cuts a value. Screenshots go to target/ (web-ui-1280.png is the README's picture,
 * src/docs/web-ui.png). Skipped like {@link WebPageBrowserTest} when Chromium is missing.
 */
class WebPageLayoutBrowserTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    private static final int EVENT_SOURCE = 2;
    private static final int USER = 3;
    private static final int ERROR_CODE = 5;

    /** Finds what is wrong with the layout; returns {problems: [...], cutByColumn: [...], cut: n}. */
    private static final String MEASURE = """
            const problems = [], q = (sel) => [...document.querySelectorAll(sel)], box = (e) => e.getBoundingClientRect();
            const name = (e) => (e.id ? '#' + e.id : e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className
              ? '.' + e.className.trim().split(/\\s+/).join('.') : '')) + ' "' + e.textContent.slice(0, 40) + '"';
            const visible = (e) => { const r = box(e); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
            const overlap = (a, b) => { const r = box(a), s = box(b);
              return r.left < s.right - 0.5 && s.left < r.right - 0.5 && r.top < s.bottom - 0.5 && s.top < r.bottom - 0.5; };
            const apart = (els, what) => { const v = els.filter(visible);
              for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++)
                if (overlap(v[i], v[j])) problems.push(what + ': ' + name(v[i]) + ' overlaps ' + name(v[j])); };
            const inside = (els, parent, what) => { if (!parent) return; const p = box(parent);
              for (const e of els.filter(visible)) { const r = box(e);
                if (r.left < p.left - 0.5 || r.right > p.right + 0.5 || r.top < p.top - 0.5 || r.bottom > p.bottom + 0.5)
                  problems.push(what + ': ' + name(e) + ' sticks out of ' + name(parent)); } };
            if (document.documentElement.scrollWidth > window.innerWidth)
              problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
            apart(['header', '.qrow', '#error', '#help', '#fieldlist', '#chips', '#facets', '.summary', '#histogram', '.table-wrap']
              .flatMap(q), 'regions');
            apart(q('.qrow > *'), 'query bar'); inside(q('.qrow > *'), q('.qrow')[0], 'query bar');
            apart(q('#help > *'), 'help line'); apart(q('#chips > .chip'), 'chips'); inside(q('#chips > .chip'), q('#chips')[0], 'chips');
            for (const c of q('#chips > .chip')) apart([...c.children], 'chip');
            apart(q('.facet-head'), 'facets'); apart(q('.facet-row'), 'facets');
            for (const h of q('.facet-head')) apart([...h.children], 'facet heading');
            for (const r of q('.facet-row')) { apart([...r.querySelectorAll('.fv, .fc, .facet-not')], 'facet value');
              inside([...r.querySelectorAll('.fv, .fc, .facet-not')], r, 'facet value'); }
            inside(q('#facets .facet'), q('#facets')[0], 'facets');
            inside(q('#histogram svg'), q('#histogram')[0], 'timeline');
            apart(q('#histogram svg text'), 'timeline labels'); inside(q('#histogram svg text'), q('#histogram svg')[0], 'timeline labels');
            inside(q('#results th, #results tr.hit td'), q('.table-wrap')[0], 'table');
            for (const s of q('#results .src')) apart([...s.children], 'event source line');
            inside(q('#results tr.detail pre'), q('.table-wrap')[0], 'opened event');
            // Text: never cut, unless shortened on purpose; then it fits, was too long, and the title has it all.
            const ctx = document.createElement('canvas').getContext('2d');
            const width = (e, text) => { const cs = getComputedStyle(e);
              ctx.font = cs.fontStyle + ' ' + cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily; return ctx.measureText(text).width; };
            const padX = (e) => { const cs = getComputedStyle(e); return parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight); };
            const full = (e) => e.classList.contains('fv') ? e.closest('.facet-value').getAttribute('data-value')
              : e.matches('td.c-err') ? e.title.split(': ')[0] : e.title;
            let cut = 0;
            for (const e of q('#stats, .qrow label, #search, .example, #fields-toggle, #chips .chip > span, .facet-name, .facet-head .dim,'
                + ' .fv, .fc, .facet-not, .facet-other, #total, .hist-cap, #results th, #results tr.hit td').filter(visible)) {
              if (e.scrollWidth > e.clientWidth) problems.push('text cut: ' + name(e) + ' ' + e.scrollWidth + ' > ' + e.clientWidth);
              if (!e.classList.contains('cut')) continue;
              cut++;
              let at = 0;
              for (const part of e.textContent.split('…')) {
                const i = e.title.indexOf(part, at);
                if (i < 0) { problems.push('shortened without its value in the title: ' + name(e) + ' title ' + e.title); break; }
                at = i + part.length;
              }
              if (width(e, full(e)) <= e.clientWidth - padX(e)) problems.push('shortened though it fits: ' + name(e));
            }
            // Columns: none keeps room it does not need while a cell is shortened.
            const rows = q('#results tr.hit'), heads = q('#results th');
            const cutByColumn = heads.map((_, c) => rows.filter((r) => r.cells[c].classList.contains('cut')).length);
            if (cutByColumn.some((n) => n > 0)) heads.forEach((th, c) => {
              const need = Math.max(width(th, th.textContent) + padX(th), ...rows.map((r) => width(r.cells[c], full(r.cells[c])) + padX(r.cells[c])));
              if (box(th).width - need > 10) problems.push('column ' + th.textContent + ' keeps ' + Math.round(box(th).width - need)
                + ' px it does not need while cells are cut (' + cutByColumn + ')');
            });
            return {problems, cutByColumn, cut};
            """;

    private static JsonNode measure(PageUnderTest page, String state) throws Exception {
        JsonNode m = page.js(MEASURE);
        List<String> problems = new ArrayList<>();
        m.path("problems").forEach(p -> problems.add(p.asText()));
        assertEquals(List.of(), problems, state);
        return m;
    }

    private static void save(PageUnderTest page, String file) throws Exception {
        Path shot = Path.of("target", file);
        Files.createDirectories(shot.getParent());
        Files.write(shot, page.web.screenshot());
        assertTrue(Files.size(shot) > 10_000, shot.toString());
    }

    @Test
    void at1280PixelsNothingOverlapsAndNoTextIsCutThatHasRoom() throws Exception {
        WebDriver.requireOrSkip();
        SearchBackend search = TestSupport.indexed(TestSupport.SAMPLES).search();
        try (PageUnderTest page = new PageUnderTest(search)) {
            WebDriver web = page.web;
            web.viewport(WIDTH, HEIGHT);
            page.open("/");
            page.waitForTotal(79);
            JsonNode all = measure(page, "all events");
            assertTrue(all.path("cut").asInt() > 0, "the samples' long ARNs are shortened: " + all);
            assertTrue(all.path("cutByColumn").get(USER).asInt() > 0, all.toString());
            save(page, "web-ui-1280-all.png");

            // A chip for the longest ARN is shortened too, and removing it brings everything back.
            String longest = page.js("return [...document.querySelectorAll(\".facet-value[data-field='userIdentity.arn']\")]"
                    + ".map((e) => e.getAttribute('data-value')).sort((a, b) => b.length - a.length)[0]").asText();
            web.click(web.find(".facet-value[data-field='userIdentity.arn'][data-value='" + longest + "']"));
            page.waitForTotal(search.count(SearchRequest.of(TestSupport.exact("userIdentity.arn", longest))));
            measure(page, "a long chip");
            assertEquals(longest, web.attribute(web.find("#chips .chip .cv.cut"), "title"));
            web.click(web.find("#chips .chip"));
            page.waitForTotal(79);

            // The README's picture: narrowed by a facet value and an exclusion, one event opened. Its short columns
            // keep their values whole while the long ones share the cut.
            web.click(web.find(".facet-value[data-field='eventSource'][data-value='iam.amazonaws.com']"));
            page.waitForTotal(search.count(SearchRequest.of("eventSource:\"iam.amazonaws.com\"")));
            web.click(web.find(".facet-not[data-field='ti.credential'][data-value='assumed-role']"));
            String q = "eventSource:\"iam.amazonaws.com\" AND NOT ti.credential:\"assumed-role\"";
            page.waitForTotal(search.count(SearchRequest.of(q)));
            assertEquals(q, page.query());
            web.click(web.find("#results tr.hit.err"));
            page.until("the event's JSON", () -> !web.findAll("#results tr.detail pre.json a.jv").isEmpty());
            JsonNode narrowed = measure(page, "narrowed, one event open");
            assertEquals(0, narrowed.path("cutByColumn").get(EVENT_SOURCE).asInt(), narrowed.toString());
            assertEquals(0, narrowed.path("cutByColumn").get(ERROR_CODE).asInt(), narrowed.toString());
            save(page, "web-ui-1280.png");
        }
    }

    /**
     * ARNs that differ only in the middle, in a facet and in the table: each shortened text shows a part that only
     * its own value has, so none can be read as another, and the title holds the whole value.
     */
    @Test
    void valuesAlikeAtBothEndsAreShortenedApart() throws Exception {
        WebDriver.requireOrSkip();
        SearchBackend search = WebTestEvents.indexed().search();
        List<String> arns = List.of(WebTestEvents.arn("alpha"), WebTestEvents.arn("bravo"), WebTestEvents.arn("delta"));
        try (PageUnderTest page = new PageUnderTest(search)) {
            page.web.viewport(WIDTH, HEIGHT);
            page.open("/");
            page.waitForTotal(3);
            measure(page, "three events");
            JsonNode facet = page.js("return [...document.querySelectorAll(\".facet-value[data-field='userIdentity.arn'] .fv\")]"
                    + ".map((e) => ({text: e.textContent, full: e.closest('.facet-value').getAttribute('data-value'), title: e.title}))");
            JsonNode column = page.js("return [...document.querySelectorAll('#results tr.hit')].map((r) => r.cells[" + USER + "])"
                    + ".map((e) => ({text: e.textContent, full: e.title, title: e.title}))");
            for (JsonNode group : List.of(facet, column)) {
                assertEquals(3, group.size(), group.toString());
                for (JsonNode v : group) {
                    assertTrue(arns.contains(v.path("full").asText()), v.toString());
                    assertTrue(v.path("text").asText().contains("…"), "shortened: " + v);
                    assertTrue(v.path("title").asText().contains(v.path("full").asText()), v.toString());
                    for (String other : arns) {
                        if (!other.equals(v.path("full").asText())) {
                            assertNotEquals(true, readableAs(v.path("text").asText(), other), v + " reads as " + other);
                        }
                    }
                }
            }
        }
    }

    /** Whether a shortened text could stand for value: its parts, split at the ellipses, occur in value in order. */
    static boolean readableAs(String text, String value) {
        String[] parts = text.split("…", -1);
        if (!value.startsWith(parts[0]) || !value.endsWith(parts[parts.length - 1])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = value.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        return at <= value.length() - parts[parts.length - 1].length();
    }
}
