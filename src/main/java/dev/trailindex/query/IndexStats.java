package dev.trailindex.query;

import java.util.List;

/**
 * What an index holds.
 *
 * @param events      documents (one per unique event)
 * @param first       earliest event time, epoch millis, or null if no event has a time
 * @param last        latest event time, or null
 * @param withoutTime events without a readable time
 * @param files       distinct source files
 * @param digestFiles CloudTrail digest files that index and verify runs on it have seen (digests are not events)
 * @param top         top values of the schema's summary fields
 */
public record IndexStats(long events, Long first, Long last, long withoutTime, long files, long filesRecorded, long digestFiles,
        List<FacetCounts> top) {
    public IndexStats {
        top = List.copyOf(top);
    }

    public IndexStats(long events, Long first, Long last, long withoutTime, long files, long filesRecorded, List<FacetCounts> top) {
        this(events, first, last, withoutTime, files, filesRecorded, 0, top);
    }
}
