package dev.trailindex.query;

import dev.trailindex.schema.FieldSpec;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;

/** Result orders. */
final class Sorts {
    private Sorts() {
    }

    /**
     * By event time, events without a time last, then by key so the order is stable: by the key's first 4 bytes
     * (the eventID order), then by a hash of the key for keys that begin alike (EventKeys.order64).
     */
    static Sort byTime(String timeField, FieldSpec key, boolean newestFirst) {
        return new Sort(time(timeField, newestFirst), new SortField(key.name(), SortField.Type.LONG));
    }

    /** By event time alone, events without a time last. */
    static Sort timeOnly(String timeField, boolean newestFirst) {
        return new Sort(time(timeField, newestFirst));
    }

    private static SortField time(String timeField, boolean newestFirst) {
        SortField time = new SortedNumericSortField(timeField, SortField.Type.LONG, newestFirst);
        time.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
        return time;
    }
}
