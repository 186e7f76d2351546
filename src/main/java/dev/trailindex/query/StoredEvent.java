package dev.trailindex.query;

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
 */
public record StoredEvent(String key, byte[] json, String file, long record, long offset, long line, Long time) {
}
