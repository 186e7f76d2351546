package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import dev.trailindex.schema.Schema;

/**
 * The composable index template of a trailindex on OpenSearch, derived from the schema: one mapping per schema
 * field (see the README's "On an OpenSearch cluster"), strict, with the schema's version in {@code _meta} so that
 * a reader or loader of another version refuses it. Events live in monthly indices {@code NAME-events-YYYY.MM}
 * behind the alias {@code NAME}; the template adds each new one to the alias.
 */
public final class IndexTemplate {
    /** The key in {@code _meta} under which trailindex keeps its schema name and version. */
    public static final String META_KEY = "trailindex";
    private static final String KEYWORD = "keyword";
    private static final String NORMALIZER = "lowercase";
    private static final String ANALYZER = "standard";

    private final Schema schema;
    private final int shards;
    private final int replicas;
    private final String codec;

    /** {@code codec}: "best_compression" (the default: the original events dominate) or "default". */
    public IndexTemplate(Schema schema, int shards, int replicas, String codec) {
        if (shards < 1 || replicas < 0) {
            throw new IllegalArgumentException("shards must be at least 1 and replicas at least 0");
        }
        this.schema = schema;
        this.shards = shards;
        this.replicas = replicas;
        this.codec = codec;
    }

    public IndexTemplate(Schema schema) {
        this(schema, 1, 0, "best_compression");
    }

    /** The name of the composable template for alias {@code name}. */
    public static String templateName(String name) {
        return name + "-events";
    }

    /** The pattern of the event indices behind alias {@code name}. */
    public static String eventsPattern(String name) {
        return name + "-events-*";
    }

    /** The template's body for {@code PUT _index_template/NAME-events}, its fingerprint in {@code _meta}. */
    public ObjectNode body(String name) {
        ObjectNode t = bare(name);
        ((ObjectNode) t.get("_meta").get(META_KEY)).put("fingerprint", fingerprint(name));
        return t;
    }

    /** A hash of the template without its fingerprint: setup leaves an identical template alone. */
    public String fingerprint(String name) {
        try {
            byte[] bytes = OsClient.JSON.writeValueAsBytes(bare(name));
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode bare(String name) {
        ObjectNode t = OsClient.JSON.createObjectNode();
        t.putArray("index_patterns").add(eventsPattern(name));
        t.put("priority", 200);
        t.set("_meta", meta());
        ObjectNode template = t.putObject("template");
        ObjectNode index = template.putObject("settings").putObject("index");
        index.put("number_of_shards", shards);
        index.put("number_of_replicas", replicas);
        index.put("codec", codec);
        index.put("mapping.total_fields.limit", 2000);
        template.set("mappings", mappings());
        template.putObject("aliases").putObject(name);
        return t;
    }

    /** {@code {"trailindex": {"schemaVersion": N, "schema": "cloudtrail"}}}. */
    public ObjectNode meta() {
        ObjectNode m = OsClient.JSON.createObjectNode();
        m.putObject(META_KEY).put("schemaVersion", schema.version()).put("schema", schema.name());
        return m;
    }

    /** The events' mapping: strict, one entry per schema field. */
    public ObjectNode mappings() {
        ObjectNode m = OsClient.JSON.createObjectNode();
        m.put("dynamic", "strict");
        m.set("_meta", meta());
        // _source keeps what the local index stores (the original event, its key and place) plus the flags the loader
        // reads back and the event's time (a hit's time, as locally); every other value is indexed and in doc values,
        // and readable from the original.
        ArrayNode includes = m.putObject("_source").putArray("includes");
        ObjectNode props = m.putObject("properties");
        for (FieldSpec f : schema.fields()) {
            if (f.store() || f.derive() == Derivation.FLAGS || f.type() == FieldType.TIME) {
                includes.add(f.name());
            }
            props.set(f.name(), mapping(f));
            if (f.type() == FieldType.IP) {
                props.putObject(f.osIpField()).put("type", "ip");
            }
            if (f.derive() == Derivation.EVENT_KEY && f.sort()) {
                props.putObject(f.osOrderField()).put("type", "long");
            }
        }
        return m;
    }

    private static ObjectNode mapping(FieldSpec f) {
        ObjectNode n = OsClient.JSON.createObjectNode();
        switch (f.type()) {
            case KEYWORD, BOOLEAN, IP, FLATTENED -> keyword(n, f);
            case TIME -> n.put("type", "date").put("format", "epoch_millis");
            case NUMBER -> {
                n.put("type", "long");
                if (!f.index() && !f.sort()) {
                    n.put("index", false).put("doc_values", false);
                }
            }
            case TEXT -> n.put("type", FieldType.TEXT.jsonName()).put("analyzer", ANALYZER);
            // Kept in _source only, as text where it is UTF-8 (see RawText): neither indexed nor in doc values.
            case RAW -> n.put("type", KEYWORD).put("index", false).put("doc_values", false);
            case ENUM -> n.put("type", KEYWORD);
        }
        return n;
    }

    /**
     * A searchable keyword (lower-cased by the normalizer unless exactCase; doc values only for flattened fields) and, for fields that
     * facet or sort, a sub-field in the original spelling with doc values only, as the local index keeps them.
     */
    private static void keyword(ObjectNode n, FieldSpec f) {
        // A flattened field's path<US>value terms are its only copy: nested-path facets and the path list aggregate
        // them, which needs doc values (os-query, see the contract's Changes).
        n.put("type", KEYWORD).put("doc_values", f.type() == FieldType.FLATTENED);
        if (f.caseInsensitive()) {
            n.put("normalizer", NORMALIZER);
        }
        if (!f.index()) {
            n.put("index", false);
        }
        if (!f.osDisplayField().equals(f.name())) {
            n.putObject("fields").putObject(FieldSpec.osRawSubfield()).put("type", KEYWORD).put("index", false);
        }
    }

    /**
     * Checks that the cluster has this template, from this schema version: else one line saying what to do.
     * Readers and the loader call it before anything else.
     */
    public static void check(OsClient client, Schema schema, String name) {
        OsClient.Response r = client.request("GET", "/_index_template/" + templateName(name), null);
        if (r.status() == 404) {
            throw new OpenSearchException(OpenSearchException.Kind.SCHEMA, "no trailindex template '" + templateName(name)
                    + "' on OpenSearch at " + client.connection().base() + ": run 'trailindex opensearch setup --opensearch "
                    + client.connection().base() + " --opensearch-index " + name + "' first");
        }
        if (!r.ok()) {
            throw OsErrors.of(client.connection(), "read the template " + templateName(name), r);
        }
        JsonNode meta = r.body().path("index_templates").path(0).path("index_template").path("_meta").path(META_KEY);
        if (!meta.path("schemaVersion").isInt() || !meta.path("schema").asText().equals(schema.name())) {
            throw new OpenSearchException(OpenSearchException.Kind.SCHEMA, "the OpenSearch template '" + templateName(name)
                    + "' is not a trailindex template (no _meta." + META_KEY + "); choose another --opensearch-index");
        }
        int version = meta.path("schemaVersion").asInt();
        if (version != schema.version()) {
            throw new OpenSearchException(OpenSearchException.Kind.SCHEMA, "the OpenSearch index '" + name + "' is from schema version "
                    + version + " and this trailindex reads version " + schema.version() + ": load it again into a new --opensearch-index "
                    + "(or use the trailindex that made it)");
        }
    }
}
