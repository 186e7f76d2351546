package dev.trailindex.query;

import dev.trailindex.index.RawEvents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * Every hit of a query in time order, in one pass: the query runs once, the order comes from the doc values the
 * sort of a page reads (time, then the key's order number, then the document), and each hit's stored fields are
 * read with one {@link StoredFields} per segment. Paging through the same hits 1,000 at a time re-ran the query
 * and the sort per page and opened stored fields per hit. Memory: three numbers per hit while sorting.
 */
final class AllHits {
    /** The fields of a hit by role. */
    record Fields(String time, String key, String raw, String file, String record, String offset, String line, String flags) {
        Set<String> stored() {
            return Set.of(key, raw, file, record, offset, line);
        }
    }

    private final Fields f;
    private final RawEvents raw;

    AllHits(Fields f, RawEvents raw) {
        this.f = f;
        this.raw = raw;
    }

    /** Hands each hit of {@code q} to {@code each}, newest or oldest first; returns how many there were. */
    long run(IndexSearcher s, Query q, boolean newestFirst, Consumer<StoredEvent> each) throws IOException {
        Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        int n = 0;
        long[] times = new long[64];
        boolean[] timed = new boolean[64];
        long[] orders = new long[64];
        int[] docs = new int[64];
        Map<Integer, List<String>> flags = new HashMap<>();
        for (LeafReaderContext leaf : leaves) {
            Scorer scorer = w.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            SortedNumericDocValues time = leaf.reader().getSortedNumericDocValues(f.time());
            NumericDocValues order = leaf.reader().getNumericDocValues(f.key());
            SortedSetDocValues flag = leaf.reader().getSortedSetDocValues(f.flags());
            org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (n == docs.length) {
                    int m = n * 2;
                    times = java.util.Arrays.copyOf(times, m);
                    timed = java.util.Arrays.copyOf(timed, m);
                    orders = java.util.Arrays.copyOf(orders, m);
                    docs = java.util.Arrays.copyOf(docs, m);
                }
                timed[n] = time != null && time.advanceExact(doc);
                // The page sort takes the smallest value of the (single-valued) time.
                times[n] = timed[n] ? time.nextValue() : 0;
                orders[n] = order != null && order.advanceExact(doc) ? order.longValue() : 0;
                docs[n] = leaf.docBase + doc;
                if (flag != null && flag.advanceExact(doc)) {
                    List<String> labels = new ArrayList<>(flag.docValueCount());
                    for (int i = 0; i < flag.docValueCount(); i++) {
                        labels.add(flag.lookupOrd(flag.nextOrd()).utf8ToString());
                    }
                    flags.put(docs[n], List.copyOf(labels));
                }
                n++;
            }
        }
        Integer[] byOrder = new Integer[n];
        for (int i = 0; i < n; i++) {
            byOrder[i] = i;
        }
        final long[] t = times;
        final boolean[] has = timed;
        final long[] o = orders;
        final int[] d = docs;
        java.util.Arrays.sort(byOrder, (a, b) -> {
            // As Sorts.byTime: events without a time last, then the key's order number, then the document.
            if (has[a] != has[b]) {
                return has[a] ? -1 : 1;
            }
            int c = has[a] ? (newestFirst ? Long.compare(t[b], t[a]) : Long.compare(t[a], t[b])) : 0;
            if (c == 0) {
                c = Long.compare(o[a], o[b]);
            }
            return c != 0 ? c : Integer.compare(d[a], d[b]);
        });
        StoredFields[] stored = new StoredFields[leaves.size()];
        Set<String> wanted = f.stored();
        for (Integer i : byOrder) {
            int doc = docs[i];
            int li = org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves);
            LeafReaderContext leaf = leaves.get(li);
            if (stored[li] == null) {
                stored[li] = leaf.reader().storedFields();
            }
            Document fields = stored[li].document(doc - leaf.docBase, wanted);
            BytesRef original = fields.getBinaryValue(f.raw());
            String key = fields.get(f.key());
            if (original == null || key == null) {
                throw new org.apache.lucene.index.CorruptIndexException("event " + doc + " has lost its stored original", "stored fields");
            }
            each.accept(new StoredEvent(key, raw.decode(original), fields.get(f.file()), number(fields, f.record()),
                    number(fields, f.offset()), number(fields, f.line()), timed[i] ? times[i] : null, flags.getOrDefault(doc, List.of())));
        }
        return n;
    }

    static long number(Document d, String field) {
        IndexableField v = d.getField(field);
        return v == null || v.numericValue() == null ? -1 : v.numericValue().longValue();
    }
}
