package dev.trailindex.query;

import dev.trailindex.schema.FieldSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.LongValueFacetCounts;

/**
 * Facet counts of an enum field: lucene-facet counts the codes in its numeric doc values, and each code is shown as its
 * value's name. Matching events without a code count as the first value (nothing was written for them yet).
 */
final class EnumFacets {
    private EnumFacets() {
    }

    static FacetCounts count(FieldSpec f, FacetsCollector hits, int top, boolean rarestFirst) throws IOException {
        long matching = 0;
        for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
            matching += md.totalHits();
        }
        long[] byCode = new long[f.values().size()];
        long coded = 0;
        FacetResult r = new LongValueFacetCounts(f.name(), hits).getAllChildren(f.name());
        if (r != null) {
            for (LabelAndValue lv : r.labelValues) {
                int code = Integer.parseInt(lv.label);
                if (code >= 0 && code < byCode.length) {
                    byCode[code] += lv.value.longValue();
                    coded += lv.value.longValue();
                }
            }
        }
        byCode[0] += Math.max(0, matching - coded);
        List<FacetCounts.ValueCount> values = new ArrayList<>();
        for (int i = 0; i < byCode.length; i++) {
            if (byCode[i] > 0) {
                values.add(new FacetCounts.ValueCount(f.values().get(i), byCode[i]));
            }
        }
        Comparator<FacetCounts.ValueCount> byCount = Comparator.comparingLong(FacetCounts.ValueCount::count);
        values.sort((rarestFirst ? byCount : byCount.reversed()).thenComparing(FacetCounts.ValueCount::value));
        int distinct = values.size();
        List<FacetCounts.ValueCount> shown = values.stream().limit(top).toList();
        long other = matching - shown.stream().mapToLong(FacetCounts.ValueCount::count).sum();
        return new FacetCounts(f.name(), matching, distinct, shown, other);
    }
}
