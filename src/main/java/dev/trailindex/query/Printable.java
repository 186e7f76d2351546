package dev.trailindex.query;

/**
 * Text from logs, file names and queries made safe to print to a terminal or a log: control characters (C0, DEL,
 * C1) and Unicode format characters (the direction overrides that reorder what a reader sees, zero-width marks)
 * are written as {@code \\uXXXX}, so an escape sequence hidden in a file name or a JSON key is shown, never obeyed.
 * The one rule for the command line and the server's log.
 */
public final class Printable {
    private Printable() {
    }

    /** {@code s} with every control and format character escaped; null prints as the empty string. */
    public static String escape(String s) {
        return escape(s, false, false);
    }

    /**
     * The same, but tab, carriage return and line feed are kept (for CSV, whose quoting holds them): the data stays
     * whole and only what a terminal would obey is neutralised.
     */
    public static String escapeKeepingLines(String s) {
        return escape(s, true, false);
    }

    /** The same with backslashes doubled too, so that the escaped text reads back unambiguously (a log line). */
    public static String escapeUnambiguous(String s) {
        return escape(s, false, true);
    }

    private static String escape(String s, boolean keepLines, boolean backslash) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unsafe = unsafe(c, keepLines) || (backslash && c == '\\');
            if (unsafe && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(!unsafe ? String.valueOf(c) : c == '\\' ? "\\\\" : String.format("\\u%04x", (int) c));
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean unsafe(char c, boolean keepLines) {
        if (keepLines && (c == '\t' || c == '\n' || c == '\r')) {
            return false;
        }
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }
}
