package dev.trailindex.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailindex.index.DocumentBuilder;
import dev.trailindex.index.TermLimits;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.StringHelper;

/**
 * Facet counts over a dotted path inside a flattened field ({@code requestParameters.bucketName}), read from the
 * terms the index already has for searching that path ({@code path<US>value}): no doc values, so faceting any of
 * the thousands of nested paths costs nothing in index size. The terms are lower-cased; each value shown is spelled
 * as in one event that holds it.
 */
final class PathFacets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String rawField;
    private final dev.trailindex.index.RawEvents rawEvents;

    PathFacets(Schema schema, dev.trailindex.index.RawEvents rawEvents) {
        this.rawField = schema.derived(Derivation.RAW_EVENT).name();
        this.rawEvents = rawEvents;
    }

    /** Counts of the values at {@code r}'s path among {@code hits}: all of them, most frequent (or rarest) first. */
    FacetCounts count(IndexSearcher s, FacetsCollector hits, FieldResolver.Resolved r, int top, boolean rarestFirst) throws IOException {
        String field = r.spec().name();
        String prefixText = FieldQueries.lower(r.spec(), r.path()) + DocumentBuilder.PATH_SEPARATOR;
        BytesRef prefix = new BytesRef(prefixText);
        Map<String, long[]> counts = new HashMap<>();      // value -> {count, a doc holding it}
        long events = 0;
        for (FacetsCollector.MatchingDocs md : hits.getMatchingDocs()) {
            Terms terms = md.context().reader().terms(field);
            if (terms == null || md.bits() == null || md.totalHits() == 0) {
                continue;
            }
            FixedBitSet matched = new FixedBitSet(md.context().reader().maxDoc());
            matched.or(md.bits().iterator());
            FixedBitSet seen = new FixedBitSet(matched.length());
            TermsEnum te = terms.iterator();
            if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
                continue;
            }
            PostingsEnum pe = null;
            for (BytesRef t = te.term(); t != null && StringHelper.startsWith(t, prefix); t = te.next()) {
                pe = te.postings(pe, PostingsEnum.NONE);
                long c = 0;
                int first = -1;
                for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                    if (matched.get(d)) {
                        c++;
                        seen.set(d);
                        first = first < 0 ? d : first;
                    }
                }
                if (c > 0) {
                    String value = t.utf8ToString().substring(prefixText.length());
                    long[] had = counts.computeIfAbsent(value, v -> new long[] {0, -1});
                    had[0] += c;
                    had[1] = had[1] < 0 ? md.context().docBase + first : had[1];
                }
            }
            events += seen.cardinality();
        }
        Comparator<Map.Entry<String, long[]>> byCount = Comparator.comparingLong(e -> e.getValue()[0]);
        List<Map.Entry<String, long[]>> sorted = counts.entrySet().stream()
                .sorted((rarestFirst ? byCount : byCount.reversed()).thenComparing(Map.Entry::getKey)).toList();
        List<FacetCounts.ValueCount> shown = new ArrayList<>();
        long inTop = 0;
        for (Map.Entry<String, long[]> e : sorted.subList(0, Math.min(top, sorted.size()))) {
            shown.add(new FacetCounts.ValueCount(spelled(s, (int) e.getValue()[1], r.spec().from().get(0) + "." + r.path(),
                    e.getKey()), e.getValue()[0]));
            inTop += e.getValue()[0];
        }
        long all = counts.values().stream().mapToLong(v -> v[0]).sum();
        return new FacetCounts(field + "." + r.path(), events, counts.size(), shown, Math.max(0, all - inTop));
    }

    /** {@code lower} as spelled in the event {@code doc}, at {@code path} from the event's root (names in any case), or as given. */
    private String spelled(IndexSearcher s, int doc, String path, String lower) throws IOException {
        Document d = s.storedFields().document(doc, Set.of(rawField));
        BytesRef raw = d.getBinaryValue(rawField);
        if (raw == null) {
            return lower;
        }
        return spelledIn(JSON.readTree(rawEvents.decode(raw)), path, lower);
    }

    /** {@code lower} as spelled in {@code event} at {@code path} from the event's root (names in any case), or as given. */
    static String spelledIn(JsonNode event, String path, String lower) {
        List<String> found = new ArrayList<>();
        collect(event, path.split("\\."), 0, found);
        for (String v : found) {
            if (TermLimits.term(v, true).equals(lower)) {
                return v;
            }
        }
        return lower;
    }

    private static void collect(JsonNode n, String[] steps, int i, List<String> out) {
        if (n == null) {
            return;
        }
        if (n.isArray()) {
            n.forEach(e -> collect(e, steps, i, out));
            return;
        }
        if (i == steps.length) {
            if (n.isValueNode() && !n.isNull()) {
                out.add(n.asText());
            }
            return;
        }
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(steps[i].toLowerCase(Locale.ROOT))) {
                    collect(e.getValue(), steps, i + 1, out);
                }
            });
        }
    }
}
