package dev.trailindex.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/trace gives what trace --format json prints; bad and unknown credentials are one-line errors. */
class TraceApiTest {
    @Test
    void traceOverHttpIsTheCommandLinesJson() throws Exception {
        HttpApiTest.start();
        try {
            String key = "AKIANFB33FS4NEXAMPLE";
            JsonNode r = HttpApiTest.json("/api/trace?credential=" + key, 200);
            JsonNode expected = TestSupport.traceExpectations(TestSupport.SAMPLES, List.of(key), null).get(key);
            assertEquals("accessKey", r.get("queryKind").asText());
            JsonNode link = r.get("traces").get(0).get("chain").get(0);
            assertEquals(expected.get("traces").get(0).get("chain").get(0).get("origin"), link.get("origin"));
            assertEquals(expected.get("traces").get(0).get("chain").get(0).get("issuedBy").get("credential"), link.get("issuedBy").get("credential"));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            dev.trailindex.cli.Main.run(new String[] {"trace", "--index", TestSupport.indexed(TestSupport.SAMPLES).dir().toString(), "--format", "json", key},
                    out, new ByteArrayOutputStream());
            assertEquals(TestSupport.JSON.readTree(out.toByteArray()), r);

            assertTrue(HttpApiTest.json("/api/trace", 400).get("error").asText().contains("credential"));
            assertTrue(HttpApiTest.json("/api/trace?credential=hello", 400).has("error"));
            assertTrue(HttpApiTest.json("/api/trace?credential=AKIAZZZZZZZZZZZZZZZZ", 404).has("error"));
            assertEquals(1, HttpApiTest.json("/api/trace?depth=0&credential=AKIAE3P2DLMCHEXAMPLE", 200).get("traces").get(0).get("credentials").size());
        } finally {
            HttpApiTest.stop();
        }
    }
}
