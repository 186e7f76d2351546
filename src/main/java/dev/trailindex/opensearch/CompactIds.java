package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.QueryTranslator.NODES;
import static dev.trailindex.opensearch.QueryTranslator.one;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.schema.FieldSpec;
import org.apache.lucene.util.BytesRef;

/**
 * The local index holds a UUID in a compactIds field as 17 bytes (a 0xFE marker, then 16 bytes; see
 * {@code KeywordTerms}); the cluster holds its lower-case text. A prefix of compact bytes is a prefix of that
 * text; patterns and ranges, which the local index applies to the other values only, leave the UUID texts out.
 */
final class CompactIds {
    private static final byte MARKER = (byte) 0xFE;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Every UUID as the cluster holds it: lower-case, 8-4-4-4-12. */
    static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private CompactIds() {
    }

    static boolean isCompact(BytesRef b) {
        return b.length >= 1 && b.length <= 17 && b.bytes[b.offset] == MARKER;
    }

    /** The text every UUID whose compact term begins with {@code b} begins with. */
    static String prefixText(BytesRef b) {
        StringBuilder sb = new StringBuilder();
        int digits = 0;
        for (int i = 1; i < b.length; i++) {
            int v = b.bytes[b.offset + i] & 0xFF;
            for (int nibble : new int[] {v >>> 4, v & 0xF}) {
                if (digits == 8 || digits == 12 || digits == 16 || digits == 20) {
                    sb.append('-');
                }
                sb.append(HEX[nibble]);
                digits++;
            }
        }
        return sb.toString();
    }

    /**
     * {@code q} without the events whose value is a UUID. Exact because compactIds fields hold one value per event
     * (requestID, sharedEventID, the event key).
     */
    static ObjectNode withoutUuids(FieldSpec f, ObjectNode q) {
        ObjectNode bool = NODES.objectNode();
        bool.putArray("filter").add(q);
        bool.putArray("must_not").add(one("regexp", NODES.objectNode().set(OsFields.search(f),
                NODES.objectNode().put("value", UUID_TEXT))));
        return one("bool", bool);
    }
}
