package dev.trailindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.TestSupport;
import dev.trailindex.ingest.IngestLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-runs read only what changed; locks, full disks and unwritable places give clear errors and lose nothing. */
class IncrementalTest {
    @TempDir
    Path tmp;

    private static String records(String prefix, int from, int to) {
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = from; i < to; i++) {
            sb.append(i == from ? "" : ",").append("{\"eventID\":\"").append(prefix).append(i)
                    .append("\",\"eventName\":\"E\",\"eventTime\":\"2024-01-01T00:00:00Z\"}");
        }
        return sb.append("]}").toString();
    }

    private IngestReport run(Path index, Path logs, boolean full) {
        return new Indexer(TestSupport.SCHEMA, new Indexer.Options(2, IngestLimits.DEFAULT, 16, Duration.ofSeconds(10), full))
                .run(index, List.of(logs), null);
    }

    @Test
    void readsOnlyNewOrChangedFiles() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path index = tmp.resolve("index");
        Files.writeString(logs.resolve("a.json"), records("a", 0, 10));
        Files.writeString(logs.resolve("b.json"), records("b", 0, 10));
        Files.writeString(logs.resolve("c.json"), records("c", 0, 10));
        assertEquals(30, run(index, logs, false).indexed());

        IngestReport again = run(index, logs, false);
        assertEquals(3, again.filesUnchanged());
        assertEquals(0, again.eventsRead());

        // Touched but not changed: recognised by its hash, not read.
        Files.setLastModifiedTime(logs.resolve("a.json"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        IngestReport touched = run(index, logs, false);
        assertEquals(3, touched.filesUnchanged());
        assertEquals(0, touched.eventsRead());
        assertEquals(3, run(index, logs, false).filesUnchanged());

        // A changed file (aws s3 sync rewrote it with more events) and a new one: only they are read.
        Files.writeString(logs.resolve("b.json"), records("b", 0, 15));
        Files.writeString(logs.resolve("d.json"), records("d", 0, 5));
        IngestReport changed = run(index, logs, false);
        assertEquals(2, changed.filesUnchanged());
        assertEquals(2, changed.filesRead());
        assertEquals(10, changed.indexed());
        assertEquals(10, changed.duplicates());
        assertEquals(40, changed.documents());

        IngestReport full = run(index, logs, true);
        assertEquals(0, full.filesUnchanged());
        assertEquals(4, full.filesRead());
        assertEquals(0, full.indexed());
        assertEquals(40, full.documents());
    }

    @Test
    void aFileCutShortIsCompletedWhenItIsWhole() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Path index = tmp.resolve("index");
        String whole = records("x", 0, 20);
        Files.writeString(logs.resolve("partial.json"), whole.substring(0, whole.indexOf("\"x12\"")));
        IngestReport first = run(index, logs, false);
        assertEquals(12, first.indexed());
        assertEquals(1, first.filesFailed());
        Files.writeString(logs.resolve("partial.json"), whole);
        IngestReport second = run(index, logs, false);
        assertEquals(8, second.indexed());
        assertEquals(12, second.duplicates());
        assertEquals(20, second.documents());
        assertTrue(second.clean());
    }

    @Test
    void aSecondWriterFailsAtOnceWithAClearMessage() throws Exception {
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(logs.resolve("a.json"), records("a", 0, 3));
        Path index = tmp.resolve("index");
        run(index, logs, false);
        try (Directory dir = FSDirectory.open(index); IndexWriter holder = new IndexWriter(dir, new IndexWriterConfig())) {
            IndexException e = assertThrows(IndexException.class, () -> run(index, logs, true));
            assertTrue(e.getMessage().contains("is being written by another process"), e.getMessage());
        }
        assertEquals(3, run(index, logs, true).documents());
    }

    @Test
    void aFullDiskFailsClearlyAndKeepsEverythingCommitted() throws Exception {
        Path index = tmp.resolve("index");
        assertEquals(79, new Indexer(TestSupport.SCHEMA, Indexer.Options.defaults()).run(index, List.of(TestSupport.SAMPLES), null).indexed());
        Path more = Files.createDirectories(tmp.resolve("more"));
        for (int f = 0; f < 20; f++) {
            Files.writeString(more.resolve("m" + f + ".json"), records("m" + f + "-", 0, 500));
        }
        try (Directory full = new DiskFull(FSDirectory.open(index), 200_000)) {
            Indexer indexer = new Indexer(TestSupport.SCHEMA, new Indexer.Options(2, IngestLimits.DEFAULT, 1, Duration.ofMillis(20), false));
            IOException e = assertThrows(IOException.class, () -> indexer.run(index, full, List.of(more), null));
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        }
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir);
             CheckIndex check = new CheckIndex(dir)) {
            assertTrue(r.numDocs() >= 79, "everything committed before the disk filled is there: " + r.numDocs());
            assertTrue(check.checkIndex().clean, "the index is intact");
        }
        // With room again, the same command completes the work.
        IngestReport done = new Indexer(TestSupport.SCHEMA, Indexer.Options.defaults()).run(index, List.of(more), null);
        assertEquals(79 + 20 * 500, done.documents());
    }

    @Test
    void unwritablePlacesAreClearErrors() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        IndexException e1 = assertThrows(IndexException.class,
                () -> new Indexer(TestSupport.SCHEMA, Indexer.Options.defaults()).run(file.resolve("index"), List.of(TestSupport.SAMPLES), null));
        assertTrue(e1.getMessage().startsWith("cannot write the index at " + file.resolve("index")), e1.getMessage());
        IndexException e2 = assertThrows(IndexException.class,
                () -> new Indexer(TestSupport.SCHEMA, Indexer.Options.defaults()).run(Path.of("/proc/trailindex-index"), List.of(TestSupport.SAMPLES), null));
        assertTrue(e2.getMessage().startsWith("cannot write the index at /proc/trailindex-index"), e2.getMessage());
    }

    /** A directory whose disk fills up after {@code capacity} bytes. */
    static final class DiskFull extends FilterDirectory {
        private long left;

        DiskFull(Directory in, long capacity) {
            super(in);
            this.left = capacity;
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            return limited(super.createOutput(name, context));
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            return limited(super.createTempOutput(prefix, suffix, context));
        }

        private IndexOutput limited(IndexOutput out) {
            return new IndexOutput(out.toString(), out.getName()) {
                @Override
                public void writeByte(byte b) throws IOException {
                    spend(1);
                    out.writeByte(b);
                }

                @Override
                public void writeBytes(byte[] b, int offset, int length) throws IOException {
                    spend(length);
                    out.writeBytes(b, offset, length);
                }

                @Override
                public long getFilePointer() {
                    return out.getFilePointer();
                }

                @Override
                public long getChecksum() throws IOException {
                    return out.getChecksum();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        private synchronized void spend(long n) throws IOException {
            left -= n;
            if (left < 0) {
                throw new IOException("No space left on device");
            }
        }
    }
}
