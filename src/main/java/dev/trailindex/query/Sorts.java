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
        SortField time = new SortedNumericSortField(timeField, SortField.Type.LONG, newestFirst);
        time.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new Sort(time, KeywordField.newSortField(keyField, false, SortedSetSelector.Type.MIN));
    }
}
