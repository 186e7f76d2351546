package dev.trailindex.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.TestSupport;
import dev.trailindex.index.IngestReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real corpus files, cut at random offsets, with random bytes flipped, and spliced together (seeded, so a failure
 * repeats). The reader never crashes or hangs; a cut file yields exactly the events that end before the cut;
 * indexing everything, the counts add up.
 */
class FuzzTest {
    /** Another seed: -Dtrailindex.fuzz.seed=N. */
    private static final long SEED = Long.getLong("trailindex.fuzz.seed", 20261122L);
    private static final int FILES = 60;

    @TempDir
    Path tmp;

    private final LogFileReader reader = new LogFileReader(TestSupport.SCHEMA, IngestLimits.DEFAULT);

    private record Read(FileOutcome outcome, List<RawEvent> events) {
    }

    private Read read(Path p) {
        List<RawEvent> events = new ArrayList<>();
        FileOutcome o = reader.read(p, p.toString(), events::add);
        return new Read(o, events);
    }

    private static byte[] content(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        if (b.length > 2 && b[0] == 0x1f && b[1] == (byte) 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
                return in.readAllBytes();
            }
        }
        return b;
    }

    private static List<Path> sources(Random random) throws IOException {
        Path corpus = TestSupport.corpus();
        List<Path> all;
        try (Stream<Path> s = Files.walk(corpus)) {
            all = s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz"))
                    .filter(p -> !p.toString().contains("lookup-events"))
                    .sorted().toList();
        }
        List<Path> picked = new ArrayList<>(all);
        java.util.Collections.shuffle(picked, random);
        return picked.subList(0, Math.min(FILES, picked.size()));
    }

    @Test
    void cutFlippedAndSplicedFilesNeverBreakTheReader() throws Exception {
        Random random = new Random(SEED);
        List<Path> sources = sources(random);
        Path fuzz = Files.createDirectories(tmp.resolve("fuzz"));
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            int n = 0;
            int cutsChecked = 0;
            int partialsChecked = 0;
            for (Path src : sources) {
                byte[] original = content(src);
                Path whole = Files.write(fuzz.resolve(n + "-whole.json"), original);
                Read full = read(whole);
                if (!full.outcome().ok() || full.events().isEmpty()) {
                    Files.delete(whole);
                    continue;
                }
                // Cut: exactly the events whose last byte comes before the cut are read whole, byte for byte; the
                // event the cut falls in may follow as one partial event: its bytes from its start to the cut, its
                // fields those of the whole event that end before the cut.
                int cut = random.nextInt(original.length);
                Path cutFile = Files.write(fuzz.resolve(n + "-cut.json"), Arrays.copyOf(original, cut));
                List<String> want = new ArrayList<>();
                RawEvent cutShort = null;
                for (RawEvent e : full.events()) {
                    if (e.offset() + e.json().length <= cut) {
                        want.add(new String(e.json(), java.nio.charset.StandardCharsets.UTF_8));
                    } else if (e.offset() < cut && cutShort == null) {
                        cutShort = e;
                    }
                }
                List<RawEvent> read = read(cutFile).events();
                List<RawEvent> wholeRead = read.stream().filter(e -> !e.partial()).toList();
                List<String> got = wholeRead.stream().map(e -> new String(e.json(), java.nio.charset.StandardCharsets.UTF_8)).toList();
                assertEquals(want, got, src + " cut at " + cut);
                assertTrue(read.size() - wholeRead.size() <= 1, src + " cut at " + cut + ": more than one partial event");
                if (read.size() > wholeRead.size()) {
                    RawEvent p = read.get(read.size() - 1);
                    RawEvent was = cutShort;
                    assertTrue(p.partial() && was != null && p.offset() == was.offset(), src + " cut at " + cut);
                    assertTrue(Arrays.equals(Arrays.copyOfRange(original, (int) was.offset(), cut), p.json()), src + " partial bytes");
                    p.tree().fields().forEachRemaining(f -> assertEquals(was.tree().get(f.getKey()), f.getValue(),
                            src + " cut at " + cut + ": salvaged " + f.getKey()));
                    partialsChecked++;
                }
                cutsChecked++;
                // A gzip'd copy cut short: what is read is a prefix of the whole file's events.
                byte[] gz = gzip(original);
                Path gzCut = Files.write(fuzz.resolve(n + "-cut.json.gz"), Arrays.copyOf(gz, random.nextInt(gz.length)));
                List<RawEvent> prefix = read(gzCut).events();
                for (int i = 0; i < prefix.size(); i++) {
                    RawEvent one = prefix.get(i);
                    byte[] all = full.events().get(i).json();
                    if (one.partial()) {
                        // Only the last one, and a prefix of the whole event.
                        assertEquals(prefix.size() - 1, i, src + " gz partial not last");
                        assertTrue(one.json().length < all.length
                                && Arrays.equals(all, 0, one.json().length, one.json(), 0, one.json().length), src + " gz partial " + i);
                    } else {
                        assertTrue(Arrays.equals(all, one.json()), src + " gz prefix " + i);
                    }
                }
                // Flipped bytes and splices: whatever comes out, the reader returns an outcome.
                byte[] flipped = original.clone();
                for (int f = 0; f < 1 + random.nextInt(8); f++) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                read(Files.write(fuzz.resolve(n + "-flipped.json"), flipped));
                byte[] other = content(sources.get(random.nextInt(sources.size())));
                ByteArrayOutputStream splice = new ByteArrayOutputStream();
                splice.write(original, 0, random.nextInt(original.length));
                int from = random.nextInt(other.length);
                splice.write(other, from, other.length - from);
                read(Files.write(fuzz.resolve(n + "-spliced.json"), splice.toByteArray()));
                // The same text in UTF-16 and UTF-32, with and without a byte-order mark, as a file and as JSON
                // lines: each fails with its encoding's reason, never the run.
                if (n < 6) {
                    reencoded(fuzz, n, original);
                }
                n++;
            }
            assertTrue(cutsChecked > 20, "cuts checked: " + cutsChecked);
            assertTrue(partialsChecked > 5, "partial events checked: " + partialsChecked);

            // All of it through the indexer: the counts add up.
            IngestReport r = TestSupport.index(tmp.resolve("index"), 2, fuzz);
            assertEquals(r.eventsRead(), r.indexed() + r.duplicates() + r.conflicts() + r.rejected(), r.toString());
            assertEquals(r.indexed(), r.documents());
            assertEquals(r.files(), r.filesRead() + r.filesSkipped() + r.filesFailed());
        });
    }

    private void reencoded(Path dir, int n, byte[] utf8) throws IOException {
        String text = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
        String[][] encodings = {{"UTF-16LE", "utf-16"}, {"UTF-16BE", "utf-16"}, {"UTF-32LE", "utf-32"}, {"UTF-32BE", "utf-32"}};
        for (String[] enc : encodings) {
            java.nio.charset.Charset cs = java.nio.charset.Charset.forName(enc[0]);
            for (boolean bom : new boolean[] {false, true}) {
                for (String ext : new String[] {".json", ".jsonl"}) {
                    String body = ext.equals(".jsonl") ? text.replace("\n", " ") + "\n" : text;
                    byte[] bytes = ((bom ? "\uFEFF" : "") + body).getBytes(cs);
                    Path p = Files.write(dir.resolve(n + "-" + enc[0] + (bom ? "-bom" : "") + ext), bytes);
                    Read r = read(p);
                    assertEquals(enc[1], r.outcome().reason() == null ? null : r.outcome().reason().label(), p.toString());
                    assertTrue(r.outcome().failed() && r.events().isEmpty(), p.toString());
                    assertTrue(r.outcome().detail().contains("iconv -f " + enc[0]), r.outcome().detail());
                }
            }
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }
}
