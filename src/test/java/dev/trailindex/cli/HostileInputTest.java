package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of hostile input indexed by a real process with a 256 MB heap: every file is reported with its path and
 * reason, the good events are indexed, and the run finishes.
 */
class HostileInputTest {
    @TempDir
    Path tmp;

    /**
     * A gzip file of {@code head}, then {@code n} copies of {@code unit}, then {@code tail}, small on disk and quick
     * to write: the body is one compressed member of 16 MB repeated (gzip allows concatenated members).
     */
    private static void gzip(Path p, String head, String unit, long n, String tail) throws IOException {
        byte[] u = unit.getBytes(StandardCharsets.UTF_8);
        int perBlock = Math.max(1, (16 << 20) / u.length);
        byte[] block = new byte[u.length * perBlock];
        for (int i = 0; i < perBlock; i++) {
            System.arraycopy(u, 0, block, i * u.length, u.length);
        }
        byte[] member = gzipped(block);
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write(gzipped(head.getBytes(StandardCharsets.UTF_8)));
            for (long i = 0; i < Math.max(1, n / perBlock); i++) {
                out.write(member);
            }
            out.write(gzipped(tail.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static byte[] gzipped(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    @Test
    void hostileFilesAreReportedAndTheRunFinishesWithinItsHeap() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(logs.resolve("good.json"), "{\"Records\":[{\"eventID\":\"good-1\",\"eventName\":\"A\"},{\"eventID\":\"good-2\",\"eventName\":\"B\"}]}");
        // Gzip bombs: 5 GB of white space inside valid JSON (past the 4 GiB default limit), and zeros, which are
        // not JSON from the first byte and are refused without inflating further.
        gzip(logs.resolve("bomb.json.gz"), "{\"Records\":[", " ".repeat(1024), 5L << 20, "]}");
        gzip(logs.resolve("zero-bomb.json.gz"), "", "\0".repeat(1024), 6L << 20, "");
        // One 300 MB event of many small fields, and one endless string.
        gzip(logs.resolve("huge-event.json.gz"), "{\"Records\":[{\"eventID\":\"huge\",\"requestParameters\":{", "\"k\":1,", 50L << 20, "\"z\":0}}]}");
        gzip(logs.resolve("endless-string.json.gz"), "{\"Records\":[{\"eventID\":\"s\",\"x\":\"", "AAAAAAAA", 40L << 20, "\"}]}");
        // Thousands of levels of nesting.
        Files.writeString(logs.resolve("deep.json"), "{\"Records\":[{\"eventID\":\"d\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}]}");
        // Binary garbage with a gzip name, and a real gzip header over garbage.
        byte[] garbage = new byte[100_000];
        new Random(42).nextBytes(garbage);
        Files.write(logs.resolve("garbage.json.gz"), garbage);
        garbage[0] = 0x1f;
        garbage[1] = (byte) 0x8b;
        garbage[2] = 8;
        garbage[3] = 0;
        Files.write(logs.resolve("garbage-with-header.json.gz"), garbage);
        // Invalid UTF-8 inside a string.
        byte[] latin1 = "{\"Records\":[{\"eventID\":\"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(logs.resolve("latin1.json"), latin1);
        // Text in UTF-16 (no byte-order mark) and UTF-32 (with one), a named FIFO and a link to an endless device:
        // each is reported, none is opened for long, and the other files' events are kept.
        Files.write(logs.resolve("utf16.json"), "{\"Records\":[]} ".getBytes(StandardCharsets.UTF_16LE));
        Files.write(logs.resolve("utf32.json"), "\uFEFF{\"eventID\":\"u\"}".getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
        assertEquals(0, new ProcessBuilder("mkfifo", logs.resolve("fifo.json").toString()).start().waitFor());
        Files.createSymbolicLink(logs.resolve("zero.json"), Path.of("/dev/zero"));
        // Events whose eventIDs are not strings: each is its own event, none a duplicate of "7".
        Files.writeString(logs.resolve("ids.json"), "[{\"eventID\":7,\"eventName\":\"A\"},{\"eventID\":\"7\",\"eventName\":\"A\"},"
                + "{\"eventID\":[7],\"eventName\":\"A\"}]");
        // A symlink loop and a dangling link.
        Path sub = Files.createDirectories(logs.resolve("sub"));
        Files.createSymbolicLink(sub.resolve("loop"), logs);
        Files.createSymbolicLink(logs.resolve("dangling.json"), tmp.resolve("gone.json"));

        Path index = tmp.resolve("index");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.trailindex.cli.Main",
                "index", "-q", "--format", "json", "--index", index.toString(), logs.toString())
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run finished");
        String stderr = Files.readString(tmp.resolve("stderr.txt"));
        assertEquals(ExitCodes.INPUT_FAILED, p.exitValue(), stderr + new String(out, StandardCharsets.UTF_8));
        assertTrue(!stderr.contains("OutOfMemoryError") && !stderr.contains("Exception"), stderr);

        JsonNode report = TestSupport.JSON.readTree(out);
        Map<String, String> reasons = new HashMap<>();
        report.get("problems").forEach(x -> reasons.put(Path.of(x.get("file").asText()).getFileName().toString(),
                x.path("reason").asText(x.path("rejected").toString())));
        assertEquals("file-too-large", reasons.get("bomb.json.gz"), reasons.toString());
        assertEquals("not-json", reasons.get("zero-bomb.json.gz"), reasons.toString());
        assertTrue(reasons.get("huge-event.json.gz").matches("event-too-large|limit-exceeded"), reasons.toString());
        assertEquals("limit-exceeded", reasons.get("endless-string.json.gz"), reasons.toString());
        assertEquals("limit-exceeded", reasons.get("deep.json"), reasons.toString());
        assertEquals("not-json", reasons.get("garbage.json.gz"), reasons.toString());
        assertEquals("corrupt-gzip", reasons.get("garbage-with-header.json.gz"), reasons.toString());
        assertEquals("invalid-json", reasons.get("latin1.json"), reasons.toString());
        assertEquals("unreadable", reasons.get("loop"), reasons.toString());
        assertEquals("unreadable", reasons.get("dangling.json"), reasons.toString());
        assertEquals("utf-16", reasons.get("utf16.json"), reasons.toString());
        assertEquals("utf-32", reasons.get("utf32.json"), reasons.toString());
        assertEquals("not-a-regular-file", reasons.get("fifo.json"), reasons.toString());
        assertEquals("not-a-regular-file", reasons.get("zero.json"), reasons.toString());
        assertEquals(2 + 3, report.get("indexed").asInt());
        assertEquals(report.get("eventsRead").asLong(), report.get("indexed").asLong() + report.get("duplicates").asLong()
                + report.get("rejected").asLong());
    }

    @Test
    void limitsAreOptions() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("small"));
        StringBuilder big = new StringBuilder("{\"Records\":[{\"eventID\":\"big\",\"x\":\"");
        big.append("y".repeat(5000)).append("\"},{\"eventID\":\"small\"}]}");
        Files.writeString(logs.resolve("a.json"), big.toString());
        CliTest.Run r = CliTest.run("index", "-q", "--format", "json", "--max-event-size", "2000", "--index",
                tmp.resolve("i1").toString(), logs.toString());
        assertEquals(ExitCodes.INPUT_FAILED, r.code());
        JsonNode report = TestSupport.JSON.readTree(r.stdout());
        assertEquals(0, report.get("indexed").asInt(), "the event larger than 2000 bytes stops the file");
        CliTest.Run deep = CliTest.run("index", "-q", "--format", "json", "--max-depth", "2", "--index",
                tmp.resolve("i2").toString(), logs.toString());
        assertTrue(new String(deep.stdout(), StandardCharsets.UTF_8).contains("limit-exceeded"));
        CliTest.Run file = CliTest.run("index", "-q", "--format", "json", "--max-file-size", "100", "--index",
                tmp.resolve("i3").toString(), logs.toString());
        assertTrue(new String(file.stdout(), StandardCharsets.UTF_8).contains("file-too-large"));
        assertEquals(ExitCodes.USAGE, CliTest.run("index", "--max-event-size", "0", logs.toString()).code());
        CliTest.Run badSize = CliTest.run("index", "--max-event-size", "8x", logs.toString());
        assertEquals(ExitCodes.USAGE, badSize.code(), badSize.stderr());
        assertTrue(badSize.stderr().contains("--max-event-size takes a size such as"), badSize.stderr());
        // Sizes with k, m, g: 8m takes the 5,000-byte event the 2000-byte limit refused.
        CliTest.Run sized = CliTest.run("index", "-q", "--format", "json", "--max-event-size", "8m", "--max-file-size", "4g",
                "--index", tmp.resolve("i4").toString(), logs.toString());
        assertFalse(sized.out().contains("event-too-large") || sized.out().contains("file-too-large"), sized.out());
        assertTrue(sized.stderr().isEmpty(), sized.stderr());
    }
}
