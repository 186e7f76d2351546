package dev.trailindex.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.query.QueryException;
import dev.trailindex.search.LocalBackend;
import dev.trailindex.search.SearchBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces over the generator's planted chains (a leaked key's three hops across accounts, SAML, web identity, MFA
 * sessions, a key of unknown origin, a stolen instance profile, decoy sessions of the same name, mentions, failed
 * calls) among ordinary noise; every expected chain, tree and count comes from trace_expectations.py over the raw
 * events.
 */
class TraceTest {
    @TempDir
    static Path tmp;

    static Path logs;
    static JsonNode names;
    static SearchBackend backend;
    static Tracer tracer;

    @BeforeAll
    static void generateAndIndex() throws Exception {
        Path out = tmp.resolve("gen");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "benchmarks/src/GenerateLogs.java", "--events", "3000", "--seed", "11", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        logs = out.resolve("AWSLogs");
        names = TestSupport.JSON.readTree(out.resolve("expected.json").toFile()).get("chains");
        TestSupport.index(tmp.resolve("index"), 2, logs);
        backend = LocalBackend.open(tmp.resolve("index"), TestSupport.SCHEMA);
        tracer = new Tracer(backend);
    }

    @AfterAll
    static void close() throws Exception {
        backend.close();
    }

    private static List<String> credentials() {
        List<String> out = new ArrayList<>();
        names.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                out.add(e.getValue().asText());
            }
        });
        // Decoys by ARN: the same session name in another role of the account, and in the same role name elsewhere.
        out.add("arn:aws:sts::222233334444:assumed-role/ops-readonly/pivot");
        out.add("arn:aws:sts::444455556666:assumed-role/ops/pivot");
        return out;
    }

    @Test
    void everyPlantedCredentialTracesAsThePythonReferenceSays() throws Exception {
        List<String> creds = credentials();
        JsonNode expected = TestSupport.traceExpectations(logs, creds, null);
        for (String c : creds) {
            assertEquals(expected.get(c), TraceViews.report(tracer.trace(c, Tracer.Options.all())), c);
        }
    }

    @Test
    void depthLimitsTheTree() throws Exception {
        String leaked = names.get("leakedKey").asText();
        JsonNode expected = TestSupport.traceExpectations(logs, List.of(leaked), 1);
        assertEquals(expected.get(leaked), TraceViews.report(tracer.trace(leaked, new Tracer.Options(null, null, 1))));
    }

    @Test
    void theThreeHopChainAndItsCrossAccountCopies() throws Exception {
        Trace t = tracer.trace(names.get("hopThree").asText(), Tracer.Options.all()).traces().get(0);
        assertEquals(List.of(names.get("leakedKey").asText(), names.get("hopOne").asText(), names.get("hopTwo").asText(),
                names.get("hopThree").asText()), t.chain().stream().map(Trace.Link::credential).toList());
        assertEquals(Origin.LONG_TERM, t.chain().get(0).origin());
        // The creator of the long-term key is named, but the chain stops there.
        assertEquals(names.get("adminKey").asText(), t.chain().get(0).issuedBy().credential());
        // Cross-account hops: two copies, one hop.
        assertEquals(2, t.chain().get(2).issuedBy().eventIDs().size());
        assertEquals(2, t.chain().get(3).issuedBy().eventIDs().size());
    }

    @Test
    void aSessionArnStandsForEveryKeyOfThatSessionOnly() throws Exception {
        Tracer.Report r = tracer.trace(names.get("hopTwoSession").asText(), Tracer.Options.all());
        assertEquals(List.of(names.get("hopTwo").asText(), "ASIATRHOPTWOAGAIN000"), r.traces().stream().map(Trace::credential).toList());
        assertEquals("session", r.query().kind().label());
    }

    @Test
    void unknownAndMalformedCredentialsAreQueryErrors() {
        QueryException unknown = assertThrows(QueryException.class, () -> tracer.trace("AKIAZZZZZZZZZZZZZZZZ", Tracer.Options.all()));
        assertTrue(unknown.getMessage().contains("AKIAZZZZZZZZZZZZZZZZ"), unknown.getMessage());
        assertThrows(QueryException.class, () -> tracer.trace("not-a-key", Tracer.Options.all()));
        assertThrows(QueryException.class, () -> tracer.trace("arn:aws:sts::999999999999:assumed-role/none/none", Tracer.Options.all()));
    }
}
