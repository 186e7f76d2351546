package dev.trailindex.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.StringHelper;

/**
 * Opaque page cursors: the sort values of the last hit of a page (time and key order), so the next page
 * continues after it with searchAfter instead of re-collecting everything before it. Time cursors stay valid while the index grows;
 * relevance cursors hold a document number and are only good for the same index state.
 */
final class Cursors {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();

    private Cursors() {
    }

    /**
     * What a cursor is bound to: a 32-bit hash of the query (time range included, as Lucene prints it) and the
     * order, so a cursor given with another query is refused instead of silently skipping its matches.
     */
    static int bind(Query q, Order order) {
        byte[] b = (order.name() + "\u0000" + q).getBytes(StandardCharsets.UTF_8);
        return StringHelper.murmurhash3_x86_32(b, 0, b.length, 0x7a11);
    }

    static String encode(Order order, ScoreDoc last, int bind) {
        String raw;
        if (order == Order.RELEVANCE) {
            raw = "r:" + Integer.toHexString(bind) + ":" + Float.floatToIntBits(last.score) + ":" + last.doc;
        } else {
            FieldDoc fd = (FieldDoc) last;
            raw = (order == Order.NEWEST ? "n:" : "o:") + Integer.toHexString(bind) + ":" + fd.fields[0] + ":" + fd.fields[1];
        }
        return ENC.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ScoreDoc decode(Order order, String cursor, int bind) {
        String[] p;
        try {
            p = new String(DEC.decode(cursor), StandardCharsets.UTF_8).split(":", 4);
            if (p.length != 4 || !(p[0].equals("r") || p[0].equals("n") || p[0].equals("o"))) {
                throw new IllegalArgumentException("not a cursor");
            }
        } catch (IllegalArgumentException e) {
            throw notOurs(cursor);
        }
        String want = order == Order.RELEVANCE ? "r" : order == Order.NEWEST ? "n" : "o";
        if (!p[0].equals(want)) {
            throw new QueryException("the cursor belongs to another sort order; repeat the search with the same --sort");
        }
        if (!p[1].equals(Integer.toHexString(bind))) {
            throw new QueryException("the cursor belongs to another query or time range; page with the query and "
                    + "times that gave it, or start again without --cursor");
        }
        try {
            if (order == Order.RELEVANCE) {
                return new ScoreDoc(Integer.parseInt(p[3]), Float.intBitsToFloat(Integer.parseInt(p[2])));
            }
            return new FieldDoc(0, Float.NaN, new Object[] {Long.parseLong(p[2]), Long.parseLong(p[3])});
        } catch (NumberFormatException e) {
            throw notOurs(cursor);
        }
    }

    private static QueryException notOurs(String cursor) {
        return new QueryException("'" + (cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor)
                + "' is not a cursor trailindex gave out");
    }
}
