package dev.trailindex.query;

import dev.trailindex.ingest.Salvage;
import java.util.List;

/**
 * One indexed event as stored: its key, exact original JSON and provenance.
 *
 * @param key    the document key (eventID, or a content hash)
 * @param json   the exact original bytes of the event
 * @param file   the file it was read from
 * @param record its 0-based position among the events of that file
 * @param offset byte offset in the decompressed file
 * @param line   1-based line in the decompressed file
 * @param time   event time in epoch millis, or null when it had none that could be read
 * @param flags  its ti.flags (data-quality flags such as partial or conflicting-copies), in label order
 */
public record StoredEvent(String key, byte[] json, String file, long record, long offset, long line, Long time, List<String> flags) {
    /** The flag of an event cut short in a broken file: {@code json} holds the cut bytes, which are not JSON. */
    public static final String PARTIAL = "partial";

    public StoredEvent {
        flags = List.copyOf(flags);
    }

    public boolean partial() {
        return flags.contains(PARTIAL);
    }

    /**
     * The event as a JSON object: the original bytes, or for a partial event the top-level fields that were whole
     * (what was indexed of it), compact.
     */
    public byte[] eventJson() {
        return partial() ? Salvage.json(json) : json;
    }
}
