package dev.trailindex.query;

import dev.trailindex.schema.Schema;
import org.apache.lucene.search.Query;

/** Query parsers are not thread-safe; each thread gets its own. */
final class SchemaQueryParserPool {
    private final ThreadLocal<SchemaQueryParser> parsers;

    SchemaQueryParserPool(Schema schema) {
        this.parsers = ThreadLocal.withInitial(() -> new SchemaQueryParser(schema));
    }

    Query parse(String text) {
        return parsers.get().parseQuery(text);
    }

    Query parse(String text, java.util.function.Predicate<String> isKnownPath) {
        return parsers.get().parseQuery(text, isKnownPath);
    }
}
