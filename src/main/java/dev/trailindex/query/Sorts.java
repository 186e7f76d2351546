package dev.trailindex.query;

import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSelector;

/** Result orders. */
final class Sorts {
    private Sorts() {
    }

    /** By event time, events without a time last, then by key so the order is stable. */
    static Sort byTime(String timeField, String keyField, boolean newestFirst) {
        return new Sort(time(timeField, newestFirst), KeywordField.newSortField(keyField, false, SortedSetSelector.Type.MIN));
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
