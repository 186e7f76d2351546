package dev.trailindex.index;

import dev.trailindex.ingest.FileOutcome;
import dev.trailindex.ingest.Reason;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one indexing run. Counts add up: every event read was indexed as a new document, recognised as
 * a duplicate of one already there, or rejected with a reason ({@code eventsRead == indexed + duplicates +
 * rejected()}; a bad JSON line counts as one rejected event).
 *
 * @param files            input files found
 * @param filesUnchanged   files already ingested and unchanged since, so not read (all are read with --full)
 * @param filesRead        files read whole
 * @param eventsRead       events read (duplicates and rejected ones included)
 * @param indexed          new documents written
 * @param duplicates       events already in the index or read twice in this run
 * @param skippedByReason  files that hold no events, by reason
 * @param failedByReason   files that broke (events before the break were kept), by reason
 * @param rejectedByReason events or lines rejected inside files, by reason
 * @param problems         every skipped or failed file with its reason and detail
 * @param documents        documents in the index after the run
 * @param millis           wall time of the run
 */
public record IngestReport(long files, long filesUnchanged, long filesRead, long eventsRead, long indexed, long duplicates,
        Map<Reason, Long> skippedByReason, Map<Reason, Long> failedByReason, Map<Reason, Long> rejectedByReason,
        List<FileOutcome> problems, long documents, long millis) {

    /** Events (or JSON lines) rejected inside files: not objects, too large, invalid embedded JSON, bad lines. */
    public long rejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long filesSkipped() {
        return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long filesFailed() {
        return problems.stream().filter(FileOutcome::failed).count();
    }

    /** Whether every input was read without a failure (skipped files are not failures). */
    public boolean clean() {
        return filesFailed() == 0;
    }
}
