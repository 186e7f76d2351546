package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.QueryTranslator.NODES;
import static dev.trailindex.opensearch.QueryTranslator.one;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.index.KeywordTerms;
import dev.trailindex.query.QueryException;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;

/**
 * The leaves of a query: term-level queries on keyword, text and flattened fields, point ranges on times, numbers
 * and IPs, existence, phrases. Terms are sent as the local index holds them (already lower-cased where the field
 * ignores case; OpenSearch's {@code ti_lower} normalizer leaves them as they are), except a compact UUID term,
 * which is sent as the text it stands for, as the cluster holds it.
 */
final class LeafTranslator {
    private final OsFields fields;

    LeafTranslator(OsFields fields) {
        this.fields = fields;
    }

    ObjectNode translate(Query q) {
        return switch (q) {
            case TermQuery t -> term(t.getTerm().field(), t.getTerm().bytes());
            case TermInSetQuery t -> termSet(t);
            case SynonymQuery s -> synonyms(s);
            case PrefixQuery p -> prefix(p);
            case WildcardQuery w -> patterned("wildcard", w.getTerm(), false);
            // The parser's RegexpQuery takes Lucene's default syntax flags, ALL, as OpenSearch does with "ALL".
            case RegexpQuery r -> patterned("regexp", r.getRegexp(), true);
            case FuzzyQuery f -> fuzzy(f);
            case TermRangeQuery r -> termRange(r);
            case PointRangeQuery p -> PointRanges.translate(spec(p.getField()), p);
            case FieldExistsQuery e -> exists(spec(e.getField()));
            case PhraseQuery p -> phrase(p);
            default -> throw QueryTranslator.untranslatable(unknown(q));
        };
    }

    /** The field's spec; enum fields (held in the local index only, changed in place by verify) fail here. */
    private FieldSpec spec(String luceneField) {
        FieldSpec f = fields.ofLucene(luceneField).orElseThrow(() -> QueryTranslator.untranslatable(
                "a query on field '" + luceneField + "', which is not in the schema,"));
        if (f.type() == FieldType.ENUM) {
            throw enumField(f);
        }
        return f;
    }

    static QueryException enumField(FieldSpec f) {
        return new QueryException("the OpenSearch backend cannot search " + f.name() + ": its values are written by "
                + "'verify --index' into a local index only (search it on a local index)");
    }

    /** The value of a term as the cluster holds it. */
    private static String text(FieldSpec f, BytesRef term) {
        return f.compactIds() ? KeywordTerms.text(term) : term.utf8ToString();
    }

    private ObjectNode term(String field, BytesRef bytes) {
        FieldSpec f = spec(field);
        return one("term", NODES.objectNode().put(OsFields.search(f), text(f, bytes)));
    }

