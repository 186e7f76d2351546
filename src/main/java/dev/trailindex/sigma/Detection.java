package dev.trailindex.sigma;

import java.util.Map;

/** A rule's detection: its search identifiers (in rule order) and the condition over them. */
public record Detection(Map<String, Search> searches, Condition condition, String conditionText) {
    public Detection {
        searches = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(searches));
    }
}
