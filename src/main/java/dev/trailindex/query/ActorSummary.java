package dev.trailindex.query;

import java.util.Map;

/**
 * One row of the actor sheet: what one principal, key or IP did.
 *
 * @param value    the value of the --by field
 * @param events   matching events with that value
 * @param first    earliest event time, epoch millis, or null
 * @param last     latest event time, or null
 * @param errors   those events that carry an error
 * @param distinct per field of the schema's actorSheet, the number of distinct values seen
 */
public record ActorSummary(String value, long events, Long first, Long last, long errors, Map<String, Integer> distinct) {
    public ActorSummary {
        distinct = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(distinct));
    }
}
