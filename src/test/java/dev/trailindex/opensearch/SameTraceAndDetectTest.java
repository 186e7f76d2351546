package dev.trailindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.query.FacetCounts;
import dev.trailindex.query.QueryException;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.sigma.Detector;
import dev.trailindex.sigma.Plan;
import dev.trailindex.sigma.RuleLoader;
import dev.trailindex.sigma.RuleResult;
import dev.trailindex.sigma.SigmaException;
import dev.trailindex.sigma.SigmaRule;
import dev.trailindex.trace.TraceJson;
import dev.trailindex.trace.Tracer;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace and detect, which are built on the seam, over both backends: the same trace report (chain, tree, each key's
 * events and mentions) for the generator's planted chains and for keys of the samples and the corpus, and for
 * every rule of ../shared/sigma and of index-schema/sigma the same matched event keys and the same result.
 */
class SameTraceAndDetectTest {
    @TempDir
    static Path tmp;
    static Path generated;
    static JsonNode planted;

    @BeforeAll
    static void generate() throws Exception {
        Path out = tmp.resolve("gen");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "benchmarks/src/GenerateLogs.java", "--events", "3000", "--seed", "11", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        generated = out.resolve("AWSLogs");
        planted = TestSupport.JSON.readTree(out.resolve("expected.json").toFile()).get("chains");
    }

    private static String trace(SearchBackend b, String credential) {
        try {
            Tracer.Report r = new Tracer(b).trace(credential, Tracer.Options.all());
            StringWriter w = new StringWriter();
            try (JsonGenerator g = TestSupport.JSON.getFactory().createGenerator(w)) {
                TraceJson.write(g, r, b.schema().traceFields());
            }
            return w.toString();
        } catch (QueryException e) {
            return "error " + e.getMessage();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void tracesAgreeOnThePlantedChainsAndOnTheSamplesAndTheCorpusKeys() throws Exception {
        List<String> generatedKeys = new ArrayList<>();
        planted.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                generatedKeys.add(e.getValue().asText());
            }
        });
        generatedKeys.add("arn:aws:sts::222233334444:assumed-role/ops-readonly/pivot");
        compareTraces(generated.toString(), generatedKeys);
        compareTraces("samples", keysOf("samples"));
        compareTraces("corpus", keysOf("corpus"));
    }

    /** Access keys, principals and sessions of an input, from its local facets. */
    private static List<String> keysOf(String input) throws Exception {
        SearchBackend local = SameBackends.of(input).local();
        List<String> out = new ArrayList<>();
        for (FacetCounts f : local.facets(SearchRequest.of(""), List.of("userIdentity.accessKeyId", "ti.issuedKey", "ti.session",
                "userIdentity.arn"), 8)) {
            f.top().forEach(v -> out.add(v.value()));
        }
        return out;
    }

    private static void compareTraces(String input, List<String> credentials) throws Exception {
        SameBackends b = SameBackends.of(input);
        assertTrue(credentials.size() >= 5, input + ": " + credentials);
        for (String c : credentials) {
            String want = trace(b.local(), c);
            String got = trace(b.cluster(), c);
            assertTrue(want.equals(got), input + ": trace " + c + ": " + SameBackends.firstDifference(want, got));
            SameBackends.COMPARED.incrementAndGet();
        }
    }

    @Test
    void everySigmaRuleMatchesTheSameEventsOnBothBackends() throws Exception {
        List<Path> folders = List.of(TestSupport.sigmaRules(), Path.of("index-schema/sigma"));
        List<SigmaRule> rules = new RuleLoader(Map.of()).load(folders).rules();
        assertTrue(rules.size() > 66, "rules: " + rules.size());
        for (String input : List.of("samples", "corpus")) {
            SameBackends b = SameBackends.of(input);
            String want = String.join("\n", results(new Detector(b.local()).run(rules, SearchRequest.of(""))));
            String got = String.join("\n", results(new Detector(b.cluster()).run(rules, SearchRequest.of(""))));
            assertTrue(want.equals(got), input + ": detect: " + SameBackends.firstDifference(want, got));
            for (SigmaRule r : rules) {
                List<String> wantKeys = matched(b.local(), r);
                List<String> gotKeys = matched(b.cluster(), r);
                assertTrue(wantKeys.equals(gotKeys), input + ": " + r.file() + ": "
                        + SameBackends.firstDifference(String.join("\n", wantKeys), String.join("\n", gotKeys)));
                SameBackends.COMPARED.incrementAndGet();
            }
        }
    }

    private static List<String> results(List<RuleResult> results) {
        return results.stream().map(r -> r.rule().file() + " " + r.reason() + " " + r.hits() + " " + r.first() + " " + r.last()
                + " " + r.windows()).toList();
    }

    /** The keys of the events a rule matches, oldest first, or why it does not run. */
    private static List<String> matched(SearchBackend backend, SigmaRule r) {
        Detector d = new Detector(backend);
        List<String> keys = new ArrayList<>();
        try {
            Plan p = d.plan(r);
            d.each(r, p, SearchRequest.of(""), m -> keys.add(m.key()));
        } catch (SigmaException | QueryException e) {
            keys.add("error " + e.getMessage());
        }
        return keys;
    }
}
