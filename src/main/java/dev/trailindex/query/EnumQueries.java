package dev.trailindex.query;

import dev.trailindex.schema.FieldSpec;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Queries on enum fields, whose value is a code in numeric doc values only (so that verify can change it in place): a
 * doc-values query per value, and for the first value also every event that has no code yet.
 */
final class EnumQueries {
    private EnumQueries() {
    }

    /** Events whose field {@code f} has {@code value} (in any case); an unknown value is an error naming the known ones. */
    static Query exact(FieldSpec f, String value) {
        int code = f.code(value);
        if (code < 0) {
            throw new QueryException("field '" + f.name() + "' takes one of " + String.join(", ", f.values()) + "; '"
                    + value.strip() + "' is not one");
        }
        // A slow query (it checks each candidate's doc value) is fine here: it is one comparison per event, and the
        // field cannot have terms or points, which in-place updates do not support.
        Query q = NumericDocValuesField.newSlowExactQuery(f.name(), code);
        if (code == 0) {
            Query none = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                    .add(new FieldExistsQuery(f.name()), BooleanClause.Occur.MUST_NOT).build();
            q = new BooleanQuery.Builder().add(q, BooleanClause.Occur.SHOULD).add(none, BooleanClause.Occur.SHOULD).build();
        }
        return new ConstantScoreQuery(q);
    }
}
