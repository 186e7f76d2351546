package dev.trailindex.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.schema.FieldSpec;
import java.util.ArrayList;
import java.util.List;

/** The values a schema field copies from an event, as text: the same rule for indexing and for display. */
public final class FieldValues {
    private FieldValues() {
    }

    /** Values at the first of the field's "from" paths that holds any. */
    public static List<String> of(JsonNode event, FieldSpec field) {
        List<String> out = new ArrayList<>(1);
        for (String path : field.from()) {
            JsonValues.at(event, List.of(path.split("\\.")), 0, v -> out.add(v.asText()));
            if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    /** The first non-blank string at the field's "from" paths, in order, or null (the firstNonEmpty derivation). */
    public static String firstNonEmpty(JsonNode event, FieldSpec field) {
        for (String path : field.from()) {
            String[] found = new String[1];
            JsonValues.at(event, List.of(path.split("\\.")), 0, v -> {
                if (found[0] == null && v.isTextual() && !v.textValue().isBlank()) {
                    found[0] = v.textValue();
                }
            });
            if (found[0] != null) {
                return found[0];
            }
        }
        return null;
    }
}
