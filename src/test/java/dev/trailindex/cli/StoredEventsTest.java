package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.index.RawEvents;
import dev.trailindex.query.Order;
import dev.trailindex.query.Row;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.schema.Derivation;
import dev.trailindex.search.LocalBackend;
import dev.trailindex.search.SearchBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored original events as zstd frames (forced on for small inputs with the test property) read back byte
 * for byte through every command that prints them, exactly as the same input indexed with plain storage; an index
 * holding both kinds reads; copies and the conflicting-copies re-flagging see the original bytes.
 */
class StoredEventsTest {
    private static final String MODE = "trailindex.rawEvents.zstd";
    private static final String RAW = TestSupport.SCHEMA.derived(Derivation.RAW_EVENT).name();

    @TempDir
    Path tmp;

    static CliTest.Run indexWith(String mode, Path idx, Path... inputs) {
        List<String> args = new ArrayList<>(List.of("index", "-q", "--threads", "2", "--index", idx.toString()));
        for (Path p : inputs) {
            args.add(p.toString());
        }
        System.setProperty(MODE, mode);
        try {
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            // The corpus holds broken files on purpose: they fail, the rest is indexed (exit status 3).
            assertTrue(r.code() == ExitCodes.OK || r.code() == ExitCodes.INPUT_FAILED, r.code() + ": " + r.stderr());
            return r;
        } finally {
            System.clearProperty(MODE);
        }
    }

