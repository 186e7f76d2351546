package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a security review found destroying data, and the rules that now hold: export never replaces what it is not
 * told to, --index never writes into a folder that is not an index, a pipe is never skipped as unchanged, one file
 * in a foreign encoding or a FIFO never stops a run, and events that differ never share a key.
 */
class DataSafetyTest {
    @TempDir
    static Path tmp;

    static Path index;

    @BeforeAll
    static void indexSamples() {
        index = CliTest.indexSamples(tmp.resolve("idx"));
    }

    private static CliTest.Run export(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("export", "--index", index.toString()));
        args.addAll(List.of(more));
        args.add("eventName:ConsoleLogin");
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void exportWritesDevicesDirectlyAndNeverReplacesAFileUnasked() throws Exception {
        // A device stays a device.
        CliTest.Run dev = export("--out", "/dev/null");
        assertEquals(0, dev.code(), dev.stderr());
        assertFalse(Files.isRegularFile(Path.of("/dev/null")), "/dev/null is still a device");

        // An existing file needs --force; without it, one line, exit 2, and the file is untouched.
        Path existing = tmp.resolve("existing.json");
        Files.writeString(existing, "precious");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));
        CliTest.Run refused = export("--out", existing.toString());
        assertEquals(ExitCodes.USAGE, refused.code());
        assertEquals(1, refused.stderr().strip().lines().count(), refused.stderr());
        assertTrue(refused.stderr().contains("--force"), refused.stderr());
        assertEquals("precious", Files.readString(existing));

        // With --force it is replaced whole and keeps its permissions.
        assertEquals(0, export("--force", "--out", existing.toString()).code());
        JsonNode records = TestSupport.JSON.readTree(existing.toFile()).get("Records");
        assertEquals(2, records.size());
        assertEquals(PosixFilePermissions.fromString("rw-r-----"), Files.getPosixFilePermissions(existing));

        // A symbolic link stays a link; what it points to is replaced.
        Path target = tmp.resolve("target.json");
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.json"), target);
        assertEquals(0, export("--force", "--out", link.toString()).code());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(2, TestSupport.JSON.readTree(target.toFile()).get("Records").size());

        // A new file gets what the umask gives, as any file this process creates would.
        Path reference = Files.writeString(tmp.resolve("reference"), "");
        Path fresh = tmp.resolve("fresh.json.gz");
        assertEquals(0, export("--out", fresh.toString()).code());
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(fresh));
        assertTrue(Files.getPosixFilePermissions(fresh).contains(PosixFilePermission.OTHERS_READ)
                || !Files.getPosixFilePermissions(reference).contains(PosixFilePermission.OTHERS_READ), "not 0600");

        // A folder or a missing parent: one line, exit 2, nothing written.
        for (String bad : new String[] {tmp.toString(), tmp.resolve("no/such/dir/x.json").toString()}) {
            CliTest.Run r = export("--out", bad);
            assertEquals(ExitCodes.USAGE, r.code(), r.stderr());
            assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
            assertFalse(r.stderr().contains("Exception"), r.stderr());
        }
        assertFalse(Files.exists(tmp.resolve("no")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file is left");
        }

        // '-' streams to standard output, and the message goes to standard error.
        CliTest.Run stdout = export("--out", "-");
        assertEquals(0, stdout.code(), stdout.stderr());
        assertEquals(2, TestSupport.JSON.readTree(stdout.stdout()).get("Records").size());
        assertTrue(stdout.stderr().contains("exported 2 events"), stdout.stderr());
    }

    @Test
    void indexRefusesAFolderThatIsNotAnIndexAndTouchesNothing() throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("thesis"));
        Map<String, String> files = new TreeMap<>(Map.of("_notes.txt", "n", "_1.json", "{}", "_thesis.docx", "d",
                "_x.tmp", "t", "pending_segments_1", "p", "segments_9", "s", "write.lock", ""));
        for (var e : files.entrySet()) {
            Files.writeString(notes.resolve(e.getKey()), e.getValue());
        }
        CliTest.Run r = CliTest.run("index", "-q", "--index", notes.toString(), TestSupport.SAMPLES.toString());
        assertEquals(ExitCodes.ERROR, r.code(), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertTrue(r.stderr().contains(notes.toString()) && r.stderr().contains("not a trailindex index"), r.stderr());
        Map<String, String> after = new TreeMap<>();
        try (Stream<Path> s = Files.list(notes)) {
            for (Path p : s.toList()) {
                after.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        assertEquals(files, after, "every file is still there, unchanged, and nothing was added");

        // A folder of logs is no index either: no segment is written into the evidence.
        Path logs = Files.createDirectories(tmp.resolve("evidence"));
        Files.copy(TestSupport.SAMPLES.resolve("README.md"), logs.resolve("README.md"));
        assertEquals(ExitCodes.ERROR, CliTest.run("index", "-q", "--index", logs.toString(), TestSupport.SAMPLES.toString()).code());
        try (Stream<Path> s = Files.list(logs)) {
            assertEquals(1, s.count());
        }

        // Nothing is created when there is nothing to read.
        Path typo = tmp.resolve("typo-index");
        CliTest.Run none = CliTest.run("index", "-q", "--index", typo.toString(), tmp.resolve("nonexistent").toString());
        assertEquals(ExitCodes.INPUT_FAILED, none.code());
        assertFalse(Files.exists(typo), "no empty index is left behind");

        // An empty folder becomes an index, and the index is recognised on the next run.
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, CliTest.run("index", "-q", "--index", empty.toString(), TestSupport.SAMPLES.toString()).code());
        assertEquals(0, CliTest.run("index", "-q", "--index", empty.toString(), TestSupport.SAMPLES.toString()).code());
    }

    @Test
    void aFileInAnotherEncodingFailsAloneAndTheRunGoesOn() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("encodings"));
        String event = "{\"eventID\":\"e1\",\"eventName\":\"A\",\"eventTime\":\"2024-01-01T00:00:00Z\"}";
        Files.write(logs.resolve("utf16le.json"), "{\"Records\":[]} ".getBytes(StandardCharsets.UTF_16LE));   // 34 bytes, no BOM
        Files.write(logs.resolve("utf32le.json"), ("{\"Records\":[" + event + "]}").getBytes(java.nio.charset.Charset.forName("UTF-32LE")));
        Files.write(logs.resolve("utf16le.jsonl"), (event + "\n").getBytes(StandardCharsets.UTF_16LE));
        Files.write(logs.resolve("utf16be-bom.json"), ("\uFEFF" + event).getBytes(StandardCharsets.UTF_16BE));
        Files.writeString(logs.resolve("good.json"), "{\"Records\":[{\"eventID\":\"good\",\"eventName\":\"B\",\"eventTime\":\"2024-01-01T00:00:00Z\"}]}");
        Path idx = tmp.resolve("enc-index");
        for (int run = 0; run < 2; run++) {
            CliTest.Run r = CliTest.run("index", "-q", "--format", "json", "--index", idx.toString(), logs.toString());
            assertEquals(ExitCodes.INPUT_FAILED, r.code(), r.stderr() + r.out());
            JsonNode report = TestSupport.JSON.readTree(r.stdout());
            Map<String, String> reasons = new TreeMap<>();
            report.get("problems").forEach(p -> reasons.put(Path.of(p.get("file").asText()).getFileName().toString(), p.get("reason").asText()));
            assertEquals(Map.of("utf16le.json", "utf-16", "utf32le.json", "utf-32", "utf16le.jsonl", "utf-16",
                    "utf16be-bom.json", "utf-16"), reasons);
            assertEquals(1, report.get("documents").asInt(), "the good file's event is committed, on every run");
        }
        assertEquals("1\n", CliTest.run("search", "--index", idx.toString(), "--count", "eventID:good").out());
    }

    @Test
    void eventsThatDifferNeverShareAKey() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("ids"));
        // Four different events whose eventIDs look alike: only the string is an eventID.
        Files.writeString(logs.resolve("ids.json"), "{\"Records\":["
                + "{\"eventID\":12345,\"eventName\":\"N\",\"eventTime\":\"2024-01-01T00:00:00Z\"},"
                + "{\"eventID\":\"12345\",\"eventName\":\"S\",\"eventTime\":\"2024-01-01T00:00:00Z\"},"
                + "{\"eventID\":[1,2],\"eventName\":\"A\",\"eventTime\":\"2024-01-01T00:00:00Z\"},"
                + "{\"eventID\":1,\"eventName\":\"O\",\"eventTime\":\"2024-01-01T00:00:00Z\"},"
                // One UUID in two cases is one eventID (RFC 4122): the second copy is that event's, but its bytes
                // differ (the case of its eventID), so it is a conflicting copy, not a plain duplicate.
                + "{\"eventID\":\"9A000117-9046-4DCF-B459-1097984DC387\",\"eventName\":\"U\",\"eventTime\":\"2024-01-01T00:00:00Z\"},"
                + "{\"eventID\":\"9a000117-9046-4dcf-b459-1097984dc387\",\"eventName\":\"U\",\"eventTime\":\"2024-01-01T00:00:00Z\"}]}");
        Path idx = tmp.resolve("ids-index");
        CliTest.Run r = CliTest.run("index", "-q", "--format", "json", "--index", idx.toString(), logs.toString());
        assertEquals(0, r.code(), r.stderr());
        JsonNode report = TestSupport.JSON.readTree(r.stdout());
        assertEquals(5, report.get("indexed").asInt(), r.out());
        assertEquals(0, report.get("duplicates").asInt(), r.out());
        assertEquals(1, report.get("conflicts").asInt(), r.out());
        assertEquals("3\n", CliTest.run("search", "--index", idx.toString(), "--count", "ti.flags:event-id-not-a-string").out());
        assertEquals("1\n", CliTest.run("search", "--index", idx.toString(), "--count", "eventID:\"12345\"").out());
        // show reaches the UUID in either case, and a prefix matches in either case.
        for (String id : new String[] {"9A000117-9046-4DCF-B459-1097984DC387", "9a000117-9046-4dcf-b459-1097984dc387"}) {
            CliTest.Run show = CliTest.run("show", "--index", idx.toString(), id);
            assertEquals(0, show.code(), show.stderr());
            assertTrue(show.out().contains("\"eventName\":\"U\""), show.out());
        }
        assertEquals("1\n", CliTest.run("search", "--index", idx.toString(), "--count", "eventID:9A0001*").out());
        assertEquals("1\n", CliTest.run("search", "--index", idx.toString(), "--count", "eventID:9a0001*").out());
    }

    /** trailindex as its own process, with standard input from {@code stdin}. */
    static CliTest.Run process(byte[] stdin, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.trailindex.cli.Main"));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(tmp, "stderr", ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        return new CliTest.Run(p.exitValue(), out, Files.readString(err));
    }

    @Test
    void aPipeIsReadEveryTimeNeverSkippedAsUnchanged() throws Exception {
        Path idx = tmp.resolve("pipe-index");
        byte[] a = "{\"Records\":[{\"eventID\":\"pipe-a\",\"eventName\":\"A\",\"eventTime\":\"2024-01-01T00:00:00Z\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"eventID\":\"pipe-b\",\"eventName\":\"B\",\"eventTime\":\"2024-01-01T00:00:00Z\"}\n".getBytes(StandardCharsets.UTF_8);
        CliTest.Run first = process(a, "index", "-q", "--index", idx.toString(), "/dev/stdin");
        assertEquals(0, first.code(), first.stderr() + first.out());
        assertTrue(first.out().contains("1 new"), first.out());
        CliTest.Run second = process(b, "index", "-q", "--index", idx.toString(), "-");
        assertEquals(0, second.code(), second.stderr() + second.out());
        assertTrue(second.out().contains("1 new"), second.out());
        CliTest.Run again = process(a, "index", "-q", "--index", idx.toString(), "/dev/stdin");
        assertTrue(again.out().contains("1 read, 0 new, 1 duplicate,"), again.out());
        assertEquals("2\n", CliTest.run("search", "--index", idx.toString(), "--count", "").out());
        CliTest.Run show = CliTest.run("show", "--with-source", "--index", idx.toString(), "pipe-b");
        assertTrue(show.stderr().contains("source: (stdin)"), show.stderr());
    }

    @Test
    void fifosAndDevicesAreSkippedWithAReasonNeverOpened() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("fifo-logs"));
        Path fifo = logs.resolve("pipe.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Files.createSymbolicLink(logs.resolve("zero.json"), Path.of("/dev/zero"));
        Files.writeString(logs.resolve("good.json"), "{\"eventID\":\"f1\",\"eventName\":\"A\",\"eventTime\":\"2024-01-01T00:00:00Z\"}");
        Path idx = tmp.resolve("fifo-index");
        // Given as a folder and as a path of its own: neither hangs (the process is bounded by its timeout).
        CliTest.Run r = process(new byte[0], "index", "-q", "--format", "json", "--index", idx.toString(), logs.toString(), fifo.toString());
        assertEquals(0, r.code(), r.stderr() + r.out());
        JsonNode report = TestSupport.JSON.readTree(r.stdout());
        assertEquals(1, report.get("indexed").asInt());
        assertEquals(3, report.get("filesSkipped").asInt(), r.out());
        assertEquals(3, report.get("skippedByReason").get("not-a-regular-file").asInt(), r.out());
        Set<String> details = new java.util.HashSet<>();
        report.get("problems").forEach(p -> details.add(p.get("detail").asText()));
        assertTrue(details.stream().anyMatch(d -> d.contains("FIFO")) && details.stream().anyMatch(d -> d.contains("character device")), details.toString());
    }

    @Test
    void atFilesAreNotExpanded() throws Exception {
        Path q = Files.writeString(tmp.resolve("q.txt"), "eventName:ConsoleLogin");
        CliTest.Run r = CliTest.run("search", "--index", index.toString(), "--count", "@" + q);
        assertFalse(r.out().equals("2\n"), "the file's contents did not become the query");
        assertFalse(r.stderr().contains("ConsoleLogin"), r.stderr());
    }

    @Test
    void exportIsByteExactThroughAPipe() throws Exception {
        CliTest.Run viaFile = export("--out", tmp.resolve("bytes.json").toString());
        assertEquals(0, viaFile.code());
        CliTest.Run viaStdout = export("--out", "-");
        assertArrayEquals(Files.readAllBytes(tmp.resolve("bytes.json")), viaStdout.stdout());
        assertTrue(Files.isRegularFile(tmp.resolve("bytes.json"), LinkOption.NOFOLLOW_LINKS));
    }
}
