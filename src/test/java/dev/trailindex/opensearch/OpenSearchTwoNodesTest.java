package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.OsTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster, not just a node: two nodes on loopback, 2 primary shards with 1 replica. After part of the corpus is
 * loaded, one node is stopped by its pid and the counts and every document stay the same; once it is back, a
 * further load resumes. The part: the attack detonations (2024, few months) and the broken files (partial events),
 * so that the cluster has a handful of monthly indices of 4 shards each, not the 60 of the whole corpus, and the
 * test fits CI's time.
 */
class OpenSearchTwoNodesTest {
    @TempDir
    Path tmp;

    @Test
    void aNodeDownLosesNothingAndLoadingResumesWhenItIsBack() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("part"));
        for (String part : List.of("stratus-detonations", "malformed-and-compact")) {
            Files.createSymbolicLink(corpus.resolve(part), TestSupport.corpus().resolve(part).toAbsolutePath());
        }
        OpenSearchNode.home();
        Path idx = tmp.resolve("local");
        assertTrue(cli("index", "-q", "--index", idx.toString(), corpus.toString()).code() <= 3);
        Map<String, OsTestSupport.Doc> expected = OsTestSupport.local(idx);
        List<OpenSearchNode> nodes = OpenSearchNode.cluster("trailindex-two", 2);
        try {
            OpenSearchNode manager = nodes.get(0);
            OpenSearchNode other = nodes.get(1);
            OsTestSupport.Run setup = cli("opensearch", "setup", "--opensearch", manager.url(), "--opensearch-index", "two",
                    "--shards", "2", "--replicas", "1");
            assertEquals(0, setup.code(), setup.err());
            OsTestSupport.Run load = cli("index", "-q", "--opensearch", other.url(), "--opensearch-index", "two", corpus.toString());
            assertTrue(load.code() <= 3, load.err());
            try (OsClient c = new OsClient(OsConnection.of(manager.url(), "two"))) {
                awaitGreen(c);
                assertEquals(expected.size(), c.count("two", null));
                JsonNode shards = c.get("/_cat/shards/two-events-*?format=json");
                assertTrue(shards.size() >= 4, "2 primaries and 2 replicas per index: " + shards);
                long pid = other.pid();
                other.stop();
                assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "stopped by pid " + pid);
                assertEquals(expected.size(), c.count("two", null), "every shard has a copy on the node still up");
                assertEquals(expected, OsTestSupport.cluster(c, "two"));
                other.start();
                awaitGreen(c);
                Path more = Files.createDirectories(tmp.resolve("more"));
                Files.writeString(more.resolve("x.json"), OpenSearchLoadTest.records(OpenSearchLoadTest.event(
                        "eeeeeeee-0000-4000-8000-000000000005", "GetObject", "192.0.2.1", "2024-05-01T10:00:00Z")));
                OsTestSupport.Run resumed = cli("index", "-q", "--format", "json", "--opensearch", other.url(), "--opensearch-index", "two",
                        corpus.toString(), more.toString());
                assertTrue(resumed.code() <= 3, resumed.err());
                JsonNode r = OsTestSupport.json(resumed);
                assertEquals(1, r.get("indexed").asLong(), r.toString());
                assertTrue(r.get("filesUnchanged").asLong() >= 35, "the corpus is not read again: " + r);
                assertEquals(expected.size() + 1, c.count("two", null));
            }
        } finally {
            nodes.forEach(OpenSearchNode::stop);
        }
    }

    private static void awaitGreen(OsClient c) {
        c.get("/_cluster/health?wait_for_status=green&timeout=60s");
    }
}
