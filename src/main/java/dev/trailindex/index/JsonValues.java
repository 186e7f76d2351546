package dev.trailindex.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Reads values out of an event tree by dotted path, walking through arrays wherever they appear. */
final class JsonValues {
    private JsonValues() {
    }

    /** Calls {@code out} with every non-null scalar found at {@code path} (pre-split into segments). */
    static void at(JsonNode node, List<String> path, int depth, Consumer<JsonNode> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode e : node) {
                at(e, path, depth, out);
            }
        } else if (depth == path.size()) {
            if (node.isValueNode()) {
                out.accept(node);
            }
        } else if (node.isObject()) {
            at(node.get(path.get(depth)), path, depth + 1, out);
        }
    }

    /** Calls {@code out} with (dotted path, scalar) for every leaf under {@code node}, arrays transparent. */
    static void leaves(JsonNode node, String prefix, BiConsumer<String, JsonNode> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            var it = node.fields();
            while (it.hasNext()) {
                var e = it.next();
                leaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (JsonNode e : node) {
                leaves(e, prefix, out);
            }
        } else {
            out.accept(prefix, node);
        }
    }

    /**
     * Appends every string value under {@code node}, one per line, except the values at the paths of
     * {@code skip} (null: none). Arrays are transparent to paths, as everywhere in CloudTrail field names.
     */
    static void strings(JsonNode node, Exclusions skip, StringBuilder sb) {
        if (node.isTextual()) {
            sb.append(node.textValue()).append('\n');
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                Exclusions child = skip == null ? null : skip.children.get(e.getKey());
                if (child == null || !child.whole) {
                    strings(e.getValue(), child, sb);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                strings(child, skip, sb);
            }
        }
    }

    /** Dotted paths whose whole values are left out of a walk, as a tree of keys. */
    static final class Exclusions {
        private final Map<String, Exclusions> children = new HashMap<>();
        private boolean whole;

        /** The tree of {@code paths}, or null when there are none. */
        static Exclusions of(List<String> paths) {
            if (paths.isEmpty()) {
                return null;
            }
            Exclusions root = new Exclusions();
            for (String p : paths) {
                Exclusions at = root;
                for (String key : p.split("\\.")) {
                    at = at.children.computeIfAbsent(key, k -> new Exclusions());
                }
                at.whole = true;
            }
            return root;
        }
    }
}
