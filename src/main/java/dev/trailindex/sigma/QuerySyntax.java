package dev.trailindex.sigma;

import java.util.List;
import java.util.Set;
import org.apache.lucene.queryparser.classic.QueryParserBase;

/**
 * Writes translated parts in trailindex's query language, for {@code detect --explain}: what
 * {@code trailindex search} takes. Literal text is escaped, wildcards stay bare.
 */
final class QuerySyntax {
    static final String BELOW_NOTE = "a value match on a nested path also matches any value below it "
            + "(e.g. requestParameters.layers.arn); the query language writes only the path itself";
    static final String WHOLE_NOTE = "parts in [brackets] match any value inside a whole nested object, which the "
            + "query language cannot write; detect runs them exactly";

    private QuerySyntax() {
    }

    /** {@code field:"value"}, {@code field:pre*}, {@code field:*S3\ Browser*}, or {@code field:*}. */
    static String field(String name, Pattern p) {
        if (p.isAnything()) {
            return name + ":*";
        }
        if (p.isLiteral()) {
            return name + ":" + quote(p.text());
        }
        return name + ":" + wildcard(p);
    }

    static String flat(String shown, boolean whole, Pattern p, Set<String> notes) {
        if (whole) {
            notes.add(WHOLE_NOTE);
            return "[" + shown + " has " + wildcard(p) + "]";
        }
        notes.add(BELOW_NOTE);
        return field(shown, p);
    }

    static String flatExists(String shown, boolean whole, Set<String> notes) {
        if (whole) {
            notes.add(WHOLE_NOTE);
            return "[" + shown + " has a value]";
        }
        return shown + ":*";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String wildcard(Pattern p) {
        StringBuilder sb = new StringBuilder();
        for (Pattern.Part part : p.parts()) {
            if (part instanceof Pattern.Literal l) {
                sb.append(escape(l.text()));
            } else {
                sb.append(part.equals(Pattern.ANY) ? '*' : '?');
            }
        }
        return sb.toString();
    }

    /** Query-syntax characters and white space escaped with a backslash. */
    static String escape(String s) {
        String e = QueryParserBase.escape(s);
        StringBuilder sb = new StringBuilder(e.length());
        for (char c : e.toCharArray()) {
            if (Character.isWhitespace(c)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static String join(List<String> parts, String op) {
        return String.join(" " + op + " ", parts.stream().map(QuerySyntax::group).toList());
    }

    /** {@code text} in parentheses unless it is one term. */
    static String group(String text) {
        boolean simple = !text.contains(" ") || (text.startsWith("[") && text.endsWith("]") && text.indexOf(']') == text.length() - 1);
        return simple ? text : "(" + text + ")";
    }
}
