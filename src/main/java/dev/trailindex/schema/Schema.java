package dev.trailindex.schema;

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
    /** Fields other code asks for by role. */
    private static final String ACTION = "eventName";
    private static final String REQUEST_PARAMETERS = "requestParameters";

    private final int version;
    private final String name;
    private final String fingerprint;
    private final Map<String, FieldSpec> fields;
    private final List<String> eventKeys;
    private final List<String> eventNeedsOneOf;
    private final Map<String, String> notificationMarkers;
    private final List<FieldSpec> display;
    private final List<FieldSpec> summary;
    private final ActorSheet actorSheet;
    private volatile TraceFields traceFields;
    /** Lower-cased names and aliases to fields, for forgiving lookups. */
    private final Map<String, FieldSpec> byLowerName = new java.util.HashMap<>();

    Schema(String source, SchemaFile file) {
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
        this.eventNeedsOneOf = List.copyOf(file.eventNeedsOneOf());
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
        return new Schema(source, SchemaFile.parse(source, bytes));
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
                .append(String.join(",", eventNeedsOneOf)).append('\n')
                .append(new java.util.TreeMap<>(notificationMarkers)).append('\n');
        for (FieldSpec f : fields.values()) {
            sb.append(f.name()).append('|').append(f.type().jsonName()).append('|').append(f.from()).append('|')
                    .append(f.derive() == null ? "" : f.derive().jsonName()).append('|').append(f.index())
                    .append(f.facet()).append(f.sort()).append(f.store()).append(f.exactCase()).append(f.fullText())
                    .append(f.compactIds()).append(f.values().isEmpty() ? "" : "|" + f.values()).append('\n');
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

    /**
     * The field naming the API call (CloudTrail's eventName): the integrity check finds StopLogging and DeleteTrail
     * by it. A role, like {@link #timeField()}, so that no other package spells the name.
     */
    public FieldSpec actionField() {
        return role(ACTION);
    }

    /** The field holding the call's request parameters (a flattened object; a trail's name is one of them). */
    /** The field {@code verify --index} writes each event's file verdict into (derivation fileIntegrity), if any. */
    public java.util.Optional<FieldSpec> integrityField() {
        return java.util.Optional.ofNullable(derivedOrNull(Derivation.FILE_INTEGRITY));
    }

    public FieldSpec requestParametersField() {
        return role(REQUEST_PARAMETERS);
    }

    /** The fields a credential trace reads (checked when first asked for). */
    public TraceFields traceFields() {
        TraceFields t = traceFields;
        if (t == null) {
            t = TraceFields.of(this);
            traceFields = t;
        }
        return t;
    }

    FieldSpec require(String fieldName) {
        return role(fieldName);
    }

    private FieldSpec role(String fieldName) {
        FieldSpec f = fields.get(fieldName);
        if (f == null) {
            throw new SchemaException("the schema has no field '" + fieldName + "', which trailindex needs");
        }
        return f;
    }

    /** The default field of queries: the full-text field. */
    public FieldSpec defaultTextField() {
        return derived(Derivation.ALL_TEXT);
    }

    /** The event paths whose values stay out of the full-text field (their fields say "fullText": false). */
    public List<String> fullTextExclusions() {
        return fields.values().stream().filter(f -> !f.fullText()).flatMap(f -> f.from().stream()).distinct().toList();
    }

    /** Fields left out of the full text that a bare query word must still find by exact value. */
    public List<FieldSpec> exactWordFields() {
        return fields.values().stream().filter(f -> !f.fullText() && f.index() && f.type() == FieldType.KEYWORD).toList();
    }

    /** Top-level keys of which at least one marks a JSON object as a CloudTrail event. */
    /**
     * An event must hold a non-empty value at one of these keys (its name or its time): an object with only, say,
     * eventVersion and userIdentity is not counted as an event.
     */
    public List<String> eventNeedsOneOf() {
        return eventNeedsOneOf;
    }

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


}
