package dev.trailindex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.index.DocumentBuilder;
import dev.trailindex.index.FieldValues;
import dev.trailindex.ingest.RawEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.query.FieldResolver;
import dev.trailindex.query.QueryException;
import dev.trailindex.query.StoredEvent;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import dev.trailindex.schema.Schema;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of table and CSV output: the schema's display set, or the fields a user names with --fields (a
 * leading {@code +} adds them to the display set). Any field can be a column: values read from the event, dotted
 * paths inside one, and derived fields (worked out again from the event, exactly as the indexer does). A column is
 * headed by the name the user gave ({@code eventID}, not {@code ti.id}).
 */
final class Columns {
    /** One column: its header and how to read it from a hit. */
    record Column(String header, FieldSpec spec, String path, Derived derived) {
        String value(JsonNode tree, StoredEvent e, ZoneId zone) {
            if (spec.type() == FieldType.TIME) {
                return Formats.time(e.time(), zone);
            }
            if (spec.derive() == Derivation.EVENT_KEY) {
                return e.key();
            }
            if (spec.derive() == Derivation.SOURCE_FILE) {
                return e.file();
            }
            if (spec.derive() == Derivation.FIRST_NON_EMPTY) {
                String v = FieldValues.firstNonEmpty(tree, spec);
                return v == null ? "" : v;
            }
            if (spec.derive() != null && path == null) {
                return String.join(",", derived.values(e, tree, spec));
            }
            FieldSpec source = path == null ? spec : pathSpec();
            return String.join(",", FieldValues.of(tree, source));
        }

        private FieldSpec pathSpec() {
            return new FieldSpec(header, FieldType.KEYWORD, List.of(spec.from().get(0) + "." + path), null, true,
                    false, false, false, false, true, false, List.of(), "a column");
        }
    }

    /**
     * Derived values of hits, worked out again as the indexer does: the document builder is made only if a derived
     * column needs it, and each hit's document is built once for all its derived columns.
     */
    static final class Derived {
        private final Schema schema;
        private DocumentBuilder builder;
        private StoredEvent last;
        private org.apache.lucene.document.Document doc;

        Derived(Schema schema) {
            this.schema = schema;
        }

        List<String> values(StoredEvent e, JsonNode tree, FieldSpec f) {
            if (e != last) {
                if (builder == null) {
                    builder = new DocumentBuilder(schema);
                }
                doc = builder.build(new RawEvent(e.json(), (ObjectNode) tree, e.file(), e.record(), e.offset(), e.line())).document();
                last = e;
            }
            return DocumentBuilder.displayValues(doc, f);
        }
    }

    private Columns() {
    }

    static List<Column> of(Schema schema, List<String> names) {
        List<String> given = names == null ? List.of() : names.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
        Derived derived = new Derived(schema);
        List<Column> out = new ArrayList<>();
        boolean add = !given.isEmpty() && given.get(0).startsWith("+");
        if (given.isEmpty() || add) {
            schema.display().forEach(f -> out.add(new Column(f.name(), f, null, derived)));
        }
        FieldResolver resolver = new FieldResolver(schema);
        for (String typed : given) {
            String n = typed.startsWith("+") ? typed.substring(1).strip() : typed;
            FieldResolver.Resolved r = resolver.resolve(n);
            FieldSpec f = r.spec();
            if (f.type() == FieldType.ENUM) {
                // Its value lives in doc values that verify rewrites in place, not in the event a column is read from.
                throw new QueryException("field '" + n + "' cannot be a column; search it (" + f.name() + ":"
                        + f.values().get(f.values().size() - 1) + ") or count its values with 'facets --field " + f.name() + "'");
            }
            if (f.type() == FieldType.RAW || (f.type() == FieldType.FLATTENED && r.path() == null)) {
                throw new QueryException("field '" + n + "' cannot be a column; "
                        + (f.type() == FieldType.RAW ? "it is the original event ('show' prints it)" : "name a dotted path inside it, e.g. " + f.name() + ".bucketName"));
            }
            out.add(new Column(n, f, r.path(), derived));
        }
        return out;
    }
}