    private ObjectNode termSet(TermInSetQuery t) {
        FieldSpec f = spec(fieldOf(t));
        ArrayNode values = NODES.arrayNode();
        try {
            BytesRefIterator it = t.getBytesRefIterator();
            for (BytesRef b = it.next(); b != null; b = it.next()) {
                values.add(text(f, b));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode body = NODES.objectNode();
        body.set(OsFields.search(f), values);
        return one("terms", body);
    }

    private ObjectNode synonyms(SynonymQuery s) {
        List<Term> terms = s.getTerms();
        if (terms.isEmpty()) {
            return QueryTranslator.none();
        }
        FieldSpec f = spec(terms.get(0).field());
        ArrayNode values = NODES.arrayNode();
        terms.forEach(t -> values.add(text(f, t.bytes())));
        ObjectNode body = NODES.objectNode();
        body.set(OsFields.search(f), values);
        return one("terms", body);
    }

    /** A prefix of a compact UUID term is the prefix of its text (the cluster holds UUIDs as lower-case text). */
    private ObjectNode prefix(PrefixQuery p) {
        FieldSpec f = spec(p.getField());
        BytesRef b = p.getPrefix().bytes();
        String prefix = f.compactIds() && CompactIds.isCompact(b) ? CompactIds.prefixText(b) : b.utf8ToString();
        return one("prefix", NODES.objectNode().set(OsFields.search(f), NODES.objectNode().put("value", prefix)));
    }

    /**
     * A wildcard or regular expression: the same syntax in both engines. On a compactIds field the local terms of
     * UUIDs are bytes that no pattern reaches, so the cluster's UUID texts are left out to match the same events.
     */
    private ObjectNode patterned(String kind, Term t, boolean allFlags) {
        FieldSpec f = spec(t.field());
        ObjectNode body = NODES.objectNode().put("value", t.text());
        if (allFlags) {
            body.put("flags", "ALL");
        }
        ObjectNode q = one(kind, NODES.objectNode().set(OsFields.search(f), body));
        return f.compactIds() ? CompactIds.withoutUuids(f, q) : q;
    }

    private ObjectNode fuzzy(FuzzyQuery q) {
        FieldSpec f = spec(q.getField());
        ObjectNode body = NODES.objectNode().put("value", text(f, q.getTerm().bytes()))
                .put("fuzziness", Integer.toString(q.getMaxEdits())).put("prefix_length", q.getPrefixLength())
                .put("transpositions", q.getTranspositions()).put("max_expansions", FuzzyQuery.defaultMaxExpansions);
        ObjectNode out = one("fuzzy", NODES.objectNode().set(OsFields.search(f), body));
        return f.compactIds() ? CompactIds.withoutUuids(f, out) : out;
    }

    private ObjectNode termRange(TermRangeQuery r) {
        FieldSpec f = spec(r.getField());
        if (r.getLowerTerm() == null && r.getUpperTerm() == null) {
            return exists(f);
        }
        ObjectNode body = NODES.objectNode();
        if (r.getLowerTerm() != null) {
            body.put(r.includesLower() ? "gte" : "gt", r.getLowerTerm().utf8ToString());
        }
        if (r.getUpperTerm() != null) {
            body.put(r.includesUpper() ? "lte" : "lt", r.getUpperTerm().utf8ToString());
        }
        ObjectNode q = one("range", NODES.objectNode().set(OsFields.search(f), body));
        return f.compactIds() ? CompactIds.withoutUuids(f, q) : q;
    }

    static ObjectNode exists(FieldSpec f) {
        return one("exists", NODES.objectNode().put("field", OsFields.search(f)));
    }

    /**
     * An exact phrase (consecutive positions, no slop) is a span_near of its terms in order; a sloppy phrase is a
     * match_phrase of the terms (analysed again by the same analyzer, which leaves its own tokens whole).
     */
    private ObjectNode phrase(PhraseQuery p) {
        Term[] terms = p.getTerms();
        if (terms.length == 0) {
            return QueryTranslator.none();
        }
        FieldSpec f = spec(p.getField());
        if (terms.length == 1) {
            return term(p.getField(), terms[0].bytes());
        }
        int[] pos = p.getPositions();
        boolean consecutive = true;
        for (int i = 1; i < pos.length; i++) {
            consecutive &= pos[i] == pos[i - 1] + 1;
        }
        if (!consecutive) {
            throw QueryTranslator.untranslatable("a phrase with gaps between its words");
        }
        if (p.getSlop() > 0) {
            List<String> words = new ArrayList<>();
            for (Term t : terms) {
                words.add(t.text());
            }
            return one("match_phrase", NODES.objectNode().set(OsFields.search(f), NODES.objectNode()
                    .put("query", String.join(" ", words)).put("slop", p.getSlop())));
        }
        ArrayNode clauses = NODES.arrayNode();
        for (Term t : terms) {
            clauses.add(one("span_term", NODES.objectNode().put(OsFields.search(f), t.text())));
        }
        return one("span_near", NODES.objectNode().<ObjectNode>set("clauses", clauses).put("slop", 0).put("in_order", true));
    }

    private static String fieldOf(Query q) {
        List<String> names = new ArrayList<>();
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                names.add(field);
                return true;
            }
        });
        return names.isEmpty() ? "?" : names.get(0);
    }

    private String unknown(Query q) {
        String field = fieldOf(q);
        fields.ofLucene(field).filter(f -> f.type() == FieldType.ENUM).ifPresent(f -> {
            throw enumField(f);
        });
        return "a Lucene " + q.getClass().getSimpleName() + (field.equals("?") ? "" : " on '" + field + "'");
    }
}
