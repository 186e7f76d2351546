package dev.trailindex.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The schema file as written, and its strict parsing: an unknown key anywhere, a missing key, a wrong type or an
 * unknown derivation is an error naming the file and the place.
 */
record SchemaFile(int schemaVersion, String name, String description, List<String> eventKeys,
            Map<String, String> notificationMarkers, ActorSheetFile actorSheet, List<String> display,
            List<String> summary, List<FieldSpec> fields) {
    @JsonCreator
    SchemaFile(@JsonProperty("schemaVersion") int schemaVersion,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("eventKeys") List<String> eventKeys,
            @JsonProperty("notificationMarkers") Map<String, String> notificationMarkers,
            @JsonProperty("actorSheet") ActorSheetFile actorSheet,
            @JsonProperty("display") List<String> display,
            @JsonProperty("summary") List<String> summary,
            @JsonProperty("fields") List<FieldSpec> fields) {
        for (Object[] kv : new Object[][] {{"name", name}, {"description", description}, {"eventKeys", eventKeys}, {"notificationMarkers", notificationMarkers}, {"actorSheet", actorSheet},
                {"display", display}, {"summary", summary}, {"fields", fields}}) {
            if (kv[1] == null) {
                throw new IllegalArgumentException("missing key '" + kv[0] + "'");
            }
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("missing or invalid key 'schemaVersion'");
        }
        this.schemaVersion = schemaVersion;
        this.name = name;
        this.description = description;
        this.eventKeys = eventKeys;
        this.notificationMarkers = notificationMarkers;
        this.actorSheet = actorSheet;
        this.display = display;
        this.summary = summary;
        this.fields = fields;
    }

    /** Parses schema bytes strictly; {@code source} names the file in error messages. */
    static SchemaFile parse(String source, byte[] bytes) {
        ObjectMapper mapper = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(bytes);
            checkKeys(source, tree);
            return mapper.treeToValue(tree, SchemaFile.class);
        } catch (JsonMappingException e) {
            Throwable root = e.getCause() != null ? e.getCause() : e;
            throw new SchemaException(source + ": " + firstLine(root.getMessage()) + " at " + where(e), e);
        } catch (IOException e) {
            throw new SchemaException(source + ": not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    /** Unknown keys are errors wherever they are, named with their place in the file. */
    private static void checkKeys(String source, com.fasterxml.jackson.databind.JsonNode tree) {
        if (!tree.isObject()) {
            throw new SchemaException(source + ": the schema must be a JSON object");
        }
        checkKeys(source, tree, SchemaFile.class, "top level");
        if (tree.path("actorSheet").isObject()) {
            checkKeys(source, tree.get("actorSheet"), ActorSheetFile.class, "actorSheet");
        }
        com.fasterxml.jackson.databind.JsonNode fields = tree.path("fields");
        for (int i = 0; i < fields.size(); i++) {
            checkKeys(source, fields.get(i), FieldSpec.class, "fields[" + i + "]");
        }
    }

    private static void checkKeys(String source, com.fasterxml.jackson.databind.JsonNode node, Class<? extends Record> type, String where) {
        java.util.Set<String> known = new java.util.TreeSet<>();
        for (var c : type.getRecordComponents()) {
            known.add(c.getName());
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                throw new SchemaException(source + ": unknown key '" + k + "' at " + where + " (known keys: "
                        + String.join(", ", known) + ")");
            }
        });
    }

    private static String where(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "top level" : sb.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The actorSheet entry as written. */
    record ActorSheetFile(String errors, List<String> distinct) {
        @JsonCreator
        ActorSheetFile(@JsonProperty("errors") String errors, @JsonProperty("distinct") List<String> distinct) {
            if (errors == null || distinct == null) {
                throw new IllegalArgumentException("actorSheet needs \"errors\" and \"distinct\"");
            }
            this.errors = errors;
            this.distinct = List.copyOf(distinct);
        }
    }
}
