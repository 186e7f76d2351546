package dev.trailindex.index;

import dev.trailindex.ingest.EventSink;
import dev.trailindex.ingest.FileOutcome;
import dev.trailindex.ingest.IngestLimits;
import dev.trailindex.ingest.InputWalker;
import dev.trailindex.ingest.LogFileReader;
import dev.trailindex.ingest.RawEvent;
import dev.trailindex.ingest.SinkException;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Indexes files and folders of CloudTrail logs into an on-disk index: files are read in parallel, each event
 * becomes one document, and an event already in the index (or read twice) is not written again. Only new or
 * changed files are read (see {@link FileManifest}); commits happen every few seconds, so a killed run loses at
 * most the last interval and is completed by running it again. Bad input is counted in the report and never
 * stops the run; a failure to write the index does, leaving the last commit.
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
     * @param threads        files read at once
     * @param limits         bounds on hostile input
     * @param ramBufferMb    Lucene's indexing buffer
     * @param commitInterval time between commits during a run
     * @param full           read every file, even those the index has already ingested unchanged
     */
    public record Options(int threads, IngestLimits limits, int ramBufferMb, Duration commitInterval, boolean full) {
        public Options(int threads, IngestLimits limits, int ramBufferMb) {
            this(threads, limits, ramBufferMb, Duration.ofSeconds(10), false);
        }

        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), IngestLimits.DEFAULT, 64);
        }
    }

    private static final long INGEST_STACK_BYTES = 64L << 20;
    /** Deepest --max-depth accepted: deeper would need more stack than the ingest threads have. */
    public static final int MAX_DEPTH_LIMIT = 1000;

    private final Schema schema;
    private final Options options;
    private final DocumentBuilder builder;
    private final LogFileReader reader;
    /** Digest files seen by the run: not events, but {@code stats} says how many the index knows. */
    private final java.util.Set<String> digests = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Indexer(Schema schema, Options options) {
        this.schema = schema;
        this.options = options;
        this.builder = new DocumentBuilder(schema);
        this.reader = new LogFileReader(schema, options.limits());
    }

    /** Creates an empty index at {@code indexDir} unless one is there (an existing one is not touched). */
    public void createIfMissing(Path indexDir) {
        if (IndexFolder.inspect(indexDir) != IndexFolder.State.INDEX) {
            run(indexDir, List.of(), null, true);
        }
    }

    /**
     * Indexes {@code inputs} into the index at {@code indexDir}, creating it if needed. A folder that is neither
     * absent, empty nor an index is refused untouched; a new index that would hold no event is not left behind.
     */
    public IngestReport run(Path indexDir, List<Path> inputs, Progress progress) {
        return run(indexDir, inputs, progress, false);
    }

    private IngestReport run(Path indexDir, List<Path> inputs, Progress progress, boolean create) {
        long started = System.nanoTime();
        IndexFolder.State before = IndexFolder.inspect(indexDir);
        InputWalker.Found found = InputWalker.walk(inputs, indexDir);
        if (before != IndexFolder.State.INDEX && !found.any() && !create) {
            // Nothing to read: a mistyped path must not leave an empty index behind.
            ReportBuilder report = new ReportBuilder(found.outcomes().size());
            found.outcomes().forEach(report::add);
            return report.build(0, (System.nanoTime() - started) / 1_000_000);
        }
        try {
            IndexFolder.claim(indexDir);
            IngestReport report;
            try (Directory dir = FSDirectory.open(indexDir)) {
                report = run(indexDir, dir, found, progress);
            }
            if (before != IndexFolder.State.INDEX && report.documents() == 0 && !report.clean() && !create) {
                IndexFolder.discard(indexDir, before);
            }
            return report;
        } catch (IOException | UncheckedIOException e) {
            throw new IndexException("cannot write the index at " + indexDir + ": " + describe(e), e);
        }
    }

    /** The same on a given Lucene directory (tests use it to simulate a full disk). */
    IngestReport run(Path indexDir, Directory dir, List<Path> inputs, Progress progress) throws IOException {
        IndexFolder.claim(indexDir);
        return run(indexDir, dir, InputWalker.walk(inputs, indexDir), progress);
    }

    private IngestReport run(Path indexDir, Directory dir, InputWalker.Found found, Progress progress) throws IOException {
        long started = System.nanoTime();
        ReportBuilder report = new ReportBuilder(found.files().size() + found.streams().size() + found.outcomes().size());
        found.outcomes().forEach(report::add);
        if (DirectoryReader.indexExists(dir)) {
            IndexMeta.check(indexDir, SegmentInfos.readLatestCommit(dir).getUserData(), schema);
        }
        long docs = -1;
        RunHandle handle = null;
        // Before the writer: the stored fields' codec follows from whether the events are compressed.
        RawEvents.Encoder encoder = RawEvents.forRun(indexDir, () -> RawSample.of(reader,
                found.files()));
        try (IndexWriter writer = openWriter(dir, indexDir, encoder);
                CommittedEvents committed = CommittedEvents.open(dir, schema, RawEvents.of(indexDir))) {
            if (IndexFolder.startRun(indexDir) && DirectoryReader.indexExists(dir)) {
                // The last run was killed: its commit is whole unless the disk lost writes, which checksums show.
                IndexCheck.checksums(indexDir, dir);
            }
            writer.setLiveCommitData(IndexMeta.of(schema).entrySet());
            FileManifest manifest = FileManifest.load(indexDir);
            try (DedupTable dedup = new DedupTable(indexDir); CopyTracker copies = new CopyTracker(indexDir, CopyStore.load(indexDir));
                    CopyStore store = CopyStore.open(indexDir);
                    Committer committer = new Committer(writer, manifest, options.commitInterval(), store)) {
                handle = new RunHandle(dir, committer);
                current = handle;
                committed.preload(dedup);
                List<FileSelection.Candidate> toRead = new ArrayList<>(new FileSelection(manifest, options.full())
                        .select(found.files(), report, committer));
                found.streams().forEach(p -> toRead.add(FileSelection.Candidate.stream(p)));
                digests.clear();
                EventWriter events = new EventWriter(writer, builder.storing(encoder), dedup, committed, copies, store, report,
                        walkOrder(toRead), RawEvents.of(indexDir));
                try {
                    indexAll(toRead, events, report, committer, progress);
                    report.conflicts(events.conflicts());
                } finally {
                    events.close();
                }
                handle.ending();
                committer.finish();
                manifest.appendDigests(digests);
                IndexFolder.finishRun(indexDir);
            } catch (IOException | RuntimeException e) {
                throw rootCause(writer, e);
            }
            docs = writer.getDocStats().numDocs;
            return report.build(docs, (System.nanoTime() - started) / 1_000_000);
        } finally {
            if (handle != null) {
                handle.ended(docs);
            }
        }
    }

    private volatile RunHandle current;

    /**
     * Commits what the run under way has finished, for a clean stop on Ctrl-C, or waits for the run's end if it is
     * ending; returns the events the index then holds, or -1 if nothing could be committed. The run itself is not
     * stopped: the process is about to end.
     */
    public long stop() {
        RunHandle r = current;
        return r == null ? -1 : r.stop();
    }

    /**
     * After a write fails (a full disk, say) Lucene closes the writer and later calls only say so; the failure
     * worth reporting is the first one, which the writer keeps.
     */
    private static IOException rootCause(IndexWriter writer, Exception e) {
        Throwable tragic = writer.getTragicException();
        if (tragic == null && writer.getConfig().getMergeScheduler() instanceof QuietMergeScheduler m) {
            tragic = m.failure();
        }
        if (tragic != null) {
            return new IOException(tragic.getMessage() == null ? tragic.getClass().getSimpleName() : tragic.getMessage(), tragic);
        }
        if (e instanceof IOException io) {
            return io;
        }
        if (e instanceof IndexException ie) {
            throw ie;
        }
        return new IOException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    private IndexWriter openWriter(Directory dir, Path indexDir, RawEvents.Encoder encoder) throws IOException {
        try {
            return new IndexWriter(dir, config(encoder));
        } catch (LockObtainFailedException e) {
            throw new IndexException("the index at " + indexDir + " is being written by another process (its write.lock "
                    + "is held): wait for that indexer to finish, or index into another --index folder", e);
        }
    }

    private static String describe(Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.FileSystemException f) {
            return FileErrors.describe(f);
        }
        return msg;
    }

    private IndexWriterConfig config(RawEvents.Encoder encoder) {
        IndexWriterConfig cfg = new IndexWriterConfig(Analyzers.forSchema(schema));
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        cfg.setRAMBufferSizeMB(Levers.RAM_BUFFER_MB > 0 ? Levers.RAM_BUFFER_MB : options.ramBufferMb());
        // The original events dominate the stored fields. Plain, DEFLATE blocks keep them small; as zstd frames they
        // are compressed already, and EventCodec's small LZ4 blocks let a hit read its own frame without inflating
        // tens of KB of others (benchmarks/RESULTS.md, issue 15).
        cfg.setCodec(!encoder.compressing() || Levers.STORED_DEFLATE ? new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION)
                : Levers.STORED_LUCENE_LZ4 ? new Lucene104Codec(Lucene104Codec.Mode.BEST_SPEED) : new EventCodec());
        cfg.setCommitOnClose(false);
        cfg.setMergeScheduler(new QuietMergeScheduler());
        return cfg;
    }

    /** Each file's place in walk order, by the name its events carry. */
    private static java.util.Map<String, Integer> walkOrder(List<FileSelection.Candidate> files) {
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            m.putIfAbsent(files.get(i).path().toString(), i);
        }
        return m;
    }

    private void indexAll(List<FileSelection.Candidate> files, EventWriter events, ReportBuilder report, Committer committer,
            Progress progress) throws IOException {
        int threads = Math.max(1, Math.min(options.threads(), files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            // A deep stack: events nest up to --max-depth levels and the JSON tree is built recursively.
            Thread t = new Thread(null, r, "trailindex-ingest", INGEST_STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        ProgressTicker ticker = new ProgressTicker(report, files.size(), progress);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                int fileIndex = i;
                FileSelection.Candidate c = files.get(i);
                ContentTally tally = new ContentTally(schema);
                EventSink sink = ev -> {
                    if (committer.failure() != null) {
                        throw committer.failure();
                    }
                    tally.add(ev);
                    events.write(fileIndex, ev);
                };
                tasks.add(pool.submit(() -> {
                    FileOutcome o = c.stream() ? Streams.read(reader, c.path(), sink) : reader.read(c.path(), c.path().toString(), sink);
                    report.add(o);
                    if (c.stream()) {
                        committer.streamDone();
                    } else if (o.sha256() != null) {
                        committer.fileDone(new FileManifest.Entry(c.path().toString(), c.size(), c.mtime(), o.sha256(),
                                o.events(), o.failed(), tally.content(o.content())));
                    } else if (o.reason() == dev.trailindex.ingest.Reason.DIGEST) {
                        digests.add(c.path().toString());
                    }
                }));
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
            // Not shutdownNow: interrupting a thread inside Lucene can close the channel of the write lock.
            pool.shutdown();
            try {
                pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticker.close();
        }
    }
}
