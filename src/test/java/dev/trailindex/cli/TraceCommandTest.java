package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trace on the bundled sample: where the attacker's second key came from; output formats and exit statuses. */
class TraceCommandTest {
    private static final String LEAKED = "AKIAE3P2DLMCHEXAMPLE";
    private static final String SECOND = "AKIANFB33FS4NEXAMPLE";

    @TempDir
    static Path tmp;

    static String index;

    @BeforeAll
    static void indexSamples() {
        index = CliTest.indexSamples(tmp.resolve("idx")).toString();
    }

    @Test
    void theSecondKeyComesFromTheLeakedOne() throws Exception {
        JsonNode expected = TestSupport.traceExpectations(TestSupport.SAMPLES, List.of(SECOND, LEAKED), null);
        CliTest.Run r = CliTest.run("trace", "--index", index, "--format", "json", SECOND);
        assertEquals(0, r.code(), r.stderr());
        JsonNode got = TestSupport.JSON.readTree(r.stdout());
        assertEquals(SECOND, got.get("query").asText());
        assertEquals("accessKey", got.get("queryKind").asText());
        JsonNode link = got.get("traces").get(0).get("chain").get(0);
        JsonNode want = expected.get(SECOND).get("traces").get(0).get("chain").get(0);
        assertEquals(want.get("origin").asText(), link.get("origin").asText());
        assertEquals("long-term", link.get("origin").asText());
        assertEquals(want.get("issuedBy").get("credential").asText(), link.get("issuedBy").get("credential").asText());
        assertEquals(LEAKED, link.get("issuedBy").get("credential").asText());
        assertEquals("CreateAccessKey", link.get("issuedBy").get("eventName").asText());
        assertEquals(want.get("issuedBy").get("eventIDs"), link.get("issuedBy").get("eventIDs"));
        JsonNode act = got.get("traces").get(0).get("credentials").get(SECOND);
        JsonNode wantAct = expected.get(SECOND).get("traces").get(0).get("credentials").get(SECOND);
        assertEquals(wantAct.get("events").asLong(), act.get("events").asLong());
        assertEquals(wantAct.get("mentionedIn"), act.get("mentionedIn"));

        // Downward from the leaked key: the second key is among the keys it issued, as the reference says.
        CliTest.Run down = CliTest.run("trace", "--index", index, "--format", "json", LEAKED);
        JsonNode tree = TestSupport.JSON.readTree(down.stdout()).get("traces").get(0).get("descendants");
        JsonNode wantTree = expected.get(LEAKED).get("traces").get(0).get("descendants");
        assertEquals(wantTree.size(), tree.size());
        for (int i = 0; i < tree.size(); i++) {
            assertEquals(wantTree.get(i).get("credential"), tree.get(i).get("credential"));
            assertEquals(wantTree.get(i).get("parent"), tree.get(i).get("parent"));
            assertEquals(wantTree.get(i).get("eventName"), tree.get(i).get("eventName"));
        }
        assertTrue(tree.findValuesAsText("credential").contains(SECOND));
    }

    @Test
    void theTableShowsTheTree() {
        CliTest.Run r = CliTest.run("trace", "--index", index, LEAKED);
        assertEquals(0, r.code(), r.stderr());
        assertTrue(r.out().contains("trace of " + LEAKED), r.out());
        assertTrue(r.out().contains("└ " + SECOND), r.out());
        assertTrue(r.out().contains("events of a key: trailindex search"), r.out());
    }

    @Test
    void theTableSaysWhereTheSecondKeyCameFromInWholeWords() throws Exception {
        CliTest.Run r = CliTest.run("trace", "--index", index, SECOND);
        assertEquals(0, r.code(), r.stderr());
        JsonNode by = TestSupport.traceExpectations(TestSupport.SAMPLES, List.of(SECOND), null)
                .path(SECOND).path("traces").path(0).path("chain").path(0).path("issuedBy");
        String line = SECOND + " came from " + by.path("eventName").asText() + " made with " + LEAKED;
        assertTrue(r.out().contains(line), line + " in\n" + r.out());
        assertTrue(r.out().contains(by.path("eventIDs").path(0).asText()), r.out());
    }

    @Test
    void keyListsOfferTheirTrace() {
        CliTest.Run summary = CliTest.run("summary", "--index", index, "--by", "key", "--top", "2");
        assertTrue(summary.out().contains("trailindex trace " + LEAKED), summary.out());
        CliTest.Run hunt = CliTest.run("hunt", "--index", index, "caller-identity-recon");
        assertTrue(hunt.out().contains("trailindex trace " + LEAKED), hunt.out());
    }

    @Test
    void eventsGoThroughTheSearchOutput() {
        CliTest.Run r = CliTest.run("trace", "--index", index, "--events", "2", SECOND);
        assertEquals(0, r.code(), r.stderr());
        assertTrue(r.out().contains("events of " + SECOND + ":"), r.out());
        assertTrue(r.out().contains("GetCallerIdentity"), r.out());
    }

    @Test
    void unknownOrMalformedCredentialsAreUsageErrors() {
        CliTest.Run unknown = CliTest.run("trace", "--index", index, "AKIAZZZZZZZZZZZZZZZZ");
        assertEquals(ExitCodes.USAGE, unknown.code());
        assertEquals(1, unknown.stderr().strip().lines().count(), unknown.stderr());
        CliTest.Run bad = CliTest.run("trace", "--index", index, "hello");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertEquals(1, bad.stderr().strip().lines().count(), bad.stderr());
        assertEquals(ExitCodes.USAGE, CliTest.run("trace", "--index", index).code());
        assertEquals(ExitCodes.USAGE, CliTest.run("trace", "--index", index, "--depth", "-1", LEAKED).code());
    }
}
