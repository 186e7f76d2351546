package dev.trailindex.query;

import java.util.List;

/**
 * Top values of one field over the matching events.
 *
 * @param field    the field
 * @param events   matching events that have a value in the field
 * @param distinct distinct values among them
 * @param top      the most frequent values, most frequent first
 * @param other    occurrences of values not in {@code top}
 */
public record FacetCounts(String field, long events, int distinct, List<ValueCount> top, long other) {
    public FacetCounts {
        top = List.copyOf(top);
    }

    /** One value and the number of matching events with it. */
    public record ValueCount(String value, long count) {
    }
}
