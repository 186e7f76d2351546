package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.OsTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.TestSupport;
import dev.trailindex.ingest.IngestLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load killed at any moment and run again ends with exactly the documents of an uninterrupted load (the same
 * keys, bytes and flags as the local index of the same files): the process killed outright, and a loader stopped.
 */
class OpenSearchResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledLoadRunAgainEndsWithTheSameDocuments() throws Exception {
        Path corpus = TestSupport.corpus();
        OpenSearchNode node = OpenSearchNode.shared();
        OsTestSupport.setup(node, "t-kill");
        Path idx = tmp.resolve("local");
        assertTrue(cli("index", "-q", "--index", idx.toString(), corpus.toString()).code() <= 3);
        Map<String, OsTestSupport.Doc> expected = OsTestSupport.local(idx);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.trailindex.cli.Main", "index", "-q", "--commit-interval", "0",
                "--opensearch", node.url(), "--opensearch-index", "t-kill", corpus.toString());
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile());
        Process p = pb.start();
        long recorded = 0;
        try (OsClient c = OsTestSupport.client(node)) {
            while (p.isAlive() && recorded < 20) {
                Thread.sleep(50);
                c.refresh("t-kill-files");
                recorded = c.count("t-kill-files", null);
            }
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            c.refresh("t-kill-files");
            long files = c.count("t-kill-files", null);
            assertTrue(files > 0 && files < 1000, "killed in the middle of the load: " + files + " files recorded; "
                    + java.nio.file.Files.readString(tmp.resolve("killed.log"), StandardCharsets.UTF_8));
            OsTestSupport.Run again = cli("index", "-q", "--opensearch", node.url(), "--opensearch-index", "t-kill", corpus.toString());
            assertTrue(again.code() <= 3, again.err());
            Map<String, OsTestSupport.Doc> got = OsTestSupport.cluster(c, "t-kill");
            assertEquals(expected.size(), got.size());
            assertEquals(OsTestSupport.digest(expected), OsTestSupport.digest(got));
            assertEquals(expected, got);
        }
    }

    @Test
    void aStoppedLoaderRunAgainEndsWithTheSameDocuments() throws Exception {
        Path corpus = TestSupport.corpus();
        OpenSearchNode node = OpenSearchNode.shared();
        OsTestSupport.setup(node, "t-stop");
        Path idx = tmp.resolve("local");
        assertTrue(cli("index", "-q", "--index", idx.toString(), corpus.toString()).code() <= 3);
        Map<String, OsTestSupport.Doc> expected = OsTestSupport.local(idx);
        try (OsClient c = new OsClient(OsConnection.of(node.url(), "t-stop"))) {
            // Small batches and a checkpoint after every file: the stop lands in the middle.
            BulkLoader loader = new BulkLoader(TestSupport.SCHEMA, c, "t-stop",
                    new BulkLoader.Options(2, IngestLimits.DEFAULT, Duration.ZERO, false), new BulkSender.Limits(7, 1 << 16, 50, 12));
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    return;
                }
                loader.stop();
            });
            stopper.start();
            String stopped = "";
            try {
                loader.run(List.of(corpus), null);
            } catch (OpenSearchException e) {
                stopped = e.getMessage();
            }
            stopper.join();
            assertEquals("the load was stopped", stopped);
            c.refresh("t-stop-files");
            long files = c.count("t-stop-files", null);
            assertTrue(files < 1000, files + " files recorded before the stop");
            new BulkLoader(TestSupport.SCHEMA, c, "t-stop", BulkLoader.Options.defaults()).run(List.of(corpus), null);
            Map<String, OsTestSupport.Doc> got = OsTestSupport.cluster(c, "t-stop");
            assertEquals(OsTestSupport.digest(expected), OsTestSupport.digest(got));
        }
    }
}
