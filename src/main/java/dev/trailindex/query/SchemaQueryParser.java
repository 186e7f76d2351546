package dev.trailindex.query;

import dev.trailindex.index.Analyzers;
import dev.trailindex.index.DocumentBuilder;
import dev.trailindex.index.IpLiterals;
import dev.trailindex.index.KeywordTerms;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import dev.trailindex.schema.Schema;
import java.net.InetAddress;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Lucene's classic query syntax over the schema's field names, made forgiving where that is safe. Field names
 * and aliases match in any case; keyword values match in any case (unless the field is exactCase); unquoted
 * values may hold ':' and '/'; {@code field:*} and {@code _exists_:field} test existence; IP fields take CIDR
 * blocks and ranges; times take any ISO-8601 precision. A query of only negations means "all events except".
 * An unknown field is an error, never zero hits.
 */
public final class SchemaQueryParser extends QueryParser {
    private static final String ALL = "*";
    private static final String EXISTS = "_exists_";
    /** Deepest nesting of parentheses: the parser recurses per level, and no real question nests deeper. */
    static final int MAX_DEPTH = 64;

    private final FieldResolver resolver;
    private final String defaultField;
    private final List<FieldSpec> exactWordFields;
    private final ZoneId zone;

    public SchemaQueryParser(Schema schema) {
        this(schema, ZoneId.of("UTC"));
    }

    /** A parser reading times without an offset in {@code zone}. */
    public SchemaQueryParser(Schema schema, ZoneId zone) {
        super(schema.defaultTextField().name(), Analyzers.forSchema(schema));
        this.resolver = new FieldResolver(schema);
        this.defaultField = schema.defaultTextField().name();
        this.exactWordFields = schema.exactWordFields();
        this.zone = zone;
        setDefaultOperator(QueryParser.AND_OPERATOR);
        setAllowLeadingWildcard(true);
    }

    /** Parses {@code text}; a blank query matches every event. */
    public Query parseQuery(String text) {
        return parseQuery(text, name -> false);
    }

