package dev.trailindex.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How a scan reads one field: from doc values when the field has them (faceted keyword, IP and boolean fields:
 * the original spelling), otherwise from the stored original event by its JSON path(s).
 *
 * @param name      the name the caller asked for (it keys the row's values)
 * @param field     the Lucene field of the doc values
 * @param jsonPaths the dotted JSON paths to read from the original, or null to read doc values
 */
record ScanField(String name, String field, List<String> jsonPaths) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ScanField of(String asked, FieldResolver.Resolved r) {
        FieldSpec spec = r.spec();
        if (r.path() != null) {
            return new ScanField(asked, spec.name(), spec.from().stream().map(p -> p + "." + r.path()).toList());
        }
        boolean sortedSet = spec.facet() && (spec.type() == FieldType.KEYWORD || spec.type() == FieldType.IP
                || spec.type() == FieldType.BOOLEAN);
        if (sortedSet) {
            return new ScanField(asked, spec.name(), null);
        }
        if (spec.derive() == null) {
            return new ScanField(asked, spec.name(), spec.from());
        }
        throw new QueryException("field '" + asked + "' is derived and not faceted, so it cannot be read for each event");
    }

    /** The event's tree; for a partial event (its original is the bytes cut short), its whole top-level fields. */
    static JsonNode parse(byte[] raw, boolean partial) {
        if (partial) {
            return dev.trailindex.ingest.Salvage.fields(raw);
        }
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event does not parse: " + e.getMessage(), e);
        }
    }

    /**
     * Adds the scalar values at {@code path} below {@code node}: through arrays (any element), object names
     * matched exactly or else in any case, and for an object or array at the end, every scalar below it.
     */
    static void collect(JsonNode node, String[] path, int i, List<String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode e : node) {
                collect(e, path, i, out);
            }
            return;
        }
        if (i == path.length) {
            if (node.isValueNode()) {
                out.add(node.asText());
            } else {
                for (JsonNode c : node) {
                    collect(c, path, i, out);
                }
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode next = node.get(path[i]);
        if (next == null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equalsIgnoreCase(path[i])) {
                    next = e.getValue();
                    break;
                }
            }
        }
        collect(next, path, i + 1, out);
    }
}
