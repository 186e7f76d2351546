package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.MultiBits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real indexer processes over the corpus, committing after every file so that kill points do not depend on the
 * machine's speed, killed with SIGKILL after their 2nd, 15th and 40th commit (of over a thousand). After each
 * kill the index opens, passes Lucene's CheckIndex and holds only whole events; running the same command again
 * completes it, and the result has exactly the documents of one uninterrupted run.
 */
class CrashSafetyTest {
    @TempDir
    Path tmp;

    private static Process start(Path index, Path input) throws IOException {
        return start(index, input, "50ms");
    }

    private static Process start(Path index, Path input, String commitInterval) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.trailindex.cli.Main",
                "index", "-q", "--threads", "2", "--commit-interval", commitInterval, "--index", index.toString(), input.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int runToEnd(Path index, Path input) throws Exception {
        Process p = start(index, input);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "indexer finished");
        return p.exitValue();
    }

    private static long generation(Path index) throws IOException {
        if (!Files.isDirectory(index)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(index)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("segments_"))
                    .mapToLong(n -> Long.parseLong(n.substring("segments_".length()), Character.MAX_RADIX)).max().orElse(0);
        }
    }

    /** Every document as key|file|record|hash of its original bytes, after checking each is a whole event. */
    private static Set<String> contents(Path index) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir); CheckIndex check = new CheckIndex(dir)) {
            assertTrue(check.checkIndex().clean, "CheckIndex finds the index intact");
            StoredFields stored = r.storedFields();
            Bits live = MultiBits.getLiveDocs(r);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int d = 0; d < r.maxDoc(); d++) {
                if (live != null && !live.get(d)) {
                    continue;
                }
                Document doc = stored.document(d);
                byte[] raw = doc.getBinaryValue("ti.raw").bytes;
                org.apache.lucene.index.SortedSetDocValues flags = org.apache.lucene.index.MultiDocValues.getSortedSetValues(r, "ti.flags");
                Set<String> flagged = new TreeSet<>();
                if (flags != null && flags.advanceExact(d)) {
                    for (int i = 0; i < flags.docValueCount(); i++) {
                        flagged.add(flags.lookupOrd(flags.nextOrd()).utf8ToString());
                    }
                }
                if (flagged.contains("partial")) {
                    // A record cut short in a broken input file: its cut bytes, with the fields that were whole.
                    assertTrue(dev.trailindex.ingest.Salvage.fields(raw).has("eventTime"), "a partial event with its time");
                } else {
                    JsonNode event = TestSupport.JSON.readTree(raw);
                    assertTrue(event.isObject(), "a whole event");
                }
                out.add(doc.get("ti.id") + "|" + doc.get("ti.file") + "|" + doc.getField("ti.record").numericValue()
                        + "|" + HexFormat.of().formatHex(md.digest(raw)));
            }
        }
        return out;
    }

    @Test
    void killedRunsLeaveAnIntactIndexThatTheSameCommandCompletes() throws Exception {
        Path corpus = TestSupport.corpus().toAbsolutePath().normalize();
        Path reference = tmp.resolve("reference");
        assertEquals(ExitCodes.INPUT_FAILED, runToEnd(reference, corpus), "the corpus has broken files");
        Set<String> want = contents(reference);

        Path index = tmp.resolve("killed");
        List<Integer> seenMidRun = new ArrayList<>();
        for (long killAfter : new long[] {2, 15, 40}) {
            Process p = start(index, corpus, "0");
            long base = generation(index);
            while (p.isAlive() && generation(index) < base + killAfter) {
                Thread.sleep(2);
            }
            boolean killed = p.isAlive();
            p.destroyForcibly();                       // SIGKILL
            p.waitFor(30, TimeUnit.SECONDS);
            Set<String> partial = contents(index);     // opens, intact, whole events only
            assertTrue(want.containsAll(partial), "a killed run holds only events of the real run");
            if (killed && partial.size() < want.size()) {
                seenMidRun.add(partial.size());
            }
        }
        assertEquals(3, seenMidRun.size(), "kills landed mid-run: " + seenMidRun);
        assertEquals(ExitCodes.INPUT_FAILED, runToEnd(index, corpus));
        assertEquals(want, contents(index));
        // And once more: nothing changes.
        assertEquals(ExitCodes.INPUT_FAILED, runToEnd(index, corpus));
        assertEquals(want, contents(index));
    }

    @Test
    void aSecondIndexerOnTheSameIndexFailsAtOnce() throws Exception {
        Path corpus = TestSupport.corpus().toAbsolutePath().normalize();
        Path index = tmp.resolve("shared");
        Process first = start(index, corpus, "0");
        try {
            while (first.isAlive() && generation(index) < 2) {
                Thread.sleep(2);
            }
            assertTrue(first.isAlive(), "the first indexer is still running");
            CliTest.Run second = CliTest.run("index", "-q", "--index", index.toString(), TestSupport.SAMPLES.toString());
            assertEquals(ExitCodes.ERROR, second.code());
            assertTrue(second.stderr().contains("is being written by another process"), second.stderr());
            // Searching while it indexes works and sees what is committed.
            CliTest.Run count = CliTest.run("search", "--count", "--index", index.toString());
            assertEquals(0, count.code(), count.stderr());
            assertTrue(Long.parseLong(count.out().strip()) > 0);
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void ctrlCCommitsWhatIsFinishedAndSaysSo() throws Exception {
        // kill -TERM leaves standard input open: the stop commits while the run would go on. Process.destroy also
        // closes the child's standard input, so the run starts to end at that moment: the stop waits for that end.
        stopAndResume(tmp.resolve("stopped-by-signal"), true);
        stopAndResume(tmp.resolve("stopped-at-end"), false);
    }

    private void stopAndResume(Path index, boolean signalOnly) throws Exception {
        // The samples are read at once; standard input stays open, so the run cannot end by itself. With commits an
        // hour apart, only the stop commits anything.
        Path err = tmp.resolve(index.getFileName() + "-stderr.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.trailindex.cli.Main",
                "index", "--commit-interval", "1h", "--index", index.toString(), TestSupport.SAMPLES.toString(), "-")
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(err).contains("indexing: 22 of 23 files") && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "the run waits for standard input: " + Files.readString(err));
        if (signalOnly) {
            // SIGTERM, as Ctrl-C's SIGINT: the shutdown hooks run.
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
        } else {
            p.destroy();
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        p.getOutputStream().close();
        String said = Files.readString(err);
        assertEquals(143, p.exitValue(), said);
        assertTrue(said.contains("stopped; what was read is committed (the index holds 79 events); run the same command again"), said);
        assertEquals(79, contents(index).size());
        // The same command completes it: the sample files are recorded as ingested, nothing is read twice.
        CliTest.Run again = CliTest.run("index", "-q", "--index", index.toString(), TestSupport.SAMPLES.toString());
        assertEquals(0, again.code(), again.stderr());
        assertTrue(again.out().contains("0 new") && again.out().contains("21 unchanged since the last run"), again.out());
    }
}
