package dev.trailindex.query;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Makes the classic query syntax forgiving where that is safe: in an unquoted value, ':' and '/' are escaped, so
 * {@code userIdentity.arn:arn:aws:iam::123456789012:user/alice}, {@code userIdentity.arn:*role/Admin*},
 * {@code sourceIPAddress:10.0.0.0/8} and a bare {@code arn:aws:s3:::bucket} work without quotes. Quoted strings,
 * ranges, groups and /regular expressions/ at the start of a value are left alone, and so is a colon after
 * something that looks like a field name, so an unknown field still gets its error.
 */
final class QueryText {
    /** What a field name looks like; a token before ':' that does not is a value (an IPv6 address, a time). */
    private static final Pattern FIELD_LIKE = Pattern.compile("[A-Za-z_@*][A-Za-z0-9_.@#*-]*");

    private QueryText() {
    }

    /** Fails with a one-line error if parentheses outside quotes nest deeper than {@code max}. */
    static void checkDepth(String query, int max) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(' && ++depth > max) {
                throw new QueryException("the query nests parentheses more than " + max + " deep; flatten it");
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            }
        }
    }

    /** {@code query} with the ':' and '/' inside unquoted values escaped. */
    static String escapeValues(String query, Predicate<String> isField) {
        return escapeValues(query, isField, name -> false);
    }

    /**
     * The same; {@code isKnownPath} says whether a name with colons ({@code requestParameters.encryptionContext.
     * aws:lambda:FunctionArn}) is a nested path the index holds, so such a key needs no escaping: the field part
     * then runs to the last colon that still ends a known path.
     */
    static String escapeValues(String query, Predicate<String> isField, Predicate<String> isKnownPath) {
        StringBuilder out = new StringBuilder(query.length() + 8);
        int i = 0;
        int n = query.length();
        boolean termStart = true;
        while (i < n) {
            char c = query.charAt(i);
            if (c == '"') {
                i = copyQuoted(query, i, out);
                termStart = false;
            } else if (termStart && (c == '[' || c == '{')) {
                i = copyUntil(query, i, out, c == '[' ? ']' : '}');
                termStart = false;
            } else if (termStart && c == '/' && isRegex(query, i)) {
                i = copyUntil(query, i, out, '/');
                termStart = false;
            } else if (Character.isWhitespace(c) || c == '(' || c == ')') {
                out.append(c);
                i++;
                termStart = true;
            } else if (termStart && (c == '+' || c == '-' || c == '!')) {
                out.append(c);
                i++;
            } else {
                i = term(query, i, out, isField, isKnownPath);
                termStart = query.charAt(i - 1) == ':';
            }
        }
        return out.toString();
    }

    /** One unquoted term, possibly "field:value"; returns the index after it (after the ':' for field:(group)). */
    private static int term(String q, int start, StringBuilder out, Predicate<String> isField, Predicate<String> isKnownPath) {
        int end = start;
        while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '(' && q.charAt(end) != ')') {
            end += q.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end, q.length());
        int colon = firstUnescaped(q, start, end, ':');
        if (colon == start) {
            throw new QueryException("'" + q.substring(start, end) + "' has no field before ':'; write field:value, or quote "
                    + "a value that starts with ':'");
        }
        if (colon > start) {
            String field = q.substring(start, colon);
            if (!field.equalsIgnoreCase("arn") && (isField.test(field) || FIELD_LIKE.matcher(field).matches())) {
                // A key with colons in it: the longest known path wins; its own colons are escaped for the parser.
                for (int c = firstUnescaped(q, colon + 1, end, ':'); c > 0; c = firstUnescaped(q, c + 1, end, ':')) {
                    if (isKnownPath.test(q.substring(start, c))) {
                        colon = c;
                    }
                }
                escapeColons(q, start, colon, out);
                out.append(':');
                int cmp = comparison(q, colon + 1, end);
                if (cmp > 0) {
                    // field:>=X, >X, <=X, <X: an open range, as the classic syntax cannot say it.
                    String op = q.substring(colon + 1, colon + 1 + cmp);
                    StringBuilder v = new StringBuilder();
                    escape(q, colon + 1 + cmp, end, v);
                    out.append(switch (op) {
                        case ">=" -> "[" + v + " TO *]";
                        case ">" -> "{" + v + " TO *]";
                        case "<=" -> "[* TO " + v + "]";
                        default -> "[* TO " + v + "}";
                    });
                    return end;
                }
                if (colon + 1 < end && q.charAt(colon + 1) == '/' && !isRegex(q, colon + 1)) {
                    escape(q, colon + 1, end, out);        // a value such as /vol/mysql, not a /regex/
                    return end;
                }
                if (colon + 1 < end && "\"([{/".indexOf(q.charAt(colon + 1)) < 0) {
                    escape(q, colon + 1, end, out);
                    return end;
                }
                return colon + 1;
            }
        }
        escape(q, start, end, out);
        return end;
    }

    /** {@code q[from, to)} with its unescaped colons escaped (a field name with colons in it); escapes kept. */
    private static void escapeColons(String q, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = q.charAt(i);
            if (c == '\\' && i + 1 < to) {
                out.append(c).append(q.charAt(++i));
            } else {
                out.append(c == ':' ? "\\:" : String.valueOf(c));
            }
        }
    }

    /** The length of a comparison operator (>=, <=, >, <) at {@code i} followed by a value, or 0. */
    private static int comparison(String q, int i, int end) {
        if (i >= end || (q.charAt(i) != '>' && q.charAt(i) != '<')) {
            return 0;
        }
        int len = i + 1 < end && q.charAt(i + 1) == '=' ? 2 : 1;
        if (i + len >= end) {
            throw new QueryException("'" + q.substring(i, end) + "' needs a value after it, e.g. eventTime:>=2024-03-01");
        }
        return len;
    }

    /**
     * Whether the '/' at {@code i} opens a regular expression: its closing '/' ends the term (followed by the end,
     * white space or ')'). {@code /vol/mysql} is a value with slashes, not a regular expression.
     */
    static boolean isRegex(String q, int i) {
        int j = i + 1;
        while (j < q.length() && q.charAt(j) != '/') {
            j += q.charAt(j) == '\\' ? 2 : 1;
        }
        if (j >= q.length()) {
            return false;
        }
        return j + 1 == q.length() || Character.isWhitespace(q.charAt(j + 1)) || q.charAt(j + 1) == ')';
    }

    private static void escape(String q, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = q.charAt(i);
            if (c == '\\' && i + 1 < to) {
                out.append(c).append(q.charAt(++i));
            } else if (c == ':' || c == '/') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
    }

    private static int firstUnescaped(String q, int from, int to, char target) {
        for (int i = from; i < to; i++) {
            if (q.charAt(i) == '\\') {
                i++;
            } else if (q.charAt(i) == target) {
                return i;
            }
        }
        return -1;
    }

    private static int copyQuoted(String q, int start, StringBuilder out) {
        int i = start + 1;
        while (i < q.length() && q.charAt(i) != '"') {
            i += q.charAt(i) == '\\' ? 2 : 1;
        }
        int end = Math.min(i + 1, q.length());
        out.append(q, start, end);
        return end;
    }

    private static int copyUntil(String q, int start, StringBuilder out, char close) {
        int i = start + 1;
        while (i < q.length() && q.charAt(i) != close) {
            i += q.charAt(i) == '\\' ? 2 : 1;
        }
        int end = Math.min(i + 1, q.length());
        out.append(q, start, end);
        return end;
    }
}
