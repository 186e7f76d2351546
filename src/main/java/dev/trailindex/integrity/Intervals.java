package dev.trailindex.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A union of time intervals {@code [start, end)}, merged and sorted, for quick questions about a span. */
final class Intervals {
    private final long[] starts;
    private final long[] ends;

    private Intervals(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** The union of {@code spans}, each a {@code {start, end}} pair; empty spans are dropped. */
    static Intervals union(List<long[]> spans) {
        List<long[]> sorted = new ArrayList<>(spans.stream().filter(s -> s[1] > s[0]).toList());
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] s : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(new long[] {s[0], s[1]});
            }
        }
        return new Intervals(merged.stream().mapToLong(s -> s[0]).toArray(), merged.stream().mapToLong(s -> s[1]).toArray());
    }

    boolean isEmpty() {
        return starts.length == 0;
    }

    /** The first start; only when not empty. */
    long first() {
        return starts[0];
    }

    /** The last end; only when not empty. */
    long last() {
        return ends[ends.length - 1];
    }

    /** Whether {@code [start, end)} lies wholly inside the union. */
    boolean covers(long start, long end) {
        int i = containing(start);
        return i >= 0 && ends[i] >= end;
    }

    /** Whether {@code [start, end)} shares any time with the union. */
    boolean overlaps(long start, long end) {
        int i = Arrays.binarySearch(starts, end);
        int candidate = (i >= 0 ? i : -i - 1) - 1;
        return candidate >= 0 && ends[candidate] > start && starts[candidate] < end;
    }

    /** How much of {@code [start, end)} the union covers, in millis. */
    long coveredWithin(long start, long end) {
        int i = Arrays.binarySearch(starts, start);
        int k = Math.max(0, (i >= 0 ? i : -i - 1) - 1);
        long sum = 0;
        for (; k < starts.length && starts[k] < end; k++) {
            sum += Math.max(0, Math.min(end, ends[k]) - Math.max(start, starts[k]));
        }
        return sum;
    }

    /** The index of the interval holding {@code t}, or -1. */
    private int containing(long t) {
        int i = Arrays.binarySearch(starts, t);
        int k = i >= 0 ? i : -i - 2;
        return k >= 0 && t < ends[k] ? k : k >= 0 && t == starts[k] ? k : -1;
    }
}
