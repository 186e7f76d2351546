package dev.trailindex.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One CloudTrail event as read from a file.
 *
 * @param json   the exact original bytes of the event's JSON object (for lookup-events output, the decoded
 *               {@code CloudTrailEvent} string)
 * @param tree   the same event, parsed
 * @param file   the file it came from, as given or found by the walk
 * @param record 0-based ordinal of the event among the events of its file
 * @param offset byte offset of the event (or its lookup-events wrapper) in the decompressed file
 * @param line   1-based line of that byte
 * @param partial whether the event was cut short in a broken file: {@code json} holds the exact cut bytes (not
 *               JSON), {@code tree} the top-level fields that were whole (see {@link Salvage})
 */
public record RawEvent(byte[] json, ObjectNode tree, String file, long record, long offset, long line, boolean partial) {
    /** A whole event. */
    public RawEvent(byte[] json, ObjectNode tree, String file, long record, long offset, long line) {
        this(json, tree, file, record, offset, line, false);
    }
}
