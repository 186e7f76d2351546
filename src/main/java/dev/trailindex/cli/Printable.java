package dev.trailindex.cli;

/**
 * Text from logs, file names and queries made safe to print to a terminal: control characters (C0, DEL, C1) and
 * the Unicode direction overrides that reorder what a reader sees are written as {@code \\uXXXX}, so an escape
 * sequence hidden in a file name or a JSON key is shown, never obeyed.
 */
final class Printable {
    private Printable() {
    }

    /** {@code s} with every control character escaped; null prints as the empty string. */
    static String escape(String s) {
        return escape(s, false);
    }

    /**
     * The same, but tab, carriage return and line feed are kept (for CSV, whose quoting holds them): the data stays
     * whole and only what a terminal would obey is neutralised.
     */
    static String escapeKeepingLines(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepLines) {
        if (s == null) {
            return "";
        }
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i), keepLines)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c, keepLines)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean unsafe(char c, boolean keepLines) {
        if (keepLines && (c == '\t' || c == '\n' || c == '\r')) {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
