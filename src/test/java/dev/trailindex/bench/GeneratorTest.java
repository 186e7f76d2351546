package dev.trailindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.index.IngestReport;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark generator gives the same bytes for the same seed, and its planted truths are what trailindex finds. */
class GeneratorTest {
    @TempDir
    Path tmp;

    private static void generate(Path out) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "benchmarks/src/GenerateLogs.java", "--events", "20000", "--seed", "7", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    private static String treeHash(Path dir) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(f).toString().getBytes());
                md.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void deterministicAndTrue() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        generate(a);
        generate(b);
        assertEquals(treeHash(a), treeHash(b));

        JsonNode expected = TestSupport.JSON.readTree(a.resolve("expected.json").toFile());
        IngestReport r = TestSupport.index(tmp.resolve("index"), 2, a.resolve("AWSLogs"));
        assertEquals(expected.get("events").asLong(), r.eventsRead());
        assertEquals(expected.get("unique").asLong(), r.documents());
        assertEquals(expected.get("duplicates").asLong(), r.duplicates());
        JsonNode inc = expected.get("incident");
        try (SearchBackend s = LocalBackend.open(tmp.resolve("index"), TestSupport.SCHEMA)) {
            long byKey = s.count(SearchRequest.of("userIdentity.accessKeyId:" + inc.get("leakedKey").asText()));
            assertEquals(inc.get("eventsByLeakedKey").asLong(), byKey);
            assertEquals(inc.get("eventsFromAttackerIp").asLong(), s.count(SearchRequest.of("sourceIPAddress:" + inc.get("attackerIp").asText())));
            assertEquals(inc.get("eventsFromSecondIp").asLong(), s.count(SearchRequest.of("sourceIPAddress:" + inc.get("secondIp").asText())));
            assertEquals(inc.get("accessDeniedByLeakedKey").asLong(), s.count(SearchRequest.of(
                    "userIdentity.accessKeyId:" + inc.get("leakedKey").asText() + " AND errorCode:AccessDenied")));
            assertEquals(inc.get("getObjectOnBucket").asLong(), s.count(SearchRequest.of("eventName:GetObject AND requestParameters.bucketName:" + inc.get("bucket").asText())));
            assertEquals(inc.get("eventsMentioningNewKey").asLong(), s.count(SearchRequest.of("related.accessKey:" + inc.get("newKey").asText())));
            assertEquals(inc.get("stopLogging").asLong(), s.count(SearchRequest.of("eventName:StopLogging")));
            assertEquals(expected.get("consoleLogin").asLong(), s.count(SearchRequest.of("eventName:ConsoleLogin")));
            assertEquals(expected.get("withErrorCode").asLong(), s.count(SearchRequest.of("errorCode:*")));
            expected.get("byRegion").fields().forEachRemaining(e ->
                    assertEquals(e.getValue().asLong(), s.count(SearchRequest.of("awsRegion:" + e.getKey())), e.getKey()));
            assertEquals(expected.get("eventsByBusyKey").asLong(), s.count(SearchRequest.of("userIdentity.accessKeyId:" + expected.get("busyKey").asText())));
        }
        // The busy key's counts, read from the raw files without the index: every copy, and the distinct events.
        String busy = expected.get("busyKey").asText();
        long copies = 0;
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(a.resolve("AWSLogs"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json.gz")).toList()) {
                try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(f))) {
                    for (JsonNode e : TestSupport.JSON.readTree(in).get("Records")) {
                        if (busy.equals(e.path("userIdentity").path("accessKeyId").asText())) {
                            copies++;
                            ids.add(e.get("eventID").asText());
                        }
                    }
                }
            }
        }
        assertTrue(ids.size() > 20, "the busy key has events: " + ids.size());
        assertEquals(expected.get("eventsByBusyKey").asLong(), ids.size());
        assertEquals(expected.get("eventsByBusyKeyWithCopies").asLong(), copies);
    }
}
