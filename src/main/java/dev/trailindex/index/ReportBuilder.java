package dev.trailindex.index;

import dev.trailindex.ingest.FileOutcome;
import dev.trailindex.ingest.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects file outcomes from the indexing threads into an {@link IngestReport}. Public for the OpenSearch loader,
 * which reports its runs the same way.
 */
public final class ReportBuilder {
    final AtomicLong eventsRead = new AtomicLong();
    final AtomicLong indexed = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    private List<IngestReport.Conflict> conflictPairs = List.of();
    final AtomicLong filesDone = new AtomicLong();
    private long unchanged;
    private final long files;
    private long filesRead;
    private final Map<Reason, Long> skipped = new EnumMap<>(Reason.class);
    private final Map<Reason, Long> failed = new EnumMap<>(Reason.class);
    private final Map<Reason, Long> rejected = new EnumMap<>(Reason.class);
    private final List<FileOutcome> problems = new ArrayList<>();

    public ReportBuilder(long files) {
        this.files = files;
    }

    /** A file already ingested and unchanged since: not read. */
    public synchronized void unchanged() {
        unchanged++;
    }

    public synchronized void add(FileOutcome o) {
        filesDone.incrementAndGet();
        o.rejected().forEach((r, n) -> {
            rejected.merge(r, n, Long::sum);
            eventsRead.addAndGet(n);
        });
        if (o.ok()) {
            filesRead++;
            return;
        }
        problems.add(o);
        if (o.skipped()) {
            skipped.merge(o.reason(), 1L, Long::sum);
        } else {
            Reason r = o.reason() != null ? o.reason() : o.rejected().keySet().iterator().next();
            failed.merge(r, 1L, Long::sum);
        }
    }

    public synchronized void conflicts(List<IngestReport.Conflict> pairs) {
        conflictPairs = List.copyOf(pairs);
    }

    /** An event read (whatever became of it). */
    public void eventRead() {
        eventsRead.incrementAndGet();
    }

    /** A new event written. */
    public void indexedOne() {
        indexed.incrementAndGet();
    }

    /** A copy of an event already held: identical, or cut. */
    public void duplicate() {
        duplicates.incrementAndGet();
    }

    /** A copy whose bytes differ from every copy held so far. */
    public void conflict() {
        conflicts.incrementAndGet();
    }

    /** Progress: files done, events read, events new. */
    public long[] progress() {
        return new long[] {filesDone.get(), eventsRead.get(), indexed.get()};
    }

    public synchronized IngestReport build(long documents, long millis) {
        problems.sort(Comparator.comparing(FileOutcome::file));
        List<IngestReport.Conflict> pairs = new ArrayList<>(conflictPairs);
        pairs.sort(Comparator.comparing(IngestReport.Conflict::eventID).thenComparing(IngestReport.Conflict::copyFile)
                .thenComparingLong(IngestReport.Conflict::copyRecord));
        long partial = problems.stream().mapToLong(FileOutcome::partial).sum();
        return new IngestReport(files, unchanged, filesRead, eventsRead.get(), indexed.get(), duplicates.get(), conflicts.get(),
                partial, Map.copyOf(skipped), Map.copyOf(failed), Map.copyOf(rejected), List.copyOf(problems), List.copyOf(pairs),
                documents, millis);
    }
}
