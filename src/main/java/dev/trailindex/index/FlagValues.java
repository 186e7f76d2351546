package dev.trailindex.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;

/** The ti.flags of one document, read from its doc values (the field is a keyword, not stored). */
public final class FlagValues {
    private FlagValues() {
    }

    /** The flag labels of document {@code doc} of {@code leaf}, in label order; empty when it has none. */
    public static List<String> of(LeafReader leaf, int doc, String field) throws IOException {
        SortedSetDocValues dv = leaf.getSortedSetDocValues(field);
        List<String> out = new ArrayList<>();
        if (dv != null && dv.advanceExact(doc)) {
            for (int i = 0; i < dv.docValueCount(); i++) {
                out.add(dv.lookupOrd(dv.nextOrd()).utf8ToString());
            }
        }
        return List.copyOf(out);
    }
}