    /** {documents, of which stored as zstd frames}, read from Lucene directly. */
    static long[] frames(Path idx) throws Exception {
        long docs = 0;
        long frames = 0;
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(idx))) {
            for (LeafReaderContext leaf : r.leaves()) {
                StoredFields sf = leaf.reader().storedFields();
                org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    if (live != null && !live.get(d)) {
                        continue;
                    }
                    BytesRef b = sf.document(d, java.util.Set.of(RAW)).getBinaryValue(RAW);
                    docs++;
                    frames += RawEvents.isFrame(b.bytes, b.offset, b.length) ? 1 : 0;
                }
            }
        }
        return new long[] {docs, frames};
    }

    private static java.util.Set<String> codecs(Path idx) throws Exception {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try (FSDirectory d = FSDirectory.open(idx)) {
            for (org.apache.lucene.index.SegmentCommitInfo si : org.apache.lucene.index.SegmentInfos.readLatestCommit(d)) {
                names.add(si.info.getCodec().getName());
            }
        }
        return names;
    }

    private static byte[] out(String... args) {
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.stderr());
        return r.stdout();
    }

    /** Every command that prints originals, on both indexes: the same bytes. */
    private static void sameOutput(Path plain, Path packed) throws Exception {
        List<List<String>> commands = new ArrayList<>(List.of(
                List.of("search", "--limit", "all", "--format", "ndjson", "--sort", "oldest", "*:*"),
                List.of("search", "--limit", "all", "--format", "json", "--sort", "newest", "*:*"),
                List.of("search", "--limit", "all", "--format", "csv", "--fields", "eventTime,requestParameters.bucketName,ti.file", "*:*"),
                List.of("search", "--limit", "7", "--format", "ndjson", "eventName:*"),
                List.of("export", "-o", "-", "*:*"),
                List.of("facets", "--field", "requestParameters.bucketName", "--field", "eventName", "*:*")));
        byte[] ndjson = out("search", "--index", plain.toString(), "--limit", "all", "--format", "ndjson", "--sort", "oldest", "*:*");
        assertTrue(ndjson.length > 1000, "the plain index printed its events");
        JsonNode hits = TestSupport.JSON.readTree(out("search", "--index", plain.toString(), "--limit", "30", "--format", "json", "*:*"));
        for (JsonNode h : hits.get("hits")) {
            commands.add(List.of("show", h.get("eventID").asText()));
            commands.add(List.of("show", "--all-copies", h.get("eventID").asText()));
        }
        for (List<String> c : commands) {
            List<String> a = new ArrayList<>(c.subList(0, 1));
            a.addAll(List.of("--index", plain.toString()));
            a.addAll(c.subList(1, c.size()));
            List<String> b = new ArrayList<>(a);
            b.set(2, packed.toString());
            byte[] expected = out(a.toArray(String[]::new));
            byte[] actual = out(b.toArray(String[]::new));
            if (c.get(0).equals("search") && c.contains("json")) {
                // The JSON hits name the index's files by path: the same files here, so the same text.
                assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8), c.toString());
            } else {
                assertArrayEquals(expected, actual, c.toString());
            }
        }
        // A scan reads nested values from the originals.
        assertEquals(scan(plain), scan(packed));
    }

    private static List<Row> scan(Path idx) {
        List<Row> rows = new ArrayList<>();
        try (SearchBackend b = LocalBackend.open(idx, TestSupport.SCHEMA)) {
            b.scan(new SearchRequest("*:*", null, null, 0, Order.OLDEST, null, java.time.ZoneOffset.UTC),
                    List.of("requestParameters.bucketName", "userAgent", "errorMessage"), rows::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertFalse(rows.isEmpty());
        return rows;
    }

    private void bytesIdentical(Path input) throws Exception {
        Path plain = tmp.resolve("plain");
        Path packed = tmp.resolve("packed");
        indexWith("never", plain, input);
        indexWith("always", packed, input);
        assertFalse(Files.exists(plain.resolve(RawEvents.DICTIONARY)));
        assertTrue(Files.size(packed.resolve(RawEvents.DICTIONARY)) > 0);
        long[] p = frames(plain);
        long[] z = frames(packed);
        assertEquals(0, p[1], "plain storage holds no frame");
        assertEquals(p[0], z[0]);
        assertEquals(z[0], z[1], "every original is a zstd frame");
        // Frames are stored in EventCodec's small blocks, plain events in Lucene's DEFLATE blocks.
        assertEquals(java.util.Set.of(dev.trailindex.index.EventCodec.NAME), codecs(packed));
        assertEquals(java.util.Set.of("Lucene104"), codecs(plain));
        sameOutput(plain, packed);
    }

    @Test
    void samplesReadBackByteForByteFromZstdFrames() throws Exception {
        bytesIdentical(TestSupport.SAMPLES);
    }

    @Test
    void corpusReadsBackByteForByteFromZstdFrames() throws Exception {
        bytesIdentical(TestSupport.corpus());
    }

    @Test
    void smallInputsKeepPlainStorage() throws Exception {
        Path idx = tmp.resolve("auto");
        indexWith("auto", idx, TestSupport.SAMPLES);
        assertFalse(Files.exists(idx.resolve(RawEvents.DICTIONARY)));
        assertEquals(0, frames(idx)[1]);
    }

    @Test
    void anIndexOfPlainEventsTakesCompressedOnesAndReadsBoth() throws Exception {
        Path corpus = TestSupport.corpus();
        // One index built in two runs: the samples plain (as any index before this change), then the corpus with a
        // dictionary trained in the second run. Against: the same two inputs, each in an index of its own, plain.
        Path mixed = tmp.resolve("mixed");
        indexWith("auto", mixed, TestSupport.SAMPLES);
        indexWith("always", mixed, corpus);
        long[] m = frames(mixed);
        assertTrue(m[1] > 0 && m[1] < m[0], "both kinds in one index: " + m[0] + " documents, " + m[1] + " frames");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        indexWith("never", a, TestSupport.SAMPLES);
        indexWith("never", b, corpus);
        List<String> expected = new ArrayList<>();
        for (Path p : List.of(a, b)) {
            expected.addAll(lines(out("search", "--index", p.toString(), "--limit", "all", "--format", "ndjson", "*:*")));
        }
        List<String> actual = lines(out("search", "--index", mixed.toString(), "--limit", "all", "--format", "ndjson", "*:*"));
        expected.sort(null);
        actual.sort(null);
        assertEquals(expected.size(), actual.size());
        assertEquals(expected, actual);
    }

    private static List<String> lines(byte[] b) {
        return new ArrayList<>(List.of(new String(b, StandardCharsets.ISO_8859_1).split("\n")));
    }

    private static String event(String id, int n, String ip) {
        return "{\"eventVersion\":\"1.08\",\"eventID\":\"" + id + "\",\"eventName\":\"GetObject\","
                + "\"eventTime\":\"2024-05-01T10:" + String.format("%02d:%02d", n / 60 % 60, n % 60) + "Z\","
                + "\"eventSource\":\"s3.amazonaws.com\",\"sourceIPAddress\":\"" + ip + "\","
                + "\"requestParameters\":{\"bucketName\":\"bucket-" + (n % 7) + "\",\"key\":\"logs/" + n + ".txt\"}}";
    }

    @Test
    void aConflictingCopyInALaterRunReflagsTheCompressedEventAndKeepsBothOriginals() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        String x = "aaaaaaaa-0000-4000-8000-000000000001";
        String first = event(x, 0, "192.0.2.1");
        String changed = event(x, 0, "198.51.100.9");
        List<String> fill = new ArrayList<>(List.of(first));
        for (int i = 1; i < 400; i++) {
            fill.add(event(String.format("cccccccc-0000-4000-8000-%012d", i), i, "192.0.2." + (i % 250)));
        }
        Files.writeString(logs.resolve("a.json"), "{\"Records\":[" + String.join(",", fill) + "]}");
        Path idx = tmp.resolve("copies");
        indexWith("always", idx, logs);
        assertEquals(frames(idx)[0], frames(idx)[1]);
        Files.writeString(logs.resolve("b.json"), "{\"Records\":[" + changed + "]}");
        byte[] dict = Files.readAllBytes(idx.resolve(RawEvents.DICTIONARY));
        CliTest.Run r = indexWith("always", idx, logs);
        assertArrayEquals(dict, Files.readAllBytes(idx.resolve(RawEvents.DICTIONARY)), "a later run reuses the dictionary");
        assertTrue(r.out().contains("1 conflicting"), r.out());
        assertEquals(first + "\n", new String(out("search", "--index", idx.toString(), "--format", "ndjson",
                "ti.flags:conflicting-copies"), StandardCharsets.UTF_8), "the indexed copy, re-flagged, keeps its bytes");
        List<String> shown = new String(out("show", "--index", idx.toString(), "--all-copies", x), StandardCharsets.UTF_8)
                .lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(List.of(first, changed), shown, "both copies, exact bytes, the indexed one first");
        assertEquals(first, new String(out("show", "--index", idx.toString(), x), StandardCharsets.UTF_8).strip());
    }

    @Test
    void anIndexOfSchemaVersion5IsOneLineSayingReindex() throws Exception {
        // Version 5 stored the events plain, always: a version-5 trailindex would print frames as events, so the
        // version went up; an index of the old version is refused by this one with one line.
        Path idx = tmp.resolve("v5");
        indexWith("auto", idx, TestSupport.SAMPLES);
        try (org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(FSDirectory.open(idx),
                new org.apache.lucene.index.IndexWriterConfig().setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
            java.util.Map<String, String> data = new java.util.HashMap<>();
            w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            data.put("trailindex.schemaVersion", "5");
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
        for (String cmd : List.of("search", "show", "index")) {
            CliTest.Run r = CliTest.run(cmd, "--index", idx.toString(), cmd.equals("index") ? TestSupport.SAMPLES.toString() : "x");
            assertEquals(1, r.code(), r.stderr());
            assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
            assertTrue(r.stderr().contains("schema version 5") && r.stderr().contains("schema version 6")
                    && r.stderr().contains("re-index"), r.stderr());
        }
    }

    @Test
    void aDamagedDictionaryIsOneClearLine() throws Exception {
        Path idx = tmp.resolve("damaged");
        indexWith("always", idx, TestSupport.SAMPLES);
        Files.write(idx.resolve(RawEvents.DICTIONARY), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        CliTest.Run r = CliTest.run("search", "--index", idx.toString(), "--format", "ndjson", "*:*");
        assertTrue(r.code() != 0);
        assertTrue(r.stderr().contains(RawEvents.DICTIONARY) && r.stderr().contains("re-index"), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        // A count reads no event: it still works.
        assertEquals(0, CliTest.run("search", "--index", idx.toString(), "--count", "*:*").code());
    }
}
