package dev.trailindex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.index.FieldValues;
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

/** The columns of table and CSV output: the schema's display set, or the fields a user names with --fields. */
final class Columns {
    /** One column: its header and how to read it from a hit. */
    record Column(String header, FieldSpec spec, String path) {
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
            FieldSpec source = path == null ? spec : pathSpec();
            return String.join(",", FieldValues.of(tree, source));
        }

        private FieldSpec pathSpec() {
            return new FieldSpec(header, FieldType.KEYWORD, List.of(spec.from().get(0) + "." + path), null, true,
                    false, false, false, false, true, false, List.of(), "a column");
        }
    }

    private Columns() {
    }

    static List<Column> of(Schema schema, List<String> names) {
        if (names == null || names.isEmpty()) {
            return schema.display().stream().map(f -> new Column(f.name(), f, null)).toList();
        }
        FieldResolver resolver = new FieldResolver(schema);
        List<Column> out = new ArrayList<>();
        for (String n : names) {
            FieldResolver.Resolved r = resolver.resolve(n.strip());
            FieldSpec f = r.spec();
            boolean shown = r.path() != null || f.type() == FieldType.TIME || f.derive() == null
                    || f.derive() == Derivation.EVENT_KEY || f.derive() == Derivation.SOURCE_FILE;
            if (!shown || f.type() == FieldType.FLATTENED && r.path() == null) {
                throw new QueryException("field '" + n + "' cannot be a column; use a field read from the event, "
                        + "a dotted path inside one, eventTime, ti.id or ti.file");
            }
            out.add(new Column(r.path() == null ? f.name() : f.name() + "." + r.path(), f, r.path()));
        }
        return out;
    }
}
