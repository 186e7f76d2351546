package dev.trailindex.index;

import dev.trailindex.ingest.EventSink;
import dev.trailindex.ingest.FileOutcome;
import dev.trailindex.ingest.IngestLimits;
import dev.trailindex.ingest.InputWalker;
import dev.trailindex.ingest.LogFileReader;
import dev.trailindex.ingest.RawEvent;
import dev.trailindex.ingest.SinkException;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Indexes files and folders of CloudTrail logs into an on-disk index: files are read in parallel, each event
 * becomes one document, and an event already in the index (or read twice) is not written again. Bad input is
 * counted in the report and never stops the run; a failure to write the index does, leaving the last commit.
 */
public final class Indexer {

    /** Receives progress now and then during long runs. */
    @FunctionalInterface
    public interface Progress {
        void update(long filesDone, long files, long eventsRead, long indexed);
    }

    /**
     * How to index.
     *
     * @param threads     files read at once
     * @param limits      bounds on hostile input
     * @param ramBufferMb Lucene's indexing buffer
     */
    public record Options(int threads, IngestLimits limits, int ramBufferMb) {
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), IngestLimits.DEFAULT, 64);
        }
    }

    private static final int LOCK_STRIPES = 256;

    private final Schema schema;
    private final Options options;
    private final DocumentBuilder builder;
    private final LogFileReader reader;
    private final String keyField;
    private final Object[] stripes = new Object[LOCK_STRIPES];

    public Indexer(Schema schema, Options options) {
        this.schema = schema;
        this.options = options;
        this.builder = new DocumentBuilder(schema);
        this.reader = new LogFileReader(schema, options.limits());
        this.keyField = schema.derived(Derivation.EVENT_KEY).name();
        for (int i = 0; i < LOCK_STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** Creates an empty index at {@code indexDir} unless one is there (an existing one is not touched). */
    public void createIfMissing(Path indexDir) {
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (DirectoryReader.indexExists(dir)) {
                return;
            }
        } catch (IOException e) {
            throw new IndexException("cannot open the index at " + indexDir + ": " + e.getMessage(), e);
        }
        run(indexDir, List.of(), null);
    }

    /** Indexes {@code inputs} into the index at {@code indexDir}, creating it if needed. */
    public IngestReport run(Path indexDir, List<Path> inputs, Progress progress) {
        long started = System.nanoTime();
        InputWalker.Found found = InputWalker.walk(inputs);
        ReportBuilder report = new ReportBuilder(found.files().size() + found.errors().size());
        found.errors().forEach(report::add);
        try (Directory dir = FSDirectory.open(indexDir)) {
            DedupTable dedup = new DedupTable();
            if (DirectoryReader.indexExists(dir)) {
                IndexMeta.check(indexDir, SegmentInfos.readLatestCommit(dir).getUserData(), schema);
                preload(dir, dedup);
            }
            try (IndexWriter writer = new IndexWriter(dir, config())) {
                writer.setLiveCommitData(IndexMeta.of(schema).entrySet());
                indexAll(writer, found.files(), dedup, report, progress);
                writer.commit();
                long millis = (System.nanoTime() - started) / 1_000_000;
                return report.build(writer.getDocStats().numDocs, millis);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IndexException("cannot write the index at " + indexDir + ": " + e.getMessage(), e);
        }
    }

    private IndexWriterConfig config() {
        IndexWriterConfig cfg = new IndexWriterConfig(Analyzers.forSchema(schema));
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        cfg.setRAMBufferSizeMB(options.ramBufferMb());
        // The original events dominate the index; DEFLATE-compressed stored fields keep it small.
        cfg.setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
        cfg.setCommitOnClose(false);
        return cfg;
    }

    private void preload(Directory dir, DedupTable dedup) throws IOException {
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            Terms terms = MultiTerms.getTerms(r, keyField);
            if (terms == null) {
                return;
            }
            TermsEnum te = terms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                dedup.preload(EventKeys.hash64(t.utf8ToString()));
            }
        }
    }

    private void indexAll(IndexWriter writer, List<Path> files, DedupTable dedup, ReportBuilder report,
            Progress progress) throws IOException {
        int threads = Math.max(1, Math.min(options.threads(), files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "trailindex-ingest");
            t.setDaemon(true);
            return t;
        });
        ProgressTicker ticker = new ProgressTicker(report, files.size(), progress);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                int fileIndex = i;
                Path file = files.get(i);
                EventSink sink = ev -> write(writer, dedup, report, fileIndex, ev);
                tasks.add(pool.submit(() -> report.add(reader.read(file, file.toString(), sink))));
            }
            for (Future<?> f : tasks) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SinkException se) {
                throw se.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
            ticker.close();
        }
    }

    private void write(IndexWriter writer, DedupTable dedup, ReportBuilder report, int fileIndex, RawEvent ev)
            throws IOException {
        report.eventsRead.incrementAndGet();
        DocumentBuilder.Built built = builder.build(ev);
        long hash = EventKeys.hash64(built.key());
        synchronized (stripes[(int) (hash & (LOCK_STRIPES - 1))]) {
            switch (dedup.claim(hash, DedupTable.position(fileIndex, ev.record()))) {
                case NEW -> {
                    writer.addDocument(built.document());
                    report.indexed.incrementAndGet();
                }
                case REPLACE -> {
                    writer.updateDocument(new Term(keyField, built.key()), built.document());
                    report.duplicates.incrementAndGet();
                }
                case DUPLICATE -> report.duplicates.incrementAndGet();
            }
        }
    }

}
