package dev.trailindex.cli;

import dev.trailindex.query.Printable;
import dev.trailindex.schema.Schema;
import java.io.PrintWriter;

/** Under a list of access keys (summary --by key, a hunt grouped by key): how to trace one. */
final class TraceHint {
    private TraceHint() {
    }

    static void print(PrintWriter out, Schema schema, String field, String firstValue) {
        if (field == null || firstValue == null) {
            return;
        }
        boolean keys = schema.find(field).map(f -> f.equals(schema.traceFields().accessKey())).orElse(false);
        if (keys) {
            out.println("where a key came from and what its holder did: trailindex trace " + Printable.escape(firstValue));
        }
    }
}
