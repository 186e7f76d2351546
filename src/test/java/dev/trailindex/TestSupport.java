package dev.trailindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailindex.index.Indexer;
import dev.trailindex.index.IngestReport;
import dev.trailindex.ingest.IngestLimits;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shared helpers: the corpus location, indexing, and the independent Python expectations. */
public final class TestSupport {
    public static final Schema SCHEMA = Schema.bundled();
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Path SAMPLES = Path.of("src/samples");

    private TestSupport() {
    }

    /**
     * The real corpus ({@code ../shared/corpus}). A developer's fresh clone may not have it: the corpus tests
     * then skip and say why. CI sets trailindex.corpus.required, so there a missing corpus fails.
     */
    public static Path corpus() {
        Path p = Path.of(System.getProperty("trailindex.corpus", "../shared/corpus"));
        boolean present = Files.isDirectory(p);
        if (!present && Boolean.getBoolean("trailindex.corpus.required")) {
            fail("the real CloudTrail corpus is required but missing at " + p.toAbsolutePath());
        }
        assumeTrue(present, "the real CloudTrail corpus is not at " + p.toAbsolutePath() + "; corpus tests skipped");
        return p;
    }

    public static IngestReport index(Path indexDir, int threads, Path... inputs) {
        return new Indexer(SCHEMA, new Indexer.Options(threads, IngestLimits.DEFAULT, 32)).run(indexDir, List.of(inputs), null);
    }

    /** An index of one input, built once per test run and shared by the test classes that read it. */
    public record Indexed(Path dir, IngestReport report, dev.trailindex.search.SearchBackend search) {
    }

    private static final java.util.Map<Path, Indexed> INDEXED = new java.util.HashMap<>();

    public static synchronized Indexed indexed(Path input) throws IOException {
        Path key = input.toAbsolutePath().normalize();
        Indexed have = INDEXED.get(key);
        if (have == null) {
            Path dir = Files.createTempDirectory("trailindex-test-");
            IngestReport report = index(dir, 2, key);
            have = new Indexed(dir, report, dev.trailindex.search.LocalBackend.open(dir, SCHEMA));
            INDEXED.put(key, have);
        }
        return have;
    }

    /** Runs the independent Python script over the corpus and returns its JSON. */
    public static JsonNode pythonExpectations(Path corpus) throws IOException, InterruptedException {
        return python("corpus_expectations.py", "--corpus", corpus.toString());
    }

    /** Runs the independent per-bucket counts (ARN anywhere, or requestParameters.bucketName) over the corpus. */
    public static JsonNode bucketExpectations(Path corpus) throws IOException, InterruptedException {
        return python("bucket_expectations.py", "--corpus", corpus.toString());
    }

    /** Runs the independent query-feature expectations over an input folder. */
    public static JsonNode queryExpectations(Path input) throws IOException, InterruptedException {
        return python("query_expectations.py", "--input", input.toString());
    }

    /**
     * SigmaHQ's CloudTrail rules ({@code ../shared/sigma}): never copied into the project (their licence), so the
     * tests that read them skip, saying why, when they are absent; CI requires them with the corpus.
     */
    public static Path sigmaRules() {
        Path p = Path.of(System.getProperty("trailindex.sigma", "../shared/sigma"));
        boolean present = Files.isDirectory(p.resolve("rules"));
        if (!present && Boolean.getBoolean("trailindex.corpus.required")) {
            fail("the Sigma rules are required but missing at " + p.toAbsolutePath());
        }
        assumeTrue(present, "the Sigma rules are not at " + p.toAbsolutePath() + "; Sigma corpus tests skipped");
        return p;
    }

    /** The independent Sigma evaluator's hits per rule file (relative to {@code rules}) over the events of {@code input}. */
    public static JsonNode sigmaExpectations(Path input, Path rules) throws IOException, InterruptedException {
        return python("sigma_expectations.py", "--corpus", input.toString(), "--rules", rules.toString());
    }

    /** The independent Sigma evaluator's fired rules per file of {@code folder} (each file on its own). */
    public static JsonNode sigmaPerFile(Path corpus, Path rules, String folder) throws IOException, InterruptedException {
        return python("sigma_expectations.py", "--corpus", corpus.toString(), "--rules", rules.toString(), "--per-file", folder);
    }

    /** Runs the independent credential-trace expectations for {@code credentials} over an input folder. */
    public static JsonNode traceExpectations(Path input, List<String> credentials, Integer depth) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("--input", input.toString()));
        for (String c : credentials) {
            args.add("--credential");
            args.add(c);
        }
        if (depth != null) {
            args.add("--depth");
            args.add(depth.toString());
        }
        return python("trace_expectations.py", args.toArray(String[]::new));
    }

    private static final java.util.Map<List<String>, JsonNode> PYTHON = new java.util.HashMap<>();

    /** Runs a script once per test run and arguments; its answer does not change within a run. */
    private static synchronized JsonNode python(String script, String... args) throws IOException, InterruptedException {
        List<String> key = new java.util.ArrayList<>(List.of(script));
        key.addAll(List.of(args));
        JsonNode have = PYTHON.get(key);
        if (have == null) {
            have = runPython(script, args);
            PYTHON.put(key, have);
        }
        return have;
    }

    private static JsonNode runPython(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", "src/test/python/" + script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(script + " did not finish");
        }
        assertEquals(0, p.exitValue(), script + " failed: " + new String(out, StandardCharsets.UTF_8));
        return JSON.readTree(out);
    }

    /** A query for an exact value of a field, quoted for the query syntax. */
    public static String exact(String field, String value) {
        return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
