package dev.trailindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The harness itself: the shared node answers on loopback, runs 3.x, and is one node. */
class OpenSearchNodeTest {
    @Test
    void sharedNodeAnswers() throws Exception {
        OpenSearchNode node = OpenSearchNode.shared();
        JsonNode root = new ObjectMapper().readTree(URI.create(node.url() + "/").toURL());
        assertTrue(root.path("version").path("number").asText().startsWith("3."), root.toString());
        JsonNode health = new ObjectMapper().readTree(URI.create(node.url() + "/_cluster/health").toURL());
        assertEquals(1, health.path("number_of_nodes").asInt());
        assertTrue(node.pid() > 0);
    }
}
