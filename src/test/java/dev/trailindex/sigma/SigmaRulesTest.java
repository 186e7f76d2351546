package dev.trailindex.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One small rule per modifier and condition form (src/test/resources/sigma/rules, written for these tests) over
 * hand-written events holding the facts page's pitfalls: MFAUsed No vs NO, errorCode null / absent / '', arrays,
 * JSON booleans and numbers, a regex with \D, a pure negation, an object-valued field, a field reference, a field
 * CloudTrail lacks. Expected hits come from the independent Python evaluator; the pitfalls are also asserted by hand.
 */
class SigmaRulesTest {
    static final Path EVENTS = Path.of("src/test/resources/sigma/events");
    static final Path RULES = Path.of("src/test/resources/sigma/rules");
    static Map<String, RuleResult> results;
    static SearchBackend backend;

    @BeforeAll
    static void run() throws Exception {
        backend = TestSupport.indexed(EVENTS).search();
        RuleLoader.Loaded loaded = new RuleLoader(Map.of()).load(List.of(RULES));
        assertEquals(1, loaded.otherLogsources(), "the Windows rule is left out");
        results = new TreeMap<>();
        for (RuleResult r : new Detector(backend).run(loaded.rules(), SearchRequest.of(""))) {
            results.put(RULES.relativize(r.rule().file()).toString(), r);
        }
    }

    @Test
    void everyRuleAgreesWithTheIndependentEvaluator() throws Exception {
        JsonNode expected = TestSupport.sigmaExpectations(EVENTS, RULES);
        assertEquals(expected.size(), results.size(), "rules: " + results.keySet());
        expected.properties().forEach(e -> {
            RuleResult r = results.get(e.getKey());
            String state = r.ok() ? "ok" : "untranslatable";
            assertEquals(e.getValue().path("state").asText(), state, e.getKey() + ": " + r.reason());
            if (r.ok()) {
                assertEquals(e.getValue().path("hits").asLong(), r.hits(), e.getKey() + " hits; query " + (r.plan() == null ? "" : r.plan().text()));
                assertEquals(e.getValue().path("first").asText(null), iso(r.first()), e.getKey() + " first");
                assertEquals(e.getValue().path("last").asText(null), iso(r.last()), e.getKey() + " last");
                List<String> windows = new java.util.ArrayList<>();
                e.getValue().path("windows").forEach(w -> windows.add(w.get(0).asText() + " " + w.get(1).asText() + " " + w.get(2) + " " + w.get(3)));
                assertEquals(windows, r.windows().stream().map(w -> iso(w.start()) + " " + iso(w.end()) + " "
                        + w.group().stream().map(g -> "\"" + g + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]")) + " " + w.count()).toList(), e.getKey());
            }
        });
    }

    @Test
    void pitfallsByHand() {
        assertEquals(1, hits("mfa_case.yml"), "'NO' matches CloudTrail's 'No'");
        assertEquals(0, hits("mfa_cased.yml"), "|cased keeps case");
        assertEquals(3, hits("null_absent.yml"), "null: absent, JSON null or '' (not AccessDenied)");
        assertEquals(1, hits("exists_true.yml"));
        assertEquals(1, hits("array_layers.yml"), "any element of an array");
        assertEquals(1, hits("array_nested.yml"), "arrays of objects of arrays");
        assertEquals(2, hits("booleans.yml"), "'true'/'false' match JSON booleans");
        assertEquals(2, hits("numbers.yml"), "22 matches a JSON number; gte compares numbers");
        assertEquals(1, hits("regex_nondigit.yml"), "\\D is not folded into \\d");
        assertEquals(1, hits("regex_flags.yml"));
        assertEquals(16, hits("pure_negation.yml"), "a purely negative condition is every event except");
        assertEquals(1, hits("specials.yml"), "Lucene syntax characters in values are literal");
        assertEquals(2, hits("object_all.yml"), "a string match on an object matches any value below it");
        assertEquals(1, hits("fieldref.yml"), "bob's profile changed by alice; alice's own is filtered");
        assertEquals(1, hits("unindexed.yml"));
        assertEquals(List.of("status"), results.get("unindexed.yml").plan().unindexed(), "status is reported as not indexed");
        assertEquals(1, results.get("v1_count.yml").windows().size());
        assertEquals(List.of("ec2.amazonaws.com"), results.get("v1_count.yml").windows().get(0).group());
        assertEquals(3, results.get("corr_event_count.yml").windows().get(0).count(), "event_count by eventSource");
        assertEquals(List.of("arn:aws:iam::111122223333:user/alice"), results.get("corr_temporal.yml").windows().get(0).group(),
                "temporal_ordered grouped through an alias");
        assertEquals(3, results.get("corr_value_count.yml").windows().get(0).count(), "value_count of sourceIPAddress");
    }

    @Test
    void exactWhereLuceneCanAndPostFilteredWhereItCannot() {
        for (String exact : List.of("mfa_case.yml", "null_absent.yml", "array_layers.yml", "booleans.yml", "pure_negation.yml",
                "specials.yml", "object_all.yml", "list_of_maps.yml", "parens.yml")) {
            assertTrue(results.get(exact).plan().exact(), exact + " runs in Lucene alone: " + results.get(exact).plan().postFilter());
        }
        for (String post : List.of("mfa_cased.yml", "regex_nondigit.yml", "fieldref.yml", "unindexed.yml", "keywords.yml",
                "cidr.yml")) {
            assertFalse(results.get(post).plan().exact(), post);
            assertFalse(results.get(post).plan().postFilter().isEmpty(), post);
        }
    }

    @Test
    void untranslatableRulesSayWhyNamingThePart() {
        assertTrue(results.get("placeholder.yml").reason().contains("%bad_ips%"), results.get("placeholder.yml").reason());
        assertTrue(results.get("unknown_modifier.yml").reason().contains("sounds_like"));
    }

    @Test
    void placeholdersFromTheUser() {
        RuleLoader.Loaded loaded = new RuleLoader(Map.of("bad_ips", List.of("203.0.113.9", "10.1.2.*")))
                .load(List.of(RULES.resolve("placeholder.yml")));
        RuleResult r = new Detector(backend).run(loaded.rules(), SearchRequest.of("")).get(0);
        assertEquals(2, r.hits(), String.valueOf(r.reason()));
    }

    @Test
    void brokenFilesAreOneLineEachAndTheRunGoesOn() {
        RuleLoader.Loaded loaded = new RuleLoader(Map.of()).load(List.of(Path.of("src/test/resources/sigma/broken"), RULES));
        assertEquals(2, loaded.warnings().size(), String.join("\n", loaded.warnings()));
        loaded.warnings().forEach(w -> assertTrue(w.contains("broken") && !w.contains("\n"), w));
        assertEquals(results.size(), loaded.rules().size());
    }

    private static long hits(String file) {
        RuleResult r = results.get(file);
        assertTrue(r.ok(), file + ": " + r.reason());
        return r.hits();
    }

    static String iso(Long t) {
        return t == null ? null : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochMilli(t));
    }
}
