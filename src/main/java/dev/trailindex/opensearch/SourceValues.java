package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

/**
 * Values of a schema field in a hit's {@code _source}, whether the document spells a dotted name as nested objects
 * or as one key, and as the local index's doc values give them: sorted by their UTF-8 bytes, each once.
 */
final class SourceValues {
    private SourceValues() {
    }

    /** The scalar values at {@code name} (a schema name, possibly dotted), as text, in document order. */
    static List<String> all(JsonNode source, String name) {
        List<String> out = new ArrayList<>();
        collect(source, name.split("\\."), 0, out);
        return out;
    }

    private static void collect(JsonNode node, String[] parts, int from, List<String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(e -> collect(e, parts, from, out));
            return;
        }
        if (from == parts.length) {
            if (node.isValueNode()) {
                out.add(node.asText());
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        // The longest run of parts that is one key: "a.b" as a key, or "a" holding "b".
        for (int to = parts.length; to > from; to--) {
            JsonNode next = node.get(String.join(".", Arrays.copyOfRange(parts, from, to)));
            if (next != null) {
                collect(next, parts, to, out);
            }
        }
    }

    /** The values as sorted-set doc values hold them: sorted by UTF-8 bytes (code point order), each once. */
    static List<String> asDocValues(List<String> values) {
        TreeSet<String> set = new TreeSet<>(SourceValues::byCodePoints);
        set.addAll(values);
        return List.copyOf(set);
    }

    static int byCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static String first(JsonNode source, String name) {
        List<String> v = all(source, name);
        return v.isEmpty() ? null : v.get(0);
    }

    static long number(JsonNode source, String name) {
        String v = first(source, name);
        return v == null ? -1 : Long.parseLong(v);
    }

    static Long time(JsonNode source, String name) {
        String v = first(source, name);
        return v == null ? null : Long.valueOf(v);
    }

    /** The original event's exact bytes (as {@link RawText} wrote them). */
    static byte[] bytes(JsonNode source, String name) {
        String v = first(source, name);
        return v == null ? null : RawText.decode(v);
    }
}
