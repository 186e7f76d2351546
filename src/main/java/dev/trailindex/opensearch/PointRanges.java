package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.QueryTranslator.NODES;
import static dev.trailindex.opensearch.QueryTranslator.one;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.PointRangeQuery;

/**
 * Point ranges: a time or number range (both ends inclusive, as Lucene holds them; an open end is Long's extreme)
 * and an IP range or CIDR block on the field of type ip. A range open at both ends is every event with a value.
 */
final class PointRanges {
    private PointRanges() {
    }

    static ObjectNode translate(FieldSpec f, PointRangeQuery p) {
        if (p.getNumDims() != 1) {
            throw QueryTranslator.untranslatable("a range over " + p.getNumDims() + " dimensions");
        }
        if (OsFields.isIpPoints(f, p.getField())) {
            return ipRange(f, p);
        }
        if ((f.type() == FieldType.TIME || f.type() == FieldType.NUMBER) && p.getBytesPerDim() == Long.BYTES) {
            return longRange(f, LongPoint.decodeDimension(p.getLowerPoint(), 0), LongPoint.decodeDimension(p.getUpperPoint(), 0));
        }
        throw QueryTranslator.untranslatable("a point range on " + f.type().jsonName() + " field '" + f.name() + "'");
    }

    static ObjectNode longRange(FieldSpec f, long lo, long hi) {
        if (lo > hi) {
            return QueryTranslator.none();
        }
        if (lo == Long.MIN_VALUE && hi == Long.MAX_VALUE) {
            return LeafTranslator.exists(f);
        }
        ObjectNode body = NODES.objectNode();
        if (lo != Long.MIN_VALUE) {
            body.put("gte", lo);
        }
        if (hi != Long.MAX_VALUE) {
            body.put("lte", hi);
        }
        if (f.type() == FieldType.TIME) {
            body.put("format", "epoch_millis");
        }
        return one("range", NODES.objectNode().set(OsFields.search(f), body));
    }

    private static ObjectNode ipRange(FieldSpec f, PointRangeQuery p) {
        String lo = InetAddressPoint.decode(p.getLowerPoint()).getHostAddress();
        String hi = InetAddressPoint.decode(p.getUpperPoint()).getHostAddress();
        if (java.util.Arrays.compareUnsigned(p.getLowerPoint(), p.getUpperPoint()) > 0) {
            return QueryTranslator.none();
        }
        if (lo.equals(hi)) {
            return one("term", NODES.objectNode().put(OsFields.ip(f), lo));
        }
        return one("range", NODES.objectNode().set(OsFields.ip(f), NODES.objectNode().put("gte", lo).put("lte", hi)));
    }
}
