package dev.trailindex.query;

import java.util.List;
import java.util.Map;

/**
 * One event as a scan of the events (dev.trailindex.search.SearchBackend#scan) sees it.
 *
 * @param key    the event's key (eventID, or a content hash)
 * @param time   event time in epoch millis, or null when it had none that could be read
 * @param values for each field asked for, its values in the event (empty when the event lacks it)
 */
public record Row(String key, Long time, Map<String, List<String>> values) {
    public Row {
        values = Map.copyOf(values);
    }

    /** The values of {@code field}, empty when the event lacks it or it was not asked for. */
    public List<String> get(String field) {
        return values.getOrDefault(field, List.of());
    }

    /** The first value of {@code field}, or null. */
    public String first(String field) {
        List<String> v = get(field);
        return v.isEmpty() ? null : v.get(0);
    }
}
