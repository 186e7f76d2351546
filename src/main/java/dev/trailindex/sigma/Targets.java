package dev.trailindex.sigma;

import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import dev.trailindex.schema.Schema;
import java.util.List;
import java.util.Optional;

/** Where a Sigma field lives in the index, read from the schema: the only place field names come from. */
final class Targets {
    /** What the index holds for one rule field. */
    sealed interface Target {
    }

    /** A keyword-like field (keyword, ip, boolean) copied from exactly this event path: term queries are exact. */
    record Keyword(FieldSpec spec) implements Target {
    }

    /** A path inside a flattened field, or (path null) the whole flattened object. */
    record Flat(FieldSpec spec, String path) implements Target {
    }

    /** A field the index holds but cannot match values on exactly (text, time, number): exists only. */
    record Coarse(FieldSpec spec) implements Target {
    }

    /** A field the index does not hold at all. */
    record Unindexed(String field) implements Target {
    }

    private final Schema schema;

    Targets(Schema schema) {
        this.schema = schema;
    }

    Target of(String field) {
        Optional<FieldSpec> direct = schema.fields().stream()
                .filter(f -> f.name().equals(field) && f.derive() == null && f.index() && f.from().equals(List.of(field)))
                .findFirst();
        if (direct.isPresent()) {
            FieldSpec f = direct.get();
            return switch (f.type()) {
                case KEYWORD, IP, BOOLEAN -> new Keyword(f);
                case FLATTENED -> new Flat(f, null);
                default -> new Coarse(f);
            };
        }
        for (FieldSpec f : schema.fields()) {
            if (f.type() == FieldType.FLATTENED && f.derive() == null && field.startsWith(f.name() + ".")
                    && field.length() > f.name().length() + 1) {
                return new Flat(f, field.substring(f.name().length() + 1));
            }
        }
        return new Unindexed(field);
    }
}
