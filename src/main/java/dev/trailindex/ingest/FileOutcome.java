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
 * @param sha256   hash of the file's bytes as stored (before decompression), or null if it could not be read
 * @param content  the hash of its uncompressed content, for a file read whole (no failure, nothing rejected); else null
 */
public record FileOutcome(String file, long events, Reason reason, String detail, Map<Reason, Long> rejected, String sha256,
        ContentHash content) {

    public FileOutcome {
        rejected = Map.copyOf(rejected);
    }

    public FileOutcome(String file, long events, Reason reason, String detail, Map<Reason, Long> rejected, String sha256) {
        this(file, events, reason, detail, rejected, sha256, null);
    }

    FileOutcome withHash(String hash) {
        return new FileOutcome(file, events, reason, detail, rejected, hash, content);
    }

    FileOutcome withContent(ContentHash c) {
        return new FileOutcome(file, events, reason, detail, rejected, sha256, c);
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
