package dev.trailindex.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.query.Hunts;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The shipped hunts written as Sigma rules (index-schema/sigma) find exactly the events of their hunts, and as
 * many as the independent Python evaluator finds over the raw events; their correlations load and run.
 */
class HuntRulesTest {
    private static final Path RULES = Path.of("index-schema/sigma");

    @Test
    void onTheSamples() throws Exception {
        check(TestSupport.SAMPLES);
    }

    @Test
    void onTheCorpus() throws Exception {
        check(TestSupport.corpus());
    }

    private static void check(Path input) throws Exception {
        SearchBackend backend = TestSupport.indexed(input).search();
        List<SigmaRule> rules = new RuleLoader(Map.of()).load(List.of(RULES)).rules();
        JsonNode python = TestSupport.sigmaExpectations(input, RULES);
        Hunts hunts = Hunts.bundled();
        Map<String, Long> base = new TreeMap<>();
        int correlations = 0;
        for (RuleResult r : new Detector(backend).run(rules, SearchRequest.of(""))) {
            assertTrue(r.ok(), r.rule().file() + ": " + r.reason());
            if (r.rule().correlation() != null) {
                correlations++;
                continue;
            }
            String file = r.rule().file().getFileName().toString();
            base.put(file, r.hits());
            assertEquals(python.path(file).path("hits").asLong(-1), r.hits(), file + " against the Python evaluator");
            String name = file.substring(0, file.length() - ".yml".length());
            Hunts.Hunt hunt = hunts.get(name).orElseThrow(() -> new AssertionError(file + " names no hunt"));
            assertEquals(backend.hunt(hunt, SearchRequest.of(""), 5).hits(), r.hits(), file + " against the hunt " + name);
        }
        assertEquals(20, base.size(), "one rule for each hunt Sigma can express: " + base.keySet());
        assertEquals(3, correlations, "the grouped hunts' correlations");
        assertTrue(base.values().stream().mapToLong(Long::longValue).sum() > 0, "the rules find something");
    }
}
