package dev.trailindex.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;

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

    static String encode(Order order, ScoreDoc last) {
        String raw;
        if (order == Order.RELEVANCE) {
            raw = "r:" + Float.floatToIntBits(last.score) + ":" + last.doc;
        } else {
            FieldDoc fd = (FieldDoc) last;
            raw = (order == Order.NEWEST ? "n:" : "o:") + fd.fields[0] + ":" + fd.fields[1];
        }
        return ENC.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ScoreDoc decode(Order order, String cursor) {
        try {
            String raw = new String(DEC.decode(cursor), StandardCharsets.UTF_8);
            String[] p = raw.split(":", 3);
            String want = order == Order.RELEVANCE ? "r" : order == Order.NEWEST ? "n" : "o";
            if (p.length != 3 || !(p[0].equals("r") || p[0].equals("n") || p[0].equals("o"))) {
                throw new IllegalArgumentException("not a cursor");
            }
            if (!p[0].equals(want)) {
                throw new QueryException("the cursor belongs to another sort order; repeat the search with the same --sort");
            }
            if (order == Order.RELEVANCE) {
                return new ScoreDoc(Integer.parseInt(p[2]), Float.intBitsToFloat(Integer.parseInt(p[1])));
            }
            return new FieldDoc(0, Float.NaN, new Object[] {Long.parseLong(p[1]), Long.parseLong(p[2])});
        } catch (IllegalArgumentException e) {
            throw new QueryException("'" + (cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor) + "' is not a cursor trailindex gave out");
        }
    }
}
