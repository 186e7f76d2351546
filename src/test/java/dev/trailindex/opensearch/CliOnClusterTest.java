package dev.trailindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.TestSupport;
import dev.trailindex.cli.Main;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every read command with {@code --opensearch URL --opensearch-index NAME} prints what it prints with
 * {@code --index DIR} over the same events, and exits with the same status; what the cluster cannot answer is one
 * line and exit status 2.
 */
class CliOnClusterTest {
    static String dir;
    static String url;
    static String alias;

    @BeforeAll
    static void load() throws Exception {
        SameBackends b = SameBackends.of("samples");
        dir = TestSupport.indexed(TestSupport.SAMPLES).dir().toString();
        OpenSearchBackend os = (OpenSearchBackend) b.cluster();
        url = OpenSearchNode.shared().url();
        alias = os.alias();
    }

    record Run(int code, String out, String err) {
    }

    static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), out, err);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The command over the local index and over the cluster; the index's place (in the first line of stats) aside. */
    private static void same(String... args) {
        List<String> local = new ArrayList<>(List.of(args));
        local.addAll(1, List.of("--index", dir));
        List<String> cluster = new ArrayList<>(List.of(args));
        cluster.addAll(1, List.of("--opensearch", url, "--opensearch-index", alias));
        Run want = run(local);
        Run got = run(cluster);
        assertEquals(want.code(), got.code(), String.join(" ", args) + ": " + got.err());
        assertEquals(want.out().replace(dir, "WHERE"), got.out().replace(url + " index " + alias, "WHERE"), String.join(" ", args));
        assertEquals(want.err().replace(dir, "WHERE"), got.err().replace(url + " index " + alias, "WHERE"), String.join(" ", args));
        SameBackends.COMPARED.incrementAndGet();
    }

    @Test
    void readCommandsPrintTheSame() {
        same("search", "eventName:ConsoleLogin");
        same("search", "--limit", "3", "userIdentity.accessKeyId:AKIAE3P2DLMCHEXAMPLE AND errorCode:*");
        same("search", "--count", "eventTime:[2026-11-20T11:00 TO 2026-11-20T11:30] AND ti.credential:iam-user");
        same("search", "--format", "json", "--limit", "4", "--sort", "oldest", "ip:203.0.113.0/24");
        same("search", "--fields", "time,action,user", "related.accessKey:AKIANFB33FS4NEXAMPLE");
        same("search", "evntName:StopLogging");
        same("search", "eventName:(StopLogging");
        same("facets", "--field", "sourceIPAddress", "--top", "5", "userIdentity.accessKeyId:AKIAE3P2DLMCHEXAMPLE");
        same("facets", "--field", "requestParameters.bucketName", "--top", "3", "key:AKIAE3P2DLMCHEXAMPLE");
        same("histogram", "--interval", "1h");
        same("summary", "--by", "ip", "--top", "3", "key:AKIAE3P2DLMCHEXAMPLE OR related.accessKey:AKIANFB33FS4NEXAMPLE");
        same("hunt");
        same("hunt", "cloudtrail-tampering");
        same("show", "9a000117-9046-4dcf-b459-1097984dc387");
        same("show", "--with-source", "9a000117-9046-4dcf-b459-1097984dc387");
        same("show", "no-such-event");
        // Loads into a cluster do not record the digest files they skip (README: digest files are verified on the
        // bucket or a local index); every other figure of stats must be the same.
        Run localStats = run(List.of("stats", "--index", dir, "--format", "json"));
        Run clusterStats = run(List.of("stats", "--opensearch", url, "--opensearch-index", alias, "--format", "json"));
        assertTrue(clusterStats.out().contains("\"digestFiles\":0,"), clusterStats.out());
        assertEquals(localStats.out().replace(dir, "WHERE").replaceFirst("\"digestFiles\":\\d+,", ""),
                clusterStats.out().replace(url + " index " + alias, "WHERE").replace("\"digestFiles\":0,", ""), "stats");
        same("fields", "--paths", "requestParameters");
        same("trace", "AKIANFB33FS4NEXAMPLE");
        same("trace", "--format", "json", "AKIAE3P2DLMCHEXAMPLE");
        same("detect", "--rules", "index-schema/sigma");
    }

    @Test
    void exportWritesTheSameFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        for (String q : List.of("errorCode:*", "")) {
            java.nio.file.Path a = tmp.resolve("local.jsonl");
            java.nio.file.Path b = tmp.resolve("cluster.jsonl");
            Run l = run(List.of("export", "--index", dir, "-f", "-o", a.toString(), q));
            Run c = run(List.of("export", "--opensearch", url, "--opensearch-index", alias, "-f", "-o", b.toString(), q));
            assertEquals(l.code(), c.code(), c.err());
            assertEquals(0, l.code(), l.err());
            org.junit.jupiter.api.Assertions.assertArrayEquals(java.nio.file.Files.readAllBytes(a), java.nio.file.Files.readAllBytes(b), q);
            SameBackends.COMPARED.incrementAndGet();
        }
    }

    @Test
    void whatTheClusterCannotAnswerIsOneLine() {
        Run r = run(List.of("search", "--opensearch", url, "--opensearch-index", alias, "integrity:verified"));
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("ti.integrity") && r.err().contains("local index"), r.err());
        Run local = run(List.of("search", "--index", dir, "--count", "integrity:unverified"));
        assertEquals(0, local.code(), local.err());
        Run relevance = run(List.of("search", "--opensearch", url, "--opensearch-index", alias, "--sort", "relevance", "denied"));
        assertEquals(2, relevance.code());
        assertEquals(1, relevance.err().strip().lines().count(), relevance.err());
    }
}
