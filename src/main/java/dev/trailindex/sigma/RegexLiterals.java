package dev.trailindex.sigma;

/**
 * The longest run of literal text that every match of a regular expression must contain, so the index can narrow
 * a {@code |re} item to the values holding it ({@code *literal*}) before the expression itself is checked on the
 * stored JSON. Conservative: an alternation, or anything it does not understand, gives no literal (null).
 */
final class RegexLiterals {
    private static final int MIN = 3;

    private RegexLiterals() {
    }

    /** The required literal of {@code re}, at least 3 characters long, or null. */
    static String required(String re) {
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '|') {
                return null;
            }
            if (c == '[') {
                best = longer(best, run);
                int close = classEnd(re, i);
                if (close < 0) {
                    return null;
                }
                i = close;
                continue;
            }
            if (c == '(' || c == ')') {
                best = longer(best, run);
                depth += c == '(' ? 1 : -1;
                continue;
            }
            Character lit = null;
            int next = i + 1;
            if (c == '\\') {
                if (i + 1 >= re.length()) {
                    return null;
                }
                char e = re.charAt(i + 1);
                next = i + 2;
                if (!Character.isLetterOrDigit(e)) {
                    lit = e;
                }
            } else if (".^$*+?{}".indexOf(c) < 0) {
                lit = c;
            }
            char after = next < re.length() ? re.charAt(next) : 0;
            boolean optional = after == '?' || after == '*' || after == '{';
            if (lit == null || depth > 0 || optional) {
                best = longer(best, run);
                i = next - 1;
                continue;
            }
            run.append(lit);
            if (after == '+') {
                best = longer(best, run);
            }
            i = next - 1;
        }
        best = longer(best, run);
        return best.length() >= MIN ? best : null;
    }

    private static String longer(String best, StringBuilder run) {
        String r = run.toString();
        run.setLength(0);
        return r.length() > best.length() ? r : best;
    }

    private static int classEnd(String re, int open) {
        int i = open + 1;
        if (i < re.length() && re.charAt(i) == '^') {
            i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
            i++;
        }
        for (; i < re.length(); i++) {
            if (re.charAt(i) == '\\') {
                i++;
            } else if (re.charAt(i) == ']') {
                return i;
            }
        }
        return -1;
    }
}
