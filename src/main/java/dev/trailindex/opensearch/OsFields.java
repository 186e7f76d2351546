package dev.trailindex.opensearch;

import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import dev.trailindex.schema.Schema;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenSearch field names of the schema's fields, as {@link IndexTemplate} maps them: the searchable field under
 * the schema name, the original spelling for facets and sorting in its display field, an IP field's address in a
 * field of type ip, and the key's sort order as a long. Every name comes from a {@link FieldSpec}.
 */
final class OsFields {
    private final Schema schema;
    /** Lucene field name (a schema name, or an IP field's hidden point field) to its spec. */
    private final Map<String, FieldSpec> byLucene = new HashMap<>();

    OsFields(Schema schema) {
        this.schema = schema;
        for (FieldSpec f : schema.fields()) {
            byLucene.put(f.name(), f);
            if (f.type() == FieldType.IP) {
                byLucene.put(f.ipPointField(), f);
            }
        }
    }

    Schema schema() {
        return schema;
    }

    /** The spec of a Lucene field, by its Lucene name. */
    Optional<FieldSpec> ofLucene(String luceneField) {
        return Optional.ofNullable(byLucene.get(luceneField));
    }

    /** Whether a Lucene field name is the IP point field of an ip field. */
    static boolean isIpPoints(FieldSpec f, String luceneField) {
        return f.type() == FieldType.IP && f.ipPointField().equals(luceneField);
    }

    /** The searchable field: keyword (lower-cased by a normalizer unless exactCase), text, date, long. */
    static String search(FieldSpec f) {
        return f.name();
    }

    /** The original spelling, for terms aggregations (only fields with doc values have it). */
    static String display(FieldSpec f) {
        return f.osDisplayField();
    }

    /** The field of type ip beside an ip field's keyword. */
    static String ip(FieldSpec f) {
        return f.osIpField();
    }

    /** The long that orders events with the same time, as the local index's numeric doc values do. */
    static String order(FieldSpec key) {
        return key.osOrderField();
    }
}
