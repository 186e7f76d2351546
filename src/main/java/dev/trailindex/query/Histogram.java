package dev.trailindex.query;

import java.util.List;

/**
 * Matching events per time bucket.
 *
 * @param intervalMillis bucket width
 * @param buckets        every bucket from the first to the last matching event, empty ones included
 * @param withoutTime    matching events without a readable time (in no bucket)
 */
public record Histogram(long intervalMillis, List<Bucket> buckets, long withoutTime) {
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
