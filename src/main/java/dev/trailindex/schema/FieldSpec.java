package dev.trailindex.schema;

import java.util.List;
import java.util.Objects;

/**
 * One field of the index, as declared in {@code index-schema/*.json}.
 *
 * @param name        the field name users type, CloudTrail's own dotted name for copied fields
 * @param type        what kind of value it holds
 * @param from        dotted paths in the event the value is read from, first present wins; empty for
 *                    derived fields that need no input
 * @param derive      the derivation computing the value, or null when the value is copied from {@code from}
 * @param index       whether the field is searchable
 * @param facet       whether it can be faceted (top values with counts)
 * @param sort        whether results can be sorted by it
 * @param store       whether the value is stored in the index for display
 * @param exactCase   keyword fields only: match case-sensitively (by default keyword terms are lower-cased, so
 *                    {@code eventname:consolelogin} finds ConsoleLogin, while facets show the original)
 * @param fullText    whether the value also goes into the full-text field; false for opaque identifiers and
 *                    times (eventID, requestID, eventTime...), whose word pieces would only bloat it. A bare query
 *                    word still finds such a value whole, as an exact match on the field
 * @param compactIds  keyword fields only: values shaped like a UUID are indexed as 17 bytes instead of 36
 *                    characters (for identifiers unique to each event, whose terms are a large part of the index);
 *                    exact and prefix searches work as before, other wildcards reach only the other values
 * @param aliases     short names users may type instead, e.g. {@code ip} for sourceIPAddress
 * @param description one line for {@code trailindex fields} and the README
 * @param values      enum fields only: the values it can take, in the order of their codes; the first is an event's
 *                    value until one is written
 */
public record FieldSpec(String name, FieldType type, List<String> from, Derivation derive, boolean index,
        boolean facet, boolean sort, boolean store, boolean exactCase, boolean fullText, boolean compactIds,
        List<String> aliases, String description, List<String> values) {

    /** A field that is not an enum. */
    public FieldSpec(String name, FieldType type, List<String> from, Derivation derive, boolean index,
            boolean facet, boolean sort, boolean store, boolean exactCase, boolean fullText, boolean compactIds,
            List<String> aliases, String description) {
        this(name, type, from, derive, index, facet, sort, store, exactCase, fullText, compactIds, aliases, description, null);
    }

    /** Suffix of the hidden Lucene field holding IP points for {@link FieldType#IP} fields. */
    private static final String IP_POINT_SUFFIX = "#ip";


    public FieldSpec {
        Objects.requireNonNull(name, "a field needs a \"name\"");
        Objects.requireNonNull(type, "field '" + name + "' needs a \"type\"");
        from = from == null ? List.of() : List.copyOf(from);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        values = values == null ? List.of() : List.copyOf(values);
        if ((type == FieldType.ENUM) == values.isEmpty()) {
            throw new IllegalArgumentException("field '" + name + "': an enum field needs \"values\", and only an enum takes them");
        }
        if (type == FieldType.ENUM && (store || sort)) {
            throw new IllegalArgumentException("field '" + name + "': an enum field is neither stored nor sorted");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("field '" + name + "': \"values\" repeats a value");
        }
        if (exactCase && type != FieldType.KEYWORD) {
            throw new IllegalArgumentException("field '" + name + "': only keyword fields take \"exactCase\"");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("field '" + name + "' needs a one-line \"description\"");
        }
        if (derive == null && from.isEmpty()) {
            throw new IllegalArgumentException("field '" + name + "' needs \"from\" or \"derive\"");
        }
        if (facet && !(type == FieldType.KEYWORD || type == FieldType.IP || type == FieldType.BOOLEAN || type == FieldType.ENUM)) {
            throw new IllegalArgumentException("field '" + name + "': only keyword, ip, boolean and enum fields can facet");
        }
        if (sort && (type == FieldType.TEXT || type == FieldType.FLATTENED || type == FieldType.RAW)) {
            throw new IllegalArgumentException("field '" + name + "': a " + type.jsonName() + " field cannot sort");
        }
        if (compactIds && type != FieldType.KEYWORD) {
            throw new IllegalArgumentException("field '" + name + "': only keyword fields take \"compactIds\"");
        }
        if (!fullText && from.isEmpty()) {
            throw new IllegalArgumentException("field '" + name + "': \"fullText\": false needs \"from\" paths to leave out");
        }
        if (type == FieldType.RAW && index) {
            throw new IllegalArgumentException("field '" + name + "': a raw field cannot be indexed (set \"index\": false)");
        }
    }

    /** A field as the schema file declares it: absent booleans take their defaults. */
    static FieldSpec fromJson(String name, FieldType type, List<String> from, Derivation derive, Boolean index,
            Boolean facet, Boolean sort, Boolean store, Boolean exactCase, Boolean fullText, Boolean compactIds,
            List<String> aliases, String description, List<String> values) {
        return new FieldSpec(name, type, from, derive, index == null || index, Boolean.TRUE.equals(facet),
                Boolean.TRUE.equals(sort), Boolean.TRUE.equals(store), Boolean.TRUE.equals(exactCase),
                fullText == null || fullText, Boolean.TRUE.equals(compactIds), aliases, description, values);
    }

    /** The code of an enum value (its position in {@code values}), or -1 when it is not one, in any case. */
    public int code(String value) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equalsIgnoreCase(value.strip())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether searches on this field ignore case: keyword-like fields unless exactCase. */
    public boolean caseInsensitive() {
        return !exactCase && (type == FieldType.KEYWORD || type == FieldType.IP || type == FieldType.BOOLEAN
                || type == FieldType.FLATTENED);
    }

    /** Whether the field needs doc values (for facets or sorting). */
    public boolean docValues() {
        return facet || sort;
    }

    /** OpenSearch: the field of type ip beside an {@link FieldType#IP} field's keyword. */
    public String osIpField() {
        return name + "_ip";
    }

    /** OpenSearch: the long that sorts the event key as the local index does ({@code EventKeys.order64}). */
    public String osOrderField() {
        return name + "_order";
    }

    /** OpenSearch: the sub-field, beside {@link #osRawSubfield()}'s parent, of a keyword in its original spelling. */
    public static String osRawSubfield() {
        return "raw";
    }

    /**
     * OpenSearch: the field that facets, sorts and aggregations read (the original spelling): the {@code raw}
     * sub-field of a field with doc values, else the field itself.
     */
    public String osDisplayField() {
        return docValues() && type != FieldType.NUMBER && type != FieldType.TIME && type != FieldType.ENUM
                && derive != Derivation.EVENT_KEY ? name + "." + osRawSubfield() : name;
    }

    /** The Lucene field that holds IP points for an {@link FieldType#IP} field. */
    public String ipPointField() {
        return name + IP_POINT_SUFFIX;
    }
}
