package dev.trailindex.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The index schema: every field trailindex indexes, parsed strictly from {@code index-schema/cloudtrail.json}.
 * It is the only place that knows field names; other code asks it for fields by name (from a user) or by role
 * ({@link #derived(Derivation)}, {@link #timeField()}).
 */
public final class Schema {

    /** Classpath location of the bundled schema (copied from the repository's index-schema folder). */
    public static final String BUNDLED = "index-schema/cloudtrail.json";

    private final int version;
    private final String name;
    private final String fingerprint;
    private final Map<String, FieldSpec> fields;
    private final List<String> eventKeys;
    private final Map<String, String> notificationMarkers;
    private final List<FieldSpec> display;
    private final List<FieldSpec> summary;
    private final ActorSheet actorSheet;
    /** Lower-cased names and aliases to fields, for forgiving lookups. */
    private final Map<String, FieldSpec> byLowerName = new java.util.HashMap<>();

    private Schema(String source, SchemaFile file) {
        this.version = file.schemaVersion();
        this.name = file.name();
                Map<String, FieldSpec> byName = new LinkedHashMap<>();
        for (FieldSpec f : file.fields()) {
            if (byName.put(f.name(), f) != null) {
                throw new SchemaException(source + ": field '" + f.name() + "' is declared twice");
            }
        }
        this.fields = java.util.Collections.unmodifiableMap(byName);
        this.eventKeys = List.copyOf(file.eventKeys());
        this.notificationMarkers = Map.copyOf(file.notificationMarkers());
        this.display = resolve(source, "display", file.display());
        this.summary = resolve(source, "summary", file.summary());
        this.actorSheet = new ActorSheet(resolve(source, "actorSheet.errors", List.of(file.actorSheet().errors())).get(0),
                resolve(source, "actorSheet.distinct", file.actorSheet().distinct()));
        for (FieldSpec f : fields.values()) {
            index(source, f.name(), f);
            for (String alias : f.aliases()) {
                index(source, alias, f);
            }
        }
        this.fingerprint = sha256(semantics().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Derivation d : List.of(Derivation.EVENT_KEY, Derivation.RAW_EVENT, Derivation.SOURCE_FILE)) {
            if (derivedOrNull(d) == null) {
                throw new SchemaException(source + ": no field derives '" + d.jsonName() + "', which trailindex needs");
            }
        }
        if (fields.values().stream().filter(f -> f.type() == FieldType.TIME && f.sort()).count() != 1) {
            throw new SchemaException(source + ": exactly one sortable time field is needed (the event time)");
        }
    }

    /** The schema bundled with this build. */
    public static Schema bundled() {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new SchemaException(BUNDLED + " is missing from the classpath; rebuild trailindex");
            }
            return parse(BUNDLED, in.readAllBytes());
        } catch (IOException e) {
            throw new SchemaException(BUNDLED + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a schema file. */
    public static Schema load(Path path) {
        try {
            return parse(path.toString(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new SchemaException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses schema bytes strictly; {@code source} names the file in error messages. */
    public static Schema parse(String source, byte[] bytes) {
        ObjectMapper mapper = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            com.fasterxml.jackson.databind.JsonNode tree = mapper.readTree(bytes);
            checkKeys(source, tree);
            return new Schema(source, mapper.treeToValue(tree, SchemaFile.class));
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

    private List<FieldSpec> resolve(String source, String key, List<String> names) {
        List<FieldSpec> out = new ArrayList<>();
        for (String n : names) {
            FieldSpec f = fields.get(n);
            if (f == null) {
                throw new SchemaException(source + ": \"" + key + "\" names unknown field '" + n + "'");
            }
            out.add(f);
        }
        return List.copyOf(out);
    }

    private void index(String source, String name, FieldSpec f) {
        FieldSpec prior = byLowerName.put(name.toLowerCase(java.util.Locale.ROOT), f);
        if (prior != null && prior != f) {
            throw new SchemaException(source + ": the name or alias '" + name + "' is used by '" + prior.name()
                    + "' and '" + f.name() + "' (names and aliases are case-insensitive)");
        }
    }

    /** What decides how events are indexed (descriptions, aliases and display choices left out). */
    private String semantics() {
        StringBuilder sb = new StringBuilder(String.join(",", eventKeys)).append('\n')
                .append(new java.util.TreeMap<>(notificationMarkers)).append('\n');
        for (FieldSpec f : fields.values()) {
            sb.append(f.name()).append('|').append(f.type().jsonName()).append('|').append(f.from()).append('|')
                    .append(f.derive() == null ? "" : f.derive().jsonName()).append('|').append(f.index())
                    .append(f.facet()).append(f.sort()).append(f.store()).append(f.exactCase()).append('\n');
        }
        return sb.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    public int version() {
        return version;
    }

    public String name() {
        return name;
    }

    /** A short hash of the schema's indexing semantics: two builds index alike only if these agree. */
    public String fingerprint() {
        return fingerprint;
    }

    public Collection<FieldSpec> fields() {
        return fields.values();
    }

    public Optional<FieldSpec> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    /**
     * The field a user means by {@code typed}: its exact name, else a name or alias in any case
     * ({@code eventname}, {@code ip}).
     */
    public Optional<FieldSpec> find(String typed) {
        FieldSpec exact = fields.get(typed);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(byLowerName.get(typed.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Every name and alias users may type, lower-cased. */
    public java.util.Set<String> typableNames() {
        return java.util.Collections.unmodifiableSet(byLowerName.keySet());
    }

    /**
     * Columns of the actor sheet ({@code trailindex summary}).
     *
     * @param errors   the field whose presence marks a failed call
     * @param distinct fields whose distinct values are counted per actor
     */
    public record ActorSheet(FieldSpec errors, List<FieldSpec> distinct) {
    }

    public ActorSheet actorSheet() {
        return actorSheet;
    }

    /** The field computed by {@code derivation}; every derivation the code relies on is checked at load. */
    public FieldSpec derived(Derivation derivation) {
        FieldSpec f = derivedOrNull(derivation);
        if (f == null) {
            throw new SchemaException("the schema has no field that derives '" + derivation.jsonName() + "'");
        }
        return f;
    }

    private FieldSpec derivedOrNull(Derivation derivation) {
        for (FieldSpec f : fields.values()) {
            if (f.derive() == derivation) {
                return f;
            }
        }
        return null;
    }

    /** The event time: the one sortable time field. */
    public FieldSpec timeField() {
        return fields.values().stream().filter(f -> f.type() == FieldType.TIME && f.sort()).findFirst().orElseThrow();
    }

    /** The default field of queries: the full-text field. */
    public FieldSpec defaultTextField() {
        return derived(Derivation.ALL_TEXT);
    }

    /** Top-level keys of which at least one marks a JSON object as a CloudTrail event. */
    public List<String> eventKeys() {
        return eventKeys;
    }

    /**
     * Keys and value prefixes that mark an object as an AWS event notification (S3, SQS, SNS), which also
     * comes as {"Records":[...]} but is not CloudTrail.
     */
    public Map<String, String> notificationMarkers() {
        return notificationMarkers;
    }

    /** Default columns of tabular output. */
    public List<FieldSpec> display() {
        return display;
    }

    /** Fields summarised by the stats command. */
    public List<FieldSpec> summary() {
        return summary;
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

    /** The schema file's shape, parsed strictly. */
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
    }
}
