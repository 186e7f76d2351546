package dev.trailindex.query;

import java.util.List;

/**
 * Matching events per time bucket.
 *
 * @param intervalMillis bucket width (a month counts as 30 days, a year as 365: their buckets follow the calendar)
 * @param interval       the interval as people write it: 1h, 1d, 30d, 1mo
 * @param buckets        every bucket from the first to the last matching event, empty ones included
 * @param withoutTime    matching events without a readable time (in no bucket)
 */
public record Histogram(long intervalMillis, String interval, List<Bucket> buckets, long withoutTime) {
    public Histogram {
        buckets = List.copyOf(buckets);
    }

    /** Events in [start, start + interval). */
    public record Bucket(long start, long count) {
    }

    public long total() {
        return buckets.stream().mapToLong(Bucket::count).sum();
    }
}
