package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code trailindex detect}: its report, JSON contract, one rule's events, --explain and exit statuses. */
class DetectCommandTest {
    static final String RULES = "src/test/resources/sigma/rules";
    static Path index;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void index() throws Exception {
        index = TestSupport.indexed(Path.of("src/test/resources/sigma/events")).dir();
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, out, err);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tableNamesEveryRuleWithItsAuthorAndTheUntranslatable() {
        Run r = run("detect", "--index", index.toString(), "--rules", RULES);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trailindex tests"), "the author is in the report");
        assertTrue(r.out().contains("untranslatable: selection: placeholder %bad_ips%"), r.out());
        assertTrue(r.out().contains("27 rules"), r.out());
    }

    @Test
    void jsonFollowsTheDocumentedContract() throws Exception {
        Run r = run("detect", "--index", index.toString(), "--rules", RULES, "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = TestSupport.JSON.readTree(r.out());
        assertEquals(27, doc.path("rules").size());
        for (JsonNode rule : doc.path("rules")) {
            for (String k : List.of("id", "title", "file", "level", "status", "tags", "author", "state", "reason", "hits", "first", "last", "query")) {
                assertTrue(rule.has(k), k + " in " + rule);
            }
        }
        assertEquals(2, doc.path("summary").path("untranslatable").asInt());
        JsonNode mfa = find(doc, "MFA no, any case");
        assertEquals("ok", mfa.path("state").asText());
        assertEquals(1, mfa.path("hits").asInt());
        assertEquals("2026-03-01T10:00:00Z", mfa.path("first").asText());
    }

    @Test
    void filtersByLevelAndTag() throws Exception {
        JsonNode high = TestSupport.JSON.readTree(run("detect", "--index", index.toString(), "--rules", RULES, "--format", "json", "--level", "high").out());
        high.path("rules").forEach(x -> assertEquals("high", x.path("level").asText()));
        JsonNode tagged = TestSupport.JSON.readTree(run("detect", "--index", index.toString(), "--rules", RULES, "--format", "json", "--tag", "t1078").out());
        assertEquals(5, tagged.path("rules").size());
    }

    @Test
    void oneRuleShowsItsEventsAsSearchDoes() throws Exception {
        Run r = run("detect", "--index", index.toString(), "--rules", RULES, "--format", "json", "Regex with D");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = TestSupport.JSON.readTree(r.out());
        assertEquals(1, doc.path("total").asInt(), r.out());
        assertEquals("trailindex tests", doc.path("rule").path("author").asText());
        Run t = run("detect", "booleans.yml", "--index", index.toString(), "--rules", RULES);
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("UpdateDetector") && t.out().contains("rds.amazonaws.com"), t.out());
    }

    @Test
    void explainPrintsTheQueryAndThePostFilter() {
        Run r = run("detect", "--index", index.toString(), "--rules", RULES + "/regex_nondigit.yml", "--explain");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("query: userIdentity.arn:*\\:assumed\\-role\\/aws\\:ec2\\-instance\\/i\\-0*"), r.out());
        assertTrue(r.out().contains("post-filter: userIdentity.arn|re /:assumed-role/aws:ec2-instance/i-0\\D/"), r.out());
    }

    @Test
    void badUsageIsTwo() {
        assertEquals(2, run("detect", "--index", index.toString()).code(), "--rules is required");
        assertEquals(2, run("detect", "--index", index.toString(), "--rules", "no/such/folder").code());
        assertEquals(2, run("detect", "--index", index.toString(), "--rules", RULES, "--level", "urgent").code());
        assertEquals(2, run("detect", "no such rule", "--index", index.toString(), "--rules", RULES).code());
        Run u = run("detect", "placeholder.yml", "--index", index.toString(), "--rules", RULES);
        assertEquals(2, u.code());
        assertTrue(u.err().contains("untranslatable"), u.err());
    }

    private static JsonNode find(JsonNode doc, String title) {
        for (JsonNode r : doc.path("rules")) {
            if (r.path("title").asText().equals(title)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + title);
    }
}
