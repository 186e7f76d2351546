package dev.trailindex.integrity;

import java.util.List;
import java.util.TreeMap;

/**
 * What reading one log file found.
 *
 * @param sha256        SHA-256 of the first gzip member's uncompressed bytes, or null when it could not be read
 * @param members       gzip members read whole
 * @param trailingBytes bytes after the first member (another member, or anything else)
 * @param events        events read from every member
 * @param perHour       events by UTC hour
 * @param controls      events that stop or start logging
 * @param problem       why the file could not be read (whole), or null
 */
record LogFacts(byte[] sha256, int members, long trailingBytes, long events, TreeMap<Long, Long> perHour,
        List<EventScanner.Control> controls, String problem) {

    static LogFacts unreadable(String problem) {
        return new LogFacts(null, 0, 0, 0, new TreeMap<>(), List.of(), problem);
    }
}
