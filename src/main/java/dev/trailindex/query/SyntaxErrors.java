package dev.trailindex.query;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;

/**
 * A syntax error in words: where (a column of the query as the user wrote it) and what was expected, instead of
 * Lucene's list of token kinds.
 */
final class SyntaxErrors {
    private static final Pattern LEXICAL_COLUMN = Pattern.compile("column (\\d+)");

    private SyntaxErrors() {
    }

    /** The error for {@code e}, raised while parsing {@code escaped}, the escaped form of {@code query}. */
    static QueryException explain(ParseException e, String query, String escaped) {
        ParseException inner = e.getCause() instanceof ParseException p ? p : e;
        if (inner.currentToken == null) {
            TokenMgrError lexical = e.getCause() instanceof TokenMgrError t ? t : null;
            String m = lexical != null ? lexical.getMessage() : String.valueOf(e.getMessage());
            Matcher c = LEXICAL_COLUMN.matcher(m);
            int col = c.find() ? Integer.parseInt(c.group(1)) - 1 : escaped.length();
            String what = m.contains("\"") && countQuotes(query) % 2 == 1 ? "a quote is not closed: end the value with \""
                    : "a character the syntax does not allow here (put the value in quotes)";
            return new QueryException("syntax error: " + what, e, query, original(query, escaped, Math.min(col, escaped.length())));
        }
        Token bad = inner.currentToken.next;
        Set<String> expected = new HashSet<>();
        if (inner.expectedTokenSequences != null) {
            for (int[] seq : inner.expectedTokenSequences) {
                if (seq.length > 0) {
                    expected.add(inner.tokenImage[seq[0]]);
                }
            }
        }
        boolean end = bad == null || bad.kind == 0;
        int col = end ? escaped.length() : Math.max(0, bad.beginColumn);         // FastCharStream counts from 0
        String prev = inner.currentToken.image == null ? "" : inner.currentToken.image;
        String what;
        if (end && expected.contains("\")\"")) {
            what = "the query ends before a ')' closes the '('";
        } else if (end && (expected.contains("\"TO\"") || expected.contains("\"]\"") || expected.contains("\"}\""))) {
            what = "the range is not closed: write [a TO b]";
        } else if (end && Arrays.asList("AND", "OR", "NOT", "&&", "||", "!").contains(prev)) {
            what = "the query ends after " + prev + ": a term must follow it";
        } else if (end) {
            what = "the query ends where a value is expected";
        } else if (bad.image.equals(")")) {
            what = "a ')' closes nothing";
        } else {
            what = "'" + bad.image + "' is not expected here" + (expected.contains("<TERM>") ? "; a value is" : "")
                    + (bad.image.contains(" ") || bad.image.equals("(") ? " (quote values that hold spaces or parentheses)" : "");
        }
        return new QueryException("syntax error: " + what, e, query, original(query, escaped, col));
    }

    private static int countQuotes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }

    /** The column of {@code query} that column {@code col} of its escaped form stands for (escaping only inserts). */
    static int original(String query, String escaped, int col) {
        int i = 0;
        for (int j = 0; j < col && j < escaped.length(); j++) {
            if (i < query.length() && escaped.charAt(j) == query.charAt(i)) {
                i++;
            }
        }
        return Math.min(i, query.length());
    }
}
