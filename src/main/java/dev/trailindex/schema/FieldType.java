package dev.trailindex.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of value a schema field holds; each maps to one choice of Lucene field classes in the indexer. */
public enum FieldType {
    /** An exact value (name, ID, ARN): matched as written. */
    KEYWORD,
    /** Free text, analysed into words. */
    TEXT,
    /** An instant, indexed as epoch milliseconds (point + doc values, so it ranges and sorts). */
    TIME,
    /** A keyword that also gets an IP point when the value is an IPv4 or IPv6 address. */
    IP,
    /** true or false, indexed as a keyword. */
    BOOLEAN,
    /** A whole number. */
    NUMBER,
    /** A nested JSON object whose leaves are searchable by dotted path, all in one Lucene field. */
    FLATTENED,
    /** Stored bytes, not searchable. */
    RAW,
    /**
     * One of a closed list of values (the field's {@code values}), held as the value's position in that list in
     * numeric doc values only: so it can be changed in place, without re-indexing the event, and an event without a
     * value has the first one.
     */
    ENUM;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static FieldType fromJson(String name) {
        for (FieldType t : values()) {
            if (t.jsonName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown field type '" + name + "' (expected one of "
                + Arrays.stream(values()).map(FieldType::jsonName).collect(Collectors.joining(", ")) + ")");
    }
}
