package dev.trailindex.index;

import dev.trailindex.schema.FieldSpec;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The indexed term of a keyword value, for indexing and querying alike: lower-cased unless the field is
 * exactCase, cut if too long, and, on fields with {@code compactIds}, a value shaped like a UUID
 * (8-4-4-4-12 hex digits, all letters of one case) becomes 17 bytes instead of 36: a marker byte that no UTF-8
 * text holds (0xFE for lower case, 0xFF for upper case), then the 16 bytes the digits spell. eventID, requestID
 * and the event key are unique to each event, so their terms dictionaries are a large part of the index; this
 * halves them, as search engines do for their own document ids.
 */
public final class KeywordTerms {
    private static final int UUID_CHARS = 36;
    private static final byte LOWER = (byte) 0xFE;
    private static final byte UPPER = (byte) 0xFF;
    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();

    private KeywordTerms() {
    }

    /** The term of {@code value} in field {@code f}. */
    public static BytesRef of(FieldSpec f, String value) {
        String t = TermLimits.term(value, f.caseInsensitive());
        if (f.compactIds()) {
            BytesRef c = compact(t);
            if (c != null) {
                return c;
            }
        }
        return new BytesRef(t);
    }

    /** The Lucene term of {@code value} in field {@code f}. */
    public static Term term(FieldSpec f, String value) {
        return new Term(f.name(), of(f, value));
    }

    /**
     * The query for an exact value. On an exactCase field with compactIds (the event key), a UUID matches in
     * either case: eventIDs are UUIDs that people paste in whatever case their tool printed.
     */
    public static Query exact(FieldSpec f, String value) {
        Term exact = term(f, value);
        if (!f.compactIds() || f.caseInsensitive() || compact(value.toLowerCase(Locale.ROOT)) == null) {
            return new TermQuery(exact);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String v : new String[] {value.toLowerCase(Locale.ROOT), value.toUpperCase(Locale.ROOT)}) {
            b.add(new TermQuery(term(f, v)), BooleanClause.Occur.SHOULD);
        }
        if (compact(value) == null) {
            b.add(new TermQuery(exact), BooleanClause.Occur.SHOULD);    // mixed case, indexed as written
        }
        return b.build();
    }

    /** The text a term of a compactIds field stands for (the value as indexed). */
    public static String text(BytesRef term) {
        if (term.length == 17 && (term.bytes[term.offset] == LOWER || term.bytes[term.offset] == UPPER)) {
            boolean upper = term.bytes[term.offset] == UPPER;
            StringBuilder sb = new StringBuilder(UUID_CHARS);
            for (int i = 0; i < 16; i++) {
                if (i == 4 || i == 6 || i == 8 || i == 10) {
                    sb.append('-');
                }
                int b = term.bytes[term.offset + 1 + i] & 0xFF;
                sb.append(HEX_LOWER[b >>> 4]).append(HEX_LOWER[b & 0xF]);
            }
            String s = sb.toString();
            return upper ? s.toUpperCase(Locale.ROOT) : s;
        }
        return term.utf8ToString();
    }

    /**
     * A prefix query on a keyword field. On a compactIds field a prefix of a UUID also reaches the compact terms,
     * so {@code eventID:3f1a2b*} works; other wildcards reach only values that are not UUIDs.
     */
    public static Query prefix(FieldSpec f, String prefix) {
        String p = TermLimits.term(prefix, f.caseInsensitive());
        Query text = new PrefixQuery(new Term(f.name(), p));
        if (!f.compactIds()) {
            return text;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.SHOULD);
        boolean any = false;
        for (byte marker : new byte[] {LOWER, UPPER}) {
            Query q = uuidPrefix(f.name(), p, marker);
            if (q != null) {
                b.add(q, BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        return any ? b.build() : text;
    }

    /** Compact terms that begin with the UUID prefix {@code p} in the case of {@code marker}, or null if none can. */
    private static Query uuidPrefix(String field, String p, byte marker) {
        if (p.length() > UUID_CHARS) {
            return null;
        }
        byte[] bytes = new byte[1 + 16];
        bytes[0] = marker;
        int nibbles = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int d = Character.digit(c, 16);
            if (d < 0 || c > 'f' || (marker == LOWER ? Character.isUpperCase(c) : Character.isLowerCase(c))) {
                return null;
            }
            bytes[1 + nibbles / 2] |= (byte) (nibbles % 2 == 0 ? d << 4 : d);
            nibbles++;
        }
        int whole = 1 + nibbles / 2;
        if (nibbles % 2 == 0) {
            return new PrefixQuery(new Term(field, new BytesRef(bytes, 0, whole)));
        }
        // An odd number of digits fixes only the high half of the last byte: its 16 possible values.
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int low = 0; low < 16; low++) {
            byte[] one = java.util.Arrays.copyOf(bytes, whole + 1);
            one[whole] = (byte) (bytes[whole] | low);
            b.add(new PrefixQuery(new Term(field, new BytesRef(one))), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** The 17-byte form of a UUID-shaped value, or null. */
    static BytesRef compact(String s) {
        if (s.length() != UUID_CHARS) {
            return null;
        }
        byte[] out = new byte[17];
        boolean lower = false;
        boolean upper = false;
        int nibbles = 0;
        for (int i = 0; i < UUID_CHARS; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
                lower = true;
            } else if (c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
                upper = true;
            } else {
                return null;
            }
            out[1 + nibbles / 2] |= (byte) (nibbles % 2 == 0 ? d << 4 : d);
            nibbles++;
        }
        if (lower && upper) {
            return null;                     // mixed case would not survive the round trip
        }
        out[0] = upper ? UPPER : LOWER;
        return new BytesRef(out);
    }
}
