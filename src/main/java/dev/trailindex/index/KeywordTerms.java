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
 * (8-4-4-4-12 hex digits, in any case: RFC 4122 UUIDs are case-insensitive) becomes 17 bytes instead of 36: a
 * marker byte that no UTF-8 text holds (0xFE), then the 16 bytes the digits spell. eventID, requestID and the
 * event key are unique to each event, so their terms dictionaries are a large part of the index; this halves them,
 * as search engines do for their own document ids. A UUID therefore matches in any case, also on the otherwise
 * exact-case event key, and {@code 9A00...} and {@code 9a00...} are one eventID.
 */
public final class KeywordTerms {
    private static final int UUID_CHARS = 36;
    private static final byte MARKER = (byte) 0xFE;
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

    /** The query for an exact value (a UUID in any case on a compactIds field). */
    public static Query exact(FieldSpec f, String value) {
        return new TermQuery(term(f, value));
    }

    /** A key as stored: a UUID-shaped id in lower case, anything else as it is. */
    public static String canonicalId(String id) {
        return compact(id) == null ? id : id.toLowerCase(Locale.ROOT);
    }

    /** The text a term of a compactIds field stands for (the value as indexed). */
    public static String text(BytesRef term) {
        if (term.length == 17 && term.bytes[term.offset] == MARKER) {
            StringBuilder sb = new StringBuilder(UUID_CHARS);
            for (int i = 0; i < 16; i++) {
                if (i == 4 || i == 6 || i == 8 || i == 10) {
                    sb.append('-');
                }
                int b = term.bytes[term.offset + 1 + i] & 0xFF;
                sb.append(HEX_LOWER[b >>> 4]).append(HEX_LOWER[b & 0xF]);
            }
            return sb.toString();
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
        Query q = uuidPrefix(f.name(), p.toLowerCase(Locale.ROOT));
        return q == null ? text : new BooleanQuery.Builder().add(text, BooleanClause.Occur.SHOULD)
                .add(q, BooleanClause.Occur.SHOULD).build();
    }

    /** Compact terms that begin with the lower-case UUID prefix {@code p}, or null if none can. */
    private static Query uuidPrefix(String field, String p) {
        if (p.length() > UUID_CHARS) {
            return null;
        }
        byte[] bytes = new byte[1 + 16];
        bytes[0] = MARKER;
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
            if (d < 0 || c > 'f') {
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
            } else if (c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else {
                return null;
            }
            out[1 + nibbles / 2] |= (byte) (nibbles % 2 == 0 ? d << 4 : d);
            nibbles++;
        }
        out[0] = MARKER;
        return new BytesRef(out);
    }
}
