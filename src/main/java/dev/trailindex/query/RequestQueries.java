package dev.trailindex.query;

import dev.trailindex.schema.Schema;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * A search request as a Lucene query: its text parsed against the schema (and, where the text needs it, against
 * the nested paths the index holds), filtered to the request's time range.
 */
final class RequestQueries {
    private final Schema schema;
    private final SchemaQueryParserPool parsers;
    private final NestedPaths nestedPaths;
    private final String timeField;

    RequestQueries(Schema schema, NestedPaths nestedPaths) {
        this.schema = schema;
        this.parsers = new SchemaQueryParserPool(schema);
        this.nestedPaths = nestedPaths;
        this.timeField = schema.timeField().name();
    }

    /**
     * The query for {@code req}. {@code indexPaths} reads the index's nested paths; it is called only if the text
     * needs them (a key with colons, or {@code strict}: a nested path that no event holds is then an error naming
     * the nearest paths; hunts, whose paths may simply be absent from an index, are not strict).
     */
    Query of(SearchRequest req, boolean strict, Supplier<Map<String, TreeSet<String>>> indexPaths) {
        Supplier<Map<String, TreeSet<String>>> known = new Supplier<>() {
            private Map<String, TreeSet<String>> paths;

            @Override
            public Map<String, TreeSet<String>> get() {
                if (paths == null) {
                    paths = indexPaths.get();
                }
                return paths;
            }
        };
        Predicate<String> isKnownPath = name -> isKnownPath(known.get(), name);
        Query q = req.zone().equals(ZoneOffset.UTC) ? parsers.parse(req.query(), isKnownPath)
                : new SchemaQueryParser(schema, req.zone()).parseQuery(req.query(), isKnownPath);
        if (strict) {
            nestedPaths.check(q, known);
        }
        if (req.from() == null && req.to() == null && req.filter() == null) {
            return q;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
        if (req.filter() != null) {
            // MUST, not FILTER: a rule's or a trace's query may score (relevance order), and a FILTER clause would
            // not; both only ever narrow the matches.
            b.add(req.filter(), BooleanClause.Occur.MUST);
        }
        if (req.from() != null || req.to() != null) {
            b.add(LongField.newRangeQuery(timeField, req.from() == null ? Long.MIN_VALUE : req.from(),
                    req.to() == null ? Long.MAX_VALUE : req.to() - 1), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    /** Whether {@code name} is field.path of a path the index holds (names in any case). */
    static boolean isKnownPath(Map<String, TreeSet<String>> known, String name) {
        int dot = name.indexOf('.');
        while (dot > 0) {
            for (var e : known.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name.substring(0, dot))) {
                    return e.getValue().contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
                }
            }
            dot = name.indexOf('.', dot + 1);
        }
        return false;
    }
}
