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

    /** The facts the indexer recorded while it read the file whole (a gzip file: the caller checks). */
    static LogFacts of(dev.trailindex.index.IndexedContent c) {
        List<EventScanner.Control> controls = c.controls().stream()
                .map(x -> new EventScanner.Control(x.name(), x.time(), x.trail())).toList();
        return new LogFacts(java.util.HexFormat.of().parseHex(c.hash().sha256()), c.hash().gzipMembers(),
                c.hash().trailingBytes(), c.events(), new TreeMap<>(c.perHour()), controls, null);
    }

    static LogFacts unreadable(String problem) {
        return new LogFacts(null, 0, 0, 0, new TreeMap<>(), List.of(), problem);
    }
}
