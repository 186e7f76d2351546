package dev.trailindex.index;

import java.nio.charset.StandardCharsets;

/**
 * Keeps every indexed keyword term under Lucene's term length limit. A longer value is cut at a character
 * boundary and marked, never dropped; the query side cuts search values the same way, so an exact search for a
 * long value still finds it.
 */
public final class TermLimits {
    /** Largest keyword term in UTF-8 bytes (Lucene's hard limit is 32766). */
    public static final int MAX_TERM_BYTES = 4096;
    /** Appended to a value that was cut. */
    public static final String MARKER = "\u2026[truncated]";

    private static final int KEEP_BYTES = MAX_TERM_BYTES - MARKER.getBytes(StandardCharsets.UTF_8).length;

    private TermLimits() {
    }

    /** Whether {@code value} needs cutting. Cheap for short strings. */
    public static boolean tooLong(String value) {
        // A char is at most 3 UTF-8 bytes; surrogate pairs are 4 bytes for 2 chars.
        return value.length() * 3 > MAX_TERM_BYTES && utf8Length(value) > MAX_TERM_BYTES;
    }

    /**
     * The term for a keyword value: lower-cased when the field ignores case, then cut if too long. Indexing and
     * querying both go through here, so they always agree.
     */
    public static String term(String value, boolean caseInsensitive) {
        return truncate(caseInsensitive ? value.toLowerCase(java.util.Locale.ROOT) : value);
    }

    /** {@code value}, cut and marked if it is too long to be one term. */
    public static String truncate(String value) {
        if (!tooLong(value)) {
            return value;
        }
        int bytes = 0;
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > KEEP_BYTES) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return value.substring(0, i) + MARKER;
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
