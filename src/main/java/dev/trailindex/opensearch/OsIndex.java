package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.QueryTranslator.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.query.BackendSupport;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import dev.trailindex.schema.Schema;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.search.Query;

/**
 * The events alias of one cluster as the backend's parts use it: the request as the local backend's Lucene query
 * and as DSL, counts, searches, and the nested paths the events hold.
 */
final class OsIndex {
    private final OsCalls calls;
    private final String alias;
    private final BackendSupport support;
    private final QueryTranslator translator;
    private final Schema schema;

    OsIndex(OsCalls calls, String alias, Schema schema) {
        this.calls = calls;
        this.alias = alias;
        this.schema = schema;
        this.support = new BackendSupport(schema);
        this.translator = new QueryTranslator(schema);
    }

    Schema schema() {
        return schema;
    }

    String alias() {
        return alias;
    }

    BackendSupport support() {
        return support;
    }

    OsCalls calls() {
        return calls;
    }

    FieldSpec time() {
        return schema.timeField();
    }

    FieldSpec key() {
        return schema.derived(Derivation.EVENT_KEY);
    }

    /** The request's Lucene query, as the local backend builds it. */
    Query lucene(SearchRequest req, boolean strict) {
        return support.toQuery(req, strict, this::paths);
    }

    ObjectNode dsl(Query q) {
        return translator.translate(q);
    }

    ObjectNode dsl(SearchRequest req, boolean strict) {
        return dsl(lucene(req, strict));
    }

    JsonNode search(ObjectNode body) {
        return calls.call("POST", "/" + alias + "/_search", body);
    }

    long count(ObjectNode query) {
        ObjectNode body = NODES.objectNode();
        body.set("query", query);
        return calls.call("POST", "/" + alias + "/_count", body).path("count").asLong();
    }

    /** Both queries at once. */
    static ObjectNode and(ObjectNode a, ObjectNode b) {
        ObjectNode bool = NODES.objectNode();
        bool.putArray("filter").add(a).add(b);
        return QueryTranslator.one("bool", bool);
    }

    /**
     * Every path of every flattened field (lower case), per field: read from the terms {@code path<US>value} a page
     * at a time, jumping past the rest of a page's last path as the local index seeks past it.
     */
    Map<String, TreeSet<String>> paths() {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (FieldSpec f : schema.fields()) {
            if (f.type() == FieldType.FLATTENED) {
                out.put(f.name(), new OsTerms(this).paths(f));
            }
        }
        return out;
    }
}
