package dev.trailindex.query;

import dev.trailindex.index.Analyzers;
import dev.trailindex.index.DocumentBuilder;
import dev.trailindex.index.IpLiterals;
import dev.trailindex.index.TermLimits;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.Schema;
import java.net.InetAddress;
import java.util.Locale;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Lucene's classic query syntax over the schema's field names. Each field is queried the way its type is
 * indexed: keyword values match exactly as written, text is analysed, times and numbers take ranges, dotted
 * paths inside flattened fields become terms of that one field. An unknown field is an error, never zero hits.
 */
public final class SchemaQueryParser extends QueryParser {
    private static final String ALL = "*";

    private final FieldResolver resolver;
    private final String defaultField;

    public SchemaQueryParser(Schema schema) {
        super(schema.defaultTextField().name(), Analyzers.forSchema(schema));
        this.resolver = new FieldResolver(schema);
        this.defaultField = schema.defaultTextField().name();
        setDefaultOperator(QueryParser.AND_OPERATOR);
        setAllowLeadingWildcard(true);
    }

    /** Parses {@code text}; a blank query matches every event. */
    public Query parseQuery(String text) {
        if (text == null || text.isBlank()) {
            return new org.apache.lucene.search.MatchAllDocsQuery();
        }
        try {
            return parse(text);
        } catch (ParseException e) {
            throw new QueryException(oneLine(e), e);
        } catch (QueryException e) {
            throw e;
        } catch (IllegalArgumentException | org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
            throw new QueryException("invalid query: " + e.getMessage(), e);
        }
    }

    private static String oneLine(ParseException e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof QueryException q) {
                return q.getMessage();
            }
        }
        String msg = e.getMessage();
        // Lucene's messages list every expected token; the first line says where the problem is.
        int nl = msg.indexOf('\n');
        String first = nl < 0 ? msg : msg.substring(0, nl);
        first = first.replace("Cannot parse '", "cannot parse '");
        return "syntax error: " + first.strip()
                + " (quote values that hold spaces, ':' or '/': userIdentity.arn:\"arn:aws:iam::123:user/x\")";
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (field.equals(defaultField)) {
            return super.getFieldQuery(field, queryText, quoted);
        }
        FieldResolver.Resolved r = resolve(field);
        FieldSpec f = r.spec();
        if (r.path() != null) {
            return new TermQuery(new Term(f.name(), flatTerm(r.path(), queryText)));
        }
        return switch (f.type()) {
            case TEXT -> super.getFieldQuery(field, queryText, quoted);
            case KEYWORD, IP -> new TermQuery(new Term(f.name(), TermLimits.truncate(queryText)));
            case BOOLEAN -> new TermQuery(new Term(f.name(), queryText.toLowerCase(Locale.ROOT)));
            case TIME -> {
                TimeBounds.Span s = spanOf(queryText);
                yield LongField.newRangeQuery(f.name(), s.start(), s.end() - 1);
            }
            case NUMBER -> LongField.newExactQuery(f.name(), number(field, queryText));
            case FLATTENED -> throw error("search " + f.name() + " by a dotted path, e.g. " + f.name() + ".someKey:value");
            case RAW -> throw error("field '" + f.name() + "' is stored, not searchable");
        };
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        if (field.equals(defaultField)) {
            return super.getFieldQuery(field, queryText, slop);
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
                return TermRangeQuery.newStringRange(f.name(), openLo ? null : lo, openHi ? null : hi, startInclusive, endInclusive);
            }
            case KEYWORD, BOOLEAN -> {
                if (r.path() != null) {
                    throw error("ranges are not supported inside " + f.name());
                }
                return TermRangeQuery.newStringRange(f.name(), openLo ? null : lo, openHi ? null : hi, startInclusive, endInclusive);
            }
            case TEXT -> {
                return super.getRangeQuery(field, lo, hi, startInclusive, endInclusive);
            }
            default -> throw error("field '" + field + "' does not take ranges");
        }
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        if (field.equals(ALL) && termStr.equals(ALL)) {
            return super.getWildcardQuery(field, termStr);
        }
        if (field.equals(defaultField)) {
            return super.getWildcardQuery(field, termStr);
        }
        FieldResolver.Resolved r = resolve(field);
        if (r.path() != null) {
            if (termStr.equals(ALL)) {
                return new PrefixQuery(new Term(r.spec().name(), flatTerm(r.path(), "")));
            }
            return new WildcardQuery(new Term(r.spec().name(), escapeWildcards(r.path()) + DocumentBuilder.PATH_SEPARATOR + termStr));
        }
        checkTermField(r.spec(), "wildcards");
        return new WildcardQuery(new Term(r.spec().name(), termStr));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        if (field.equals(defaultField)) {
            return super.getPrefixQuery(field, termStr);
        }
        FieldResolver.Resolved r = resolve(field);
        if (r.path() != null) {
            return new PrefixQuery(new Term(r.spec().name(), flatTerm(r.path(), termStr)));
        }
        checkTermField(r.spec(), "prefixes");
        return new PrefixQuery(new Term(r.spec().name(), termStr));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        if (field.equals(defaultField)) {
            return super.getFuzzyQuery(field, termStr, minSimilarity);
        }
        FieldResolver.Resolved r = resolve(field);
        checkTermField(r.spec(), "fuzzy matching");
        String term = r.path() != null ? flatTerm(r.path(), termStr) : termStr;
        return new FuzzyQuery(new Term(r.spec().name(), term), FuzzyQuery.defaultMaxEdits);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        if (field.equals(defaultField)) {
            return super.getRegexpQuery(field, termStr);
        }
        FieldResolver.Resolved r = resolve(field);
        checkTermField(r.spec(), "regular expressions");
        if (r.path() != null) {
            throw error("regular expressions are not supported inside " + r.spec().name()
                    + "; quote values holding '/'");
        }
        return new RegexpQuery(new Term(r.spec().name(), termStr));
    }

    private FieldResolver.Resolved resolve(String field) throws ParseException {
        try {
            return resolver.resolve(field);
        } catch (QueryException e) {
            throw wrap(e);
        }
    }

    private void checkTermField(FieldSpec f, String what) throws ParseException {
        switch (f.type()) {
            case KEYWORD, IP, BOOLEAN, FLATTENED, TEXT -> { }
            default -> throw error(what + " do not apply to " + f.type().jsonName() + " field '" + f.name() + "'");
        }
    }

    private static String flatTerm(String path, String value) {
        return TermLimits.truncate(path + DocumentBuilder.PATH_SEPARATOR + value);
    }

    private static String escapeWildcards(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    private TimeBounds.Span spanOf(String text) throws ParseException {
        try {
            return TimeBounds.parse(text);
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