    /** Parses {@code text}; {@code isKnownPath} names the nested paths the index holds (keys with colons need it). */
    public Query parseQuery(String text, java.util.function.Predicate<String> isKnownPath) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        QueryText.checkDepth(text, MAX_DEPTH);
        String escaped = QueryText.escapeValues(text, resolver::knows, isKnownPath);
        try {
            return parse(escaped);
        } catch (org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
            throw FieldQueries.tooComplex(e);
        } catch (ParseException e) {
            QueryException ours = ours(e);
            throw ours != null ? ours : SyntaxErrors.explain(e, text, escaped);
        } catch (QueryException e) {
            throw e;
        } catch (IllegalArgumentException | IndexSearcher.TooManyClauses e) {
            throw new QueryException("invalid query: " + e.getMessage(), e);
        }
    }

    /** A message of ours that the parser wrapped (an unknown field, a bad time). */
    private static QueryException ours(ParseException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof QueryException q) {
                return q;
            }
        }
        return null;
    }

    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
        Query q = super.getBooleanQuery(clauses);
        if (q instanceof BooleanQuery bq && !bq.clauses().isEmpty()
                && bq.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
            // "NOT errorCode:*" alone means every event without an error, not nothing.
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
            bq.clauses().forEach(b::add);
            return b.build();
        }
        return q;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (field.equals(defaultField)) {
            return withExactWords(super.getFieldQuery(field, queryText, quoted), queryText);
        }
        if (field.equals(EXISTS)) {
            return FieldQueries.exists(resolve(queryText));
        }
        FieldResolver.Resolved r = resolve(field);
        FieldSpec f = r.spec();
        if (r.path() != null) {
            return new TermQuery(new Term(f.name(), FieldQueries.flatTerm(f, r.path(), queryText)));
        }
        return switch (f.type()) {
            case TEXT -> super.getFieldQuery(f.name(), queryText, quoted);
            case KEYWORD -> KeywordTerms.exact(f, queryText);
            case IP -> ipQuery(f, queryText);
            case BOOLEAN -> new TermQuery(new Term(f.name(), queryText.strip().toLowerCase(Locale.ROOT)));
            case TIME -> {
                TimeBounds.Span s = spanOf(queryText);
                yield LongField.newRangeQuery(f.name(), s.start(), s.end() - 1);
            }
            case NUMBER -> LongField.newExactQuery(f.name(), number(field, queryText));
            case ENUM -> enumQuery(f, queryText);
            case FLATTENED -> throw error("search " + f.name() + " by a dotted path, e.g. " + f.name() + ".someKey:value");
            case RAW -> throw error("field '" + f.name() + "' is stored, not searchable");
        };
    }

    /**
     * A bare word also matches the fields kept out of the full text (eventID, requestID...) by exact value, so a
     * pasted identifier finds its event without the index holding its pieces as words.
     */
    private Query withExactWords(Query text, String word) {
        if (exactWordFields.isEmpty() || word.isBlank()) {
            return text;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (text != null) {
            b.add(text, BooleanClause.Occur.SHOULD);
        }
        for (FieldSpec f : exactWordFields) {
            b.add(KeywordTerms.exact(f, word.strip()), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** An IP literal matches the address, a CIDR block its network (never a service name); else the text. */
    private Query ipQuery(FieldSpec f, String text) throws ParseException {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash > 0) {
            InetAddress net = IpLiterals.parse(t.substring(0, slash));
            int bits;
            try {
                bits = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (net == null || bits < 0 || bits > net.getAddress().length * 8) {
                throw error("'" + text + "' is not a CIDR block (like 10.0.0.0/8 or 2001:db8::/32)");
            }
            return InetAddressPoint.newPrefixQuery(f.ipPointField(), net, bits);
        }
        InetAddress ip = IpLiterals.parse(t);
        if (ip != null) {
            return InetAddressPoint.newExactQuery(f.ipPointField(), ip);
        }
        return new TermQuery(KeywordTerms.term(f, text));
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        if (field.equals(defaultField)) {
            return super.getFieldQuery(field, queryText, slop);
        }
        FieldResolver.Resolved r = field.equals(EXISTS) ? null : resolve(field);
        if (r != null && r.path() == null && r.spec().type() == FieldType.TEXT) {
            return super.getFieldQuery(r.spec().name(), queryText, slop);
        }
        return getFieldQuery(field, queryText, true);
    }

    @Override
    protected Query getRangeQuery(String field, String lo, String hi, boolean startInclusive, boolean endInclusive)
            throws ParseException {
        FieldResolver.Resolved r = resolve(field);
        FieldSpec f = r.spec();
        boolean openLo = lo == null || lo.equals(ALL);
        boolean openHi = hi == null || hi.equals(ALL);
        switch (f.type()) {
            case TIME -> {
                long min = openLo ? Long.MIN_VALUE : startInclusive ? spanOf(lo).start() : spanOf(lo).end();
                long max = openHi ? Long.MAX_VALUE : endInclusive ? spanOf(hi).end() - 1 : spanOf(hi).start() - 1;
                return LongField.newRangeQuery(f.name(), min, max);
            }
            case NUMBER -> {
                long min = openLo ? Long.MIN_VALUE : number(field, lo) + (startInclusive ? 0 : 1);
                long max = openHi ? Long.MAX_VALUE : number(field, hi) - (endInclusive ? 0 : 1);
                return LongField.newRangeQuery(f.name(), min, max);
            }
            case IP -> {
                InetAddress a = openLo ? null : IpLiterals.parse(lo);
                InetAddress b = openHi ? null : IpLiterals.parse(hi);
                if ((openLo || a != null) && (openHi || b != null) && !(openLo && openHi)) {
                    return InetAddressPoint.newRangeQuery(f.ipPointField(),
                            a != null ? a : InetAddressPoint.MIN_VALUE, b != null ? b : InetAddressPoint.MAX_VALUE);
                }
                return FieldQueries.termRange(f, lo, hi, openLo, openHi, startInclusive, endInclusive);
            }
            case KEYWORD, BOOLEAN -> {
                return FieldQueries.termRange(f, lo, hi, openLo, openHi, startInclusive, endInclusive);
            }
            case TEXT -> {
                return super.getRangeQuery(f.name(), lo, hi, startInclusive, endInclusive);
            }
            default -> throw error("field '" + field + "' does not take ranges");
        }
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        if (field.equals(defaultField) || (field.equals(ALL) && termStr.equals(ALL))) {
            return super.getWildcardQuery(field, termStr);
        }
        FieldResolver.Resolved r = resolve(field);
        if (termStr.equals(ALL)) {
            return FieldQueries.exists(r);
        }
        FieldSpec f = checkTermField(r.spec(), "wildcards");
        String pattern = f.caseInsensitive() ? termStr.toLowerCase(Locale.ROOT) : termStr;
        if (r.path() != null) {
            return new WildcardQuery(new Term(f.name(), FieldQueries.escapeWildcards(FieldQueries.lower(f, r.path())) + DocumentBuilder.PATH_SEPARATOR + pattern));
        }
        return new WildcardQuery(new Term(f.name(), pattern));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        if (field.equals(defaultField)) {
            return super.getPrefixQuery(field, termStr);
        }
        FieldResolver.Resolved r = resolve(field);
        FieldSpec f = checkTermField(r.spec(), "prefixes");
        if (r.path() == null && f.type() == FieldType.KEYWORD) {
            return KeywordTerms.prefix(f, termStr);
        }
        String prefix = r.path() != null ? FieldQueries.flatTerm(f, r.path(), termStr) : FieldQueries.lower(f, termStr);
        return new PrefixQuery(new Term(f.name(), prefix));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        if (field.equals(defaultField)) {
            return super.getFuzzyQuery(field, termStr, minSimilarity);
        }
        FieldResolver.Resolved r = resolve(field);
        FieldSpec f = checkTermField(r.spec(), "fuzzy matching");
        String term = r.path() != null ? FieldQueries.flatTerm(f, r.path(), termStr) : FieldQueries.lower(f, termStr);
        return new FuzzyQuery(new Term(f.name(), term), FuzzyQuery.defaultMaxEdits);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        if (field.equals(defaultField)) {
            return super.getRegexpQuery(field, termStr);
        }
        FieldResolver.Resolved r = resolve(field);
        FieldSpec f = checkTermField(r.spec(), "regular expressions");
        if (r.path() != null) {
            throw error("regular expressions are not supported inside " + f.name());
        }
        // Terms are lower-cased: so is the expression (write [a-z], not [A-Z]).
        return new RegexpQuery(new Term(f.name(), FieldQueries.lower(f, termStr)));
    }

    private FieldResolver.Resolved resolve(String field) throws ParseException {
        try {
            return resolver.resolve(field);
        } catch (QueryException e) {
            throw wrap(e);
        }
    }

    private static FieldSpec checkTermField(FieldSpec f, String what) throws ParseException {
        return switch (f.type()) {
            case KEYWORD, IP, BOOLEAN, FLATTENED, TEXT -> f;
            default -> throw error(what + " do not apply to " + f.type().jsonName() + " field '" + f.name() + "'");
        };
    }

    private static Query enumQuery(FieldSpec f, String text) throws ParseException {
        try {
            return EnumQueries.exact(f, text);
        } catch (QueryException e) {
            throw wrap(e);
        }
    }

    private TimeBounds.Span spanOf(String text) throws ParseException {
        try {
            return TimeBounds.parse(text, zone);
        } catch (QueryException e) {
            throw wrap(e);
        }
    }

    private long number(String field, String text) throws ParseException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw error("field '" + field + "' holds whole numbers; '" + text + "' is not one");
        }
    }

    private static ParseException error(String message) {
        return wrap(new QueryException(message));
    }

    private static ParseException wrap(QueryException e) {
        ParseException pe = new ParseException(e.getMessage());
        pe.initCause(e);
        return pe;
    }
}
