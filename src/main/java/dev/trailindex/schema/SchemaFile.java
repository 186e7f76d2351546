package dev.trailindex.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema file as written, and its strict parsing: an unknown key anywhere, a missing key, a wrong type or an
 * unknown derivation is an error naming the file and the place. The tree is mapped by hand rather than by
 * Jackson's data binding, whose introspection cost every command about 20 ms of start-up.
 */
record SchemaFile(int schemaVersion, String name, String description, List<String> eventKeys,
            List<String> eventNeedsOneOf, Map<String, String> notificationMarkers, ActorSheetFile actorSheet, List<String> display,
            List<String> summary, List<FieldSpec> fields) {
    SchemaFile {
        for (Object[] kv : new Object[][] {{"name", name}, {"description", description}, {"eventKeys", eventKeys}, {"eventNeedsOneOf", eventNeedsOneOf}, {"notificationMarkers", notificationMarkers}, {"actorSheet", actorSheet},
                {"display", display}, {"summary", summary}, {"fields", fields}}) {
            if (kv[1] == null) {
                throw new IllegalArgumentException("missing key '" + kv[0] + "'");
            }
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("missing or invalid key 'schemaVersion'");
        }
    }

    /** Parses schema bytes strictly; {@code source} names the file in error messages. */
    static SchemaFile parse(String source, byte[] bytes) {
        JsonNode tree;
        try {
            tree = JsonTree.read(bytes);
        } catch (IOException e) {
            throw new SchemaException(source + ": not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new SchemaException(source + ": the schema must be a JSON object");
        }
        checkKeys(source, tree, SchemaFile.class, "top level");
        String where = "top level";
        try {
            JsonNode sheet = tree.get("actorSheet");
            ActorSheetFile actorSheet = null;
            if (sheet != null && !sheet.isNull()) {
                where = "actorSheet";
                if (!sheet.isObject()) {
                    throw new IllegalArgumentException("'actorSheet' must be an object");
                }
                checkKeys(source, sheet, ActorSheetFile.class, where);
                actorSheet = new ActorSheetFile(text(sheet, "errors"), strings(sheet, "distinct"));
            }
            List<FieldSpec> fields = null;
            JsonNode fieldArray = tree.get("fields");
            if (fieldArray != null && !fieldArray.isNull()) {
                if (!fieldArray.isArray()) {
                    throw new IllegalArgumentException("'fields' must be an array");
                }
                fields = new ArrayList<>();
                for (int i = 0; i < fieldArray.size(); i++) {
                    where = "fields[" + i + "]";
                    fields.add(field(source, fieldArray.get(i), where));
                }
            }
            where = "top level";
            JsonNode version = tree.get("schemaVersion");
            return new SchemaFile(version != null && version.isInt() ? version.intValue() : 0, text(tree, "name"),
                    text(tree, "description"), strings(tree, "eventKeys"), strings(tree, "eventNeedsOneOf"),
                    stringMap(tree, "notificationMarkers"),
                    actorSheet, strings(tree, "display"), strings(tree, "summary"), fields);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SchemaException(source + ": " + firstLine(e.getMessage()) + " at " + where, e);
        }
    }

    private static FieldSpec field(String source, JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a field must be an object");
        }
        checkKeys(source, node, FieldSpec.class, where);
        String type = text(node, "type");
        String derive = text(node, "derive");
        return FieldSpec.fromJson(text(node, "name"), type == null ? null : FieldType.fromJson(type), strings(node, "from"),
                derive == null ? null : Derivation.fromJson(derive), bool(node, "index"), bool(node, "facet"),
                bool(node, "sort"), bool(node, "store"), bool(node, "exactCase"), bool(node, "fullText"), bool(node, "compactIds"),
                strings(node, "aliases"), text(node, "description"), strings(node, "values"));
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + key + "' must be a string");
        }
        return v.textValue();
    }

    private static Boolean bool(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("'" + key + "' must be true or false");
        }
        return v.booleanValue();
    }

    private static List<String> strings(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("'" + key + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException("'" + key + "' must be an array of strings");
            }
            out.add(e.textValue());
        }
        return List.copyOf(out);
    }

    private static Map<String, String> stringMap(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException("'" + key + "' must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("'" + key + "' must be an object of strings");
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    /** Unknown keys are errors wherever they are, named with their place in the file. */
    private static void checkKeys(String source, JsonNode node, Class<? extends Record> type, String where) {
        Set<String> known = new TreeSet<>();
        for (var c : type.getRecordComponents()) {
            known.add(c.getName());
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!known.contains(e.getKey())) {
                throw new SchemaException(source + ": unknown key '" + e.getKey() + "' at " + where + " (known keys: "
                        + String.join(", ", known) + ")");
            }
        }
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
        ActorSheetFile {
            if (errors == null || distinct == null) {
                throw new IllegalArgumentException("actorSheet needs \"errors\" and \"distinct\"");
            }
            distinct = List.copyOf(distinct);
        }
    }
}
