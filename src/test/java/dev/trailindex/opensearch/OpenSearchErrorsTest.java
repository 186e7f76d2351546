package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.OsTestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.trailindex.TestSupport;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a cluster cannot be used is one line on stderr and a documented exit status, never a stack trace. */
class OpenSearchErrorsTest {
    @TempDir
    Path tmp;

    private static void oneLine(OsTestSupport.Run r, int code, String says) {
        assertEquals(code, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("trailindex: ") && r.err().contains(says), r.err());
    }

    @Test
    void anUnreachableClusterIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        oneLine(cli("index", "-q", "--opensearch", "http://127.0.0.1:" + port, TestSupport.SAMPLES.toString()), 6,
                "cannot reach OpenSearch at http://127.0.0.1:" + port);
        oneLine(cli("opensearch", "setup", "--opensearch", "http://127.0.0.1:" + port), 6, "cannot reach OpenSearch");
    }

    @Test
    void refusedCredentialsAreOneLine() throws Exception {
        List<String> auth = new ArrayList<>();
        HttpServer server = unauthorized(auth);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            oneLine(cli("index", "-q", "--opensearch", url, TestSupport.SAMPLES.toString()), 6, "refused the credentials (401");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void thePasswordComesFromTheEnvironmentAndTheUrlMayToo() throws Exception {
        List<String> auth = new ArrayList<>();
        HttpServer server = unauthorized(auth);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "dev.trailindex.cli.Main", "index", "-q", "--opensearch-user", "alice",
                    TestSupport.SAMPLES.toString());
            pb.environment().put(OsConnection.URL_ENV, url);
            pb.environment().put(OsConnection.PASSWORD_ENV, "s3cret pass");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(6, p.exitValue(), out);
            assertTrue(out.contains("refused the credentials (401 for user alice"), out);
            assertTrue(!out.contains("s3cret"), "the password is never printed: " + out);
            assertEquals("Basic " + Base64.getEncoder().encodeToString("alice:s3cret pass".getBytes(StandardCharsets.UTF_8)), auth.get(0));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void badCredentialOptionsAreUsageErrors() throws Exception {
        OpenSearchNode node = OpenSearchNode.shared();
        oneLine(cli("index", "-q", "--opensearch", node.url(), "--opensearch-user", "alice", TestSupport.SAMPLES.toString()), 2,
                "needs the password in the environment variable " + OsConnection.PASSWORD_ENV);
        oneLine(cli("index", "-q", "--opensearch", node.url(), "--opensearch-ca", tmp.resolve("none.pem").toString(),
                TestSupport.SAMPLES.toString()), 2, "does not exist");
        Path notCert = Files.writeString(tmp.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        oneLine(cli("index", "-q", "--opensearch", node.url(), "--opensearch-ca", notCert.toString(), TestSupport.SAMPLES.toString()), 2,
                "holds no certificate");
        oneLine(cli("index", "-q", "--opensearch", "ftp://127.0.0.1:1", TestSupport.SAMPLES.toString()), 2, "must be http://");
        oneLine(cli("index", "-q", "--opensearch", node.url(), "--opensearch-index", "Bad Name", TestSupport.SAMPLES.toString()), 2,
                "index name");
    }

    @Test
    void aMissingTemplateOrOneOfAnotherSchemaVersionIsOneLine() throws Exception {
        OpenSearchNode node = OpenSearchNode.shared();
        oneLine(cli("index", "-q", "--opensearch", node.url(), "--opensearch-index", "t-none", TestSupport.SAMPLES.toString()), 6,
                "no trailindex template 't-none-events'");
        try (OsClient c = OsTestSupport.client(node)) {
            ObjectNode old = new IndexTemplate(TestSupport.SCHEMA).body("t-old");
            ((ObjectNode) old.path("_meta").path(IndexTemplate.META_KEY)).put("schemaVersion", TestSupport.SCHEMA.version() + 1);
            c.put("/_index_template/t-old-events", old);
        }
        oneLine(cli("index", "-q", "--opensearch", node.url(), "--opensearch-index", "t-old", TestSupport.SAMPLES.toString()), 6,
                "is from schema version " + (TestSupport.SCHEMA.version() + 1) + " and this trailindex reads version " + TestSupport.SCHEMA.version());
        oneLine(cli("opensearch", "setup", "--opensearch", node.url(), "--opensearch-index", "t-old"), 6, "is from schema version");
    }

    @Test
    void aReadOnlyIndexIsOneLine() throws Exception {
        OpenSearchNode node = OpenSearchNode.shared();
        OsTestSupport.setup(node, "t-ro");
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(logs.resolve("a.json"), OpenSearchLoadTest.records(OpenSearchLoadTest.event(
                "cccccccc-0000-4000-8000-000000000003", "GetObject", "192.0.2.1", "2024-05-01T10:00:00Z")));
        assertEquals(0, cli("index", "-q", "--opensearch", node.url(), "--opensearch-index", "t-ro", logs.toString()).code());
        try (OsClient c = OsTestSupport.client(node)) {
            ObjectNode block = TestSupport.JSON.createObjectNode();
            block.putObject("index").put("blocks.write", true);
            c.put("/t-ro-events-*/_settings", block);
            Files.writeString(logs.resolve("b.json"), OpenSearchLoadTest.records(OpenSearchLoadTest.event(
                    "dddddddd-0000-4000-8000-000000000004", "GetObject", "192.0.2.1", "2024-05-01T10:00:00Z")));
            oneLine(cli("index", "-q", "--opensearch", node.url(), "--opensearch-index", "t-ro", logs.toString()), 6,
                    "the OpenSearch index is read-only");
            block.putObject("index").put("blocks.write", false);
            c.put("/t-ro-events-*/_settings", block);
        }
        assertEquals(0, cli("index", "-q", "--opensearch", node.url(), "--opensearch-index", "t-ro", logs.toString()).code(),
                "after the block is lifted the same command finishes the load");
        try (OsClient c = OsTestSupport.client(node)) {
            c.refresh("t-ro");
            assertEquals(2, c.count("t-ro", null));
        }
    }

    /** A stand-in for a cluster with security on: every request is 401, and the Authorization header is kept. */
    private static HttpServer unauthorized(List<String> auth) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                String a = ex.getRequestHeaders().getFirst("Authorization");
                synchronized (auth) {
                    auth.add(a == null ? "" : a);
                }
                byte[] body = "{\"error\":{\"type\":\"security_exception\",\"reason\":\"missing authentication credentials\"},\"status\":401}"
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(401, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        return server;
    }
}
