package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.query.QueryException;
import dev.trailindex.schema.Schema;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * The Lucene query the local backend would run, as OpenSearch query DSL over the index template's fields. The
 * structure (bool, match_all, match_none) is translated here, the leaves by {@link LeafTranslator}. A query that
 * cannot be translated to exactly the same matches is a {@link QueryException} with one line naming the construct:
 * never a different answer. Scores are not carried over (relevance order is refused by the backend).
 */
public final class QueryTranslator {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LeafTranslator leaves;

    public QueryTranslator(Schema schema) {
        this.leaves = new LeafTranslator(new OsFields(schema));
    }

    /** The DSL of {@code q}: an object with one key (the query kind). */
    public ObjectNode translate(Query q) {
        return switch (q) {
            case MatchAllDocsQuery m -> one("match_all", NODES.objectNode());
            case MatchNoDocsQuery m -> none();
            case BooleanQuery b -> bool(b);
            case ConstantScoreQuery c -> translate(c.getQuery());
            case BoostQuery b -> translate(b.getQuery());
            case IndexOrDocValuesQuery i -> translate(i.getIndexQuery());
            // LongField's range: doc values when the index is sorted on the field, else its points.
            case IndexSortSortedNumericDocValuesRangeQuery i -> translate(i.getFallbackQuery());
            case DisjunctionMaxQuery d -> anyOf(d.getDisjuncts().stream().toList());
            default -> leaves.translate(q);
        };
    }

    static ObjectNode one(String kind, com.fasterxml.jackson.databind.JsonNode body) {
        ObjectNode o = NODES.objectNode();
        o.set(kind, body);
        return o;
    }

    static ObjectNode none() {
        return one("match_none", NODES.objectNode());
    }

    /** Lucene's rules: no positive clause matches nothing; without MUST or FILTER, at least one SHOULD must match. */
    private ObjectNode bool(BooleanQuery b) {
        List<BooleanClause> clauses = b.clauses();
        boolean required = clauses.stream().anyMatch(c -> c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.FILTER);
        long should = clauses.stream().filter(c -> c.occur() == BooleanClause.Occur.SHOULD).count();
        if (!required && should == 0) {
            return none();
        }
        ObjectNode body = NODES.objectNode();
        for (BooleanClause c : clauses) {
            String occur = switch (c.occur()) {
                case MUST -> "must";
                case FILTER -> "filter";
                case SHOULD -> "should";
                case MUST_NOT -> "must_not";
            };
            ArrayNode list = body.has(occur) ? (ArrayNode) body.get(occur) : body.putArray(occur);
            list.add(translate(c.query()));
        }
        int min = b.getMinimumNumberShouldMatch();
        if (should > 0) {
            body.put("minimum_should_match", required ? min : Math.max(1, min));
        }
        return one("bool", body);
    }

    private ObjectNode anyOf(List<Query> qs) {
        if (qs.isEmpty()) {
            return none();
        }
        ObjectNode body = NODES.objectNode();
        ArrayNode should = body.putArray("should");
        qs.forEach(q -> should.add(translate(q)));
        body.put("minimum_should_match", 1);
        return one("bool", body);
    }

    /** The one-line error for a construct without an exact translation. */
    static QueryException untranslatable(String what) {
        return new QueryException("the OpenSearch backend cannot run this query: " + what
                + " has no exact translation to OpenSearch (run it on a local index)");
    }
}
