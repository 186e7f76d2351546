package dev.trailindex.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.TestSupport;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The values of an opened event in the browser (over {@link WebTestEvents}): each searches for itself. Skipped like
 * {@link WebPageBrowserTest} when Chromium is missing.
 */
class WebPageEventValuesBrowserTest {
    /**
     * Each value of an opened event searches for itself: the query box gets path:"value" with the path dotted and
     * escaped and the value quoted, and the server finds exactly that event. Shift-click adds it to the query.
     */
    @Test
    void aValueInAnOpenedEventSearchesForIt() throws Exception {
        WebDriver.requireOrSkip();
        SearchBackend search = WebTestEvents.indexed().search();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("requestParameters.bucketName", "requestParameters.bucketName:\"acme \\\"quoted\\\" bucket\\\\x\"");
        expected.put("requestParameters.tag key", "requestParameters.tag\\ key:\"v:1/2 (a) [b] *c?\"");
        expected.put("requestParameters.encryptionContext.aws:lambda:FunctionArn",
                "requestParameters.encryptionContext.aws\\:lambda\\:FunctionArn:\"arn:aws:lambda:eu-west-1:111122223333:function:f\"");
        expected.put("requestParameters.maxItems", "requestParameters.maxItems:\"" + WebTestEvents.BIG_NUMBER + "\"");
        expected.put("requestParameters.versioning", "requestParameters.versioning:\"true\"");
        expected.put("sourceIPAddress", "sourceIPAddress:\"2001:db8::7\"");
        expected.put("userAgent", "userAgent:\"aws-cli/2.15 \\\"quoted\\\" agent\"");
        expected.put("eventTime", "eventTime:\"2026-11-21T10:00:00Z\"");
        expected.put("eventID", "eventID:\"" + WebTestEvents.SUBJECT_ID + "\"");
        expected.put("userIdentity.arn", "userIdentity.arn:\"" + WebTestEvents.arn("alpha") + "\"");
        expected.put("readOnly", "readOnly:\"false\"");
        try (PageUnderTest page = new PageUnderTest(search)) {
            WebDriver web = page.web;
            page.open("/");
            page.waitForTotal(3);
            String subject = "#results tr.hit[data-id='" + WebTestEvents.SUBJECT_ID + "']";
            for (var e : expected.entrySet()) {
                String link = openAndFindValue(page, subject, e.getKey(), null);
                web.click(link);
                page.until("the query " + e.getValue(), () -> page.query().equals(e.getValue()));
                assertEquals(1, search.count(SearchRequest.of(e.getValue())), e.getValue());
                page.waitForTotal(1);
                page.open("/");
            }

            // Arrays add nothing to the path; a value starting with '/' and query words inside a value stay values.
            String vol = "requestParameters.tagSet.items.value:\"/vol/mysql\"";
            web.click(openAndFindValue(page, subject, "requestParameters.tagSet.items.value", "/vol/mysql"));
            page.until("the query " + vol, () -> page.query().equals(vol));
            page.waitForTotal(1);
            String wordsQuery = "requestParameters.tagSet.items.value:\"NOT OR AND\"";
            web.click(openAndFindValue(page, subject, "requestParameters.tagSet.items.value", "NOT OR AND"));
            page.until("the query " + wordsQuery, () -> page.query().equals(wordsQuery));
            page.waitForTotal(1);
            assertEquals(1, search.count(SearchRequest.of(vol)));
            assertEquals(1, search.count(SearchRequest.of(wordsQuery)));

            // Shift-click ANDs the value with the query shown.
            web.shiftClick(openAndFindValue(page, subject, "awsRegion", null));
            String and = wordsQuery + " AND awsRegion:\"eu-west-1\"";
            page.until("the query " + and, () -> page.query().equals(and));
            page.waitForTotal(1);

            // The JSON is the event's own, numbers to the last digit; unsearchable values are no links.
            openAndFindValue(page, subject, "eventName", null);
            String pre = web.text(web.find("#results tr.detail pre.json"));
            assertEquals(TestSupport.JSON.readTree(search.event(WebTestEvents.SUBJECT_ID).orElseThrow().json()), TestSupport.JSON.readTree(pre));
            assertTrue(pre.contains("\"maxItems\": " + WebTestEvents.BIG_NUMBER), pre);
            for (String path : List.of("addendum.reason", "requestParameters.empty", "requestParameters.nothing", "responseElements")) {
                assertEquals(0, count(web, "#results tr.detail a.jv[data-field='" + path + "']"), path);
            }
            assertEquals("addendum.reason is not a searchable field", page.js("return [...document.querySelectorAll("
                    + "'#results tr.detail pre.json span.js')].find(s => s.textContent === '\"not in the schema\"').title").asText());
        }
    }

    /** Opens the subject row (unless open) and returns the link of the value at path (with that value, if given). */
    private static String openAndFindValue(PageUnderTest page, String row, String path, String value) throws Exception {
        WebDriver web = page.web;
        page.until("the row " + row, () -> !web.findAll(row).isEmpty() && !page.busy());
        if (web.findAll("#results tr.detail").isEmpty()) {
            web.click(web.find(row));
        }
        String css = "#results tr.detail a.jv[data-field=" + cssString(path) + "]" + (value == null ? "" : "[data-value=" + cssString(value) + "]");
        page.until("a link for " + path, () -> !web.findAll(css).isEmpty());
        return web.find(css);
    }

    private static String cssString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static int count(WebDriver web, String css) {
        try {
            return web.findAll(css).size();
        } catch (Exception e) {
            return -1;
        }
    }
}
