package dev.trailindex.index;

import dev.trailindex.ingest.FileOutcome;
import dev.trailindex.ingest.Reason;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one indexing run. Counts add up: every event read was indexed as a new document, recognised as
 * a duplicate of one already there, kept as a conflicting copy, or rejected with a reason ({@code eventsRead ==
 * indexed + duplicates + conflicts + rejected()}; a bad JSON line counts as one rejected event).
 *
 * @param files            input files found
 * @param filesUnchanged   files already ingested and unchanged since, so not read (all are read with --full)
 * @param filesRead        files read whole
 * @param eventsRead       events read (duplicates and rejected ones included)
 * @param indexed          new documents written
 * @param duplicates       events already in the index or read twice in this run, byte for byte (or cut short)
 * @param conflicts        copies of an eventID whose bytes differ from every copy seen before (distinct contents
 *                         less one, per eventID): kept beside the index, the event flagged conflicting-copies
 * @param partial          events salvaged from records cut short in broken files (flagged partial)
 * @param skippedByReason  files that hold no events, by reason
 * @param failedByReason   files that broke (events before the break were kept), by reason
 * @param rejectedByReason events or lines rejected inside files, by reason
 * @param problems         every skipped or failed file with its reason and detail
 * @param conflictPairs    for each eventID that got a new differing copy in this run: the event and each such copy
 * @param documents        documents in the index after the run
 * @param millis           wall time of the run
 */
public record IngestReport(long files, long filesUnchanged, long filesRead, long eventsRead, long indexed, long duplicates,
        long conflicts, long partial, Map<Reason, Long> skippedByReason, Map<Reason, Long> failedByReason,
        Map<Reason, Long> rejectedByReason, List<FileOutcome> problems, List<Conflict> conflictPairs, long documents, long millis) {

    /** A conflicting pair: the indexed copy of {@code eventID} and a copy that differs, each with its place. */
    public record Conflict(String eventID, String file, long record, long offset, String copyFile, long copyRecord, long copyOffset) {
    }

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
