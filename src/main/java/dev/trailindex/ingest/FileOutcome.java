package dev.trailindex.ingest;

import java.util.Map;

/**
 * What became of one input file.
 *
 * @param file     the file
 * @param events   events read from it and handed on (good events before a break included)
 * @param reason   why it was skipped or failed; null when it was read whole
 * @param detail   where and how it broke (line, column, message), or null
 * @param rejected events or lines rejected inside an otherwise readable file, by reason
 */
public record FileOutcome(String file, long events, Reason reason, String detail, Map<Reason, Long> rejected) {

    public FileOutcome {
        rejected = Map.copyOf(rejected);
    }

    public boolean ok() {
        return reason == null && rejected.isEmpty();
    }

    public boolean skipped() {
        return reason != null && reason.kind() == Reason.Kind.SKIPPED;
    }

    public boolean failed() {
        return !ok() && !skipped();
    }
}
