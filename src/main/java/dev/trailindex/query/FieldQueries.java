package dev.trailindex.query;

import dev.trailindex.index.DocumentBuilder;
import dev.trailindex.index.TermLimits;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermRangeQuery;

/** Term-level pieces of queries, built the way the indexer wrote the terms (lower-cased, cut, path-prefixed). */
final class FieldQueries {
    private FieldQueries() {
    }

    /** Events in which the field (or path) has a value. */
    static Query exists(FieldResolver.Resolved r) {
        FieldSpec f = r.spec();
        if (r.path() != null) {
            return new PrefixQuery(new Term(f.name(), lower(f, r.path()) + DocumentBuilder.PATH_SEPARATOR));
        }
        if (f.type() == FieldType.ENUM) {
            // Every event has a value: the first one until another is written.
            return new org.apache.lucene.search.MatchAllDocsQuery();
        }
        boolean hasDocValuesOrNorms = f.docValues() || f.type() == FieldType.TIME || f.type() == FieldType.TEXT
                || (f.type() == FieldType.NUMBER && f.index());
        if (hasDocValuesOrNorms) {
            return new FieldExistsQuery(f.name());
        }
        return TermRangeQuery.newStringRange(f.name(), null, null, true, true);
    }

    static Query termRange(FieldSpec f, String lo, String hi, boolean openLo, boolean openHi, boolean incLo, boolean incHi) {
        return TermRangeQuery.newStringRange(f.name(), openLo ? null : TermLimits.term(lo, f.caseInsensitive()),
                openHi ? null : TermLimits.term(hi, f.caseInsensitive()), incLo, incHi);
    }

    static String lower(FieldSpec f, String s) {
        return f.caseInsensitive() ? s.toLowerCase(Locale.ROOT) : s;
    }

    static String flatTerm(FieldSpec f, String path, String value) {
        return TermLimits.term(path + DocumentBuilder.PATH_SEPARATOR + value, f.caseInsensitive());
    }

    static String escapeWildcards(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    /** The one-line error for a regular expression or wildcard that Lucene cannot turn into a bounded automaton. */
    static QueryException tooComplex(RuntimeException e) {
        return new QueryException("a regular expression or wildcard in the query is too complex to run (Lucene "
                + "limits the states it may expand to): simplify it, e.g. fewer repetitions or a literal prefix", e);
    }
}
