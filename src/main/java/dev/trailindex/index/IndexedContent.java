package dev.trailindex.index;

import dev.trailindex.ingest.ContentHash;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the indexer learnt of one log file's content while it read the file for its events: the facts {@code verify}
 * would otherwise read the file again for. Recorded in the manifest for files read whole.
 *
 * @param hash     the SHA-256 of the uncompressed content, its gzip members and trailing bytes
 * @param events   events read from it
 * @param perHour  events by the start of their UTC hour (epoch millis); events without a readable time are left out
 * @param controls events that stop or start logging (StopLogging, DeleteTrail, StartLogging, CreateTrail)
 */
public record IndexedContent(ContentHash hash, long events, SortedMap<Long, Long> perHour, List<Control> controls) {

    /** An event that stops or starts logging: its API call, event time (epoch millis) and the trail it names, or null. */
    public record Control(String name, long time, String trail) {
    }

    public IndexedContent {
        perHour = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(perHour));
        controls = List.copyOf(controls);
    }
}
