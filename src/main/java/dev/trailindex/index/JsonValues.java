package dev.trailindex.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
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

    /** Every string value anywhere under {@code node}, appended to {@code sb} one per line. */
    static void strings(JsonNode node, StringBuilder sb) {
        if (node.isTextual()) {
            sb.append(node.textValue()).append('\n');
        } else if (node.isContainerNode()) {
            for (JsonNode child : node) {
                strings(child, sb);
            }
        }
    }
}
