package dev.trailindex.sigma;

import dev.trailindex.index.DocumentBuilder;
import dev.trailindex.index.KeywordTerms;
import dev.trailindex.index.TermLimits;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import java.util.Locale;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Lucene queries for one field and one value, built the way the indexer wrote the terms: keyword terms lower-cased
 * (unless exactCase), flattened terms {@code path<US>value} lower-cased, wildcards from the parsed Sigma parts with
 * literal text escaped (never a query string printed and parsed again).
 */
final class LeafQueries {
    private static final char US = DocumentBuilder.PATH_SEPARATOR;

    private LeafQueries() {
    }

    /** Events in which the keyword field has any value. */
    static Query exists(FieldSpec f) {
        if (f.type() == FieldType.TIME || f.type() == FieldType.NUMBER || f.type() == FieldType.TEXT) {
            return new FieldExistsQuery(f.name());
        }
        return TermRangeQuery.newStringRange(f.name(), null, null, true, true);
    }

    /** A case-insensitive Sigma pattern on a keyword field: exact. */
    static Query keyword(FieldSpec f, Pattern p) {
        if (p.isAnything()) {
            return exists(f);
        }
        if (p.isLiteral()) {
            return KeywordTerms.exact(f, p.text());
        }
        if (p.isPrefix()) {
            return KeywordTerms.prefix(f, p.text());
        }
        return new WildcardQuery(new Term(f.name(), wildcard(p, f.caseInsensitive())));
    }

    /** Whether {@link #keyword} is exact for this pattern (compact ids reach only exact values and prefixes). */
    static boolean keywordExact(FieldSpec f, Pattern p) {
        return !f.compactIds() || p.isLiteral() || p.isPrefix() || p.isAnything();
    }

    /** An IP field's values in a CIDR block (only values that are addresses). */
    static Query cidr(FieldSpec f, Value.Cidr c) {
        return InetAddressPoint.newPrefixQuery(f.ipPointField(), c.network(), c.bits());
    }

    /**
     * A pattern on a flattened path: the value at that path, or any value below it (a string match on an object
     * matches any of its scalars); with no path, any value anywhere in the object.
     */
    static Query flat(FieldSpec f, String path, Pattern p) {
        String w = wildcard(p, true);
        if (path == null) {
            return p.isAnything() ? TermRangeQuery.newStringRange(f.name(), null, null, true, true)
                    : new WildcardQuery(new Term(f.name(), "*" + US + w));
        }
        String lp = path.toLowerCase(Locale.ROOT);
        Query at;
        Query below;
        if (p.isAnything()) {
            at = new PrefixQuery(new Term(f.name(), lp + US));
            below = new PrefixQuery(new Term(f.name(), lp + "."));
        } else {
            at = p.isLiteral() ? new TermQuery(new Term(f.name(), TermLimits.term(path + US + p.text(), true)))
                    : new WildcardQuery(new Term(f.name(), escape(lp) + US + w));
            below = new WildcardQuery(new Term(f.name(), escape(lp) + ".*" + US + w));
        }
        return new BooleanQuery.Builder().add(at, BooleanClause.Occur.SHOULD).add(below, BooleanClause.Occur.SHOULD).build();
    }

    /** Events where the flattened path (or object) has any value. */
    static Query flatExists(FieldSpec f, String path) {
        return flat(f, path, Pattern.parse("*", false));
    }

    /** The pattern as WildcardQuery text: literal parts escaped, lower-cased when the field ignores case. */
    static String wildcard(Pattern p, boolean lower) {
        StringBuilder sb = new StringBuilder();
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Literal l) {
                sb.append(escape(lower ? l.text().toLowerCase(Locale.ROOT) : l.text()));
            } else {
                sb.append(part.equals(Pattern.ANY) ? '*' : '?');
            }
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }
}
