package dev.trailindex.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The values a Sigma field has in one event, read from its JSON the way the index reads them: a dotted path walks
 * through arrays (any element), a path that ends at an object or array stands for every scalar below it, JSON null
 * and empty strings are no value, numbers and booleans are their JSON text ({@code 22}, {@code true}). A key that
 * itself holds dots ({@code "a.b"}) is found too.
 */
final class EventValues {
    private EventValues() {
    }

    /** The values of {@code field} in {@code event}; for a null field (keywords), every value in the event. */
    static List<String> of(JsonNode event, String field) {
        List<String> out = new ArrayList<>();
        if (field == null) {
            leaves(event, out);
        } else {
            walk(event, field.split("\\.", -1), 0, out);
        }
        return out;
    }

    private static void walk(JsonNode node, String[] segs, int i, List<String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(e -> walk(e, segs, i, out));
            return;
        }
        if (i == segs.length) {
            leaves(node, out);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        StringBuilder key = new StringBuilder();
        for (int j = i; j < segs.length; j++) {
            if (j > i) {
                key.append('.');
            }
            key.append(segs[j]);
            JsonNode child = node.get(key.toString());
            if (child != null) {
                walk(child, segs, j + 1, out);
            }
        }
    }

    private static void leaves(JsonNode node, List<String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                leaves(e.getValue(), out);
            }
        } else if (node.isArray()) {
            node.forEach(e -> leaves(e, out));
        } else {
            String t = node.asText();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
    }
}
