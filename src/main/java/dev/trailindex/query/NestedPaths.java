package dev.trailindex.query;

import dev.trailindex.index.DocumentBuilder;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The dotted paths the index holds inside its flattened fields (requestParameters.bucketName...), read from their
 * terms ({@code path<US>value}) by jumping from one path to the next, so the cost is one seek per distinct path,
 * not one step per value. Lets a query that names a path no event has fail with the nearest paths that exist,
 * instead of a silent zero, and lists the paths for {@code trailindex fields --paths}.
 */
public final class NestedPaths {
    private final Schema schema;
    private volatile Object readerKey;
    private volatile Map<String, TreeSet<String>> paths;

    NestedPaths(Schema schema) {
        this.schema = schema;
    }

    /** Every path of every flattened field, as written in the index (lower case), per field. */
    Map<String, TreeSet<String>> all(IndexReader reader) throws IOException {
        var helper = reader.getReaderCacheHelper();
        Object key = helper == null ? reader : helper.getKey();
        if (key != readerKey || paths == null) {
            Map<String, TreeSet<String>> m = new TreeMap<>();
            for (FieldSpec f : flattened()) {
                m.put(f.name(), read(reader, f.name()));
            }
            paths = m;
            readerKey = key;
        }
        return paths;
    }

    private List<FieldSpec> flattened() {
        return schema.fields().stream().filter(f -> f.type() == FieldType.FLATTENED).toList();
    }

    private static TreeSet<String> read(IndexReader reader, String field) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            BytesRef t = te.next();
            while (t != null) {
                String s = t.utf8ToString();
                int sep = s.indexOf(DocumentBuilder.PATH_SEPARATOR);
                if (sep < 0) {
                    t = te.next();
                    continue;
                }
                String path = s.substring(0, sep);
                out.add(path);
                // Every value of this path sorts before path + ' ' (the separator is below every printable character).
                t = te.seekCeil(new BytesRef(path + ' ')) == TermsEnum.SeekStatus.END ? null : te.term();
            }
        }
        return out;
    }

    /**
     * Fails if {@code q} names a nested path that no event holds, with the nearest paths that exist. Queries that
     * name no such path pass untouched.
     */
    void check(Query q, java.util.function.Supplier<Map<String, TreeSet<String>>> paths) {
        List<String[]> used = used(q);
        if (used.isEmpty()) {
            return;
        }
        Map<String, TreeSet<String>> have = paths.get();
        for (String[] fp : used) {
            TreeSet<String> known = have.get(fp[0]);
            if (known != null && !known.contains(fp[1])) {
                throw new QueryException("no event in this index has " + display(fp[0], fp[1]) + nearest(fp[0], fp[1], known)
                        + " ('trailindex fields --paths " + fp[0] + "' lists the paths it has)");
            }
        }
    }

    private String display(String field, String path) {
        return field + "." + path;
    }

    private static String nearest(String field, String path, TreeSet<String> known) {
        List<String> near = known.stream()
                .sorted(Comparator.comparingInt((String k) -> FieldResolver.distance(path, k)).thenComparing(k -> k))
                .filter(k -> FieldResolver.distance(path, k) <= Math.max(3, path.length() / 2) || k.endsWith("." + path)
                        || path.endsWith("." + k.substring(k.lastIndexOf('.') + 1)))
                .limit(3).map(k -> field + "." + k).toList();
        if (near.isEmpty()) {
            List<String> closest = known.stream()
                    .sorted(Comparator.comparingInt((String k) -> FieldResolver.distance(path, k)).thenComparing(k -> k))
                    .limit(3).map(k -> field + "." + k).toList();
            return closest.isEmpty() ? "" : "; the nearest it has: " + String.join(", ", closest);
        }
        return "; did you mean " + String.join(" or ", near) + "?";
    }

    /** {field, lower-case path} for every term or prefix of a flattened field in {@code q}. */
    private List<String[]> used(Query q) {
        java.util.Set<String> flat = new java.util.HashSet<>();
        flattened().forEach(f -> flat.add(f.name()));
        List<String[]> out = new ArrayList<>();
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) {
                    add(t);
                }
            }

            @Override
            public void visitLeaf(Query query) {
                if (query instanceof PrefixQuery p) {
                    add(p.getPrefix());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }

            private void add(Term t) {
                if (flat.contains(t.field())) {
                    String s = t.text();
                    int sep = s.indexOf(DocumentBuilder.PATH_SEPARATOR);
                    if (sep > 0) {
                        out.add(new String[] {t.field(), s.substring(0, sep)});
                    }
                }
            }
        });
        return out;
    }

    /** A path and the number of events that hold it. */
    public record PathCount(String path, long events) {
    }

    /** The paths under {@code prefix} (a field or field.path, any case) with the number of events holding each. */
    List<PathCount> list(IndexReader reader, String prefix) throws IOException {
        String p = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT);
        List<PathCount> out = new ArrayList<>();
        for (var e : all(reader).entrySet()) {
            for (String path : e.getValue()) {
                String full = e.getKey() + "." + path;
                if (full.toLowerCase(Locale.ROOT).startsWith(p)) {
                    out.add(new PathCount(full, events(reader, e.getKey(), path)));
                }
            }
        }
        return out;
    }

    private static long events(IndexReader reader, String field, String path) throws IOException {
        BytesRef prefix = new BytesRef(path + DocumentBuilder.PATH_SEPARATOR);
        long n = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            FixedBitSet seen = new FixedBitSet(leaf.reader().maxDoc());
            TermsEnum te = terms.iterator();
            if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
                continue;
            }
            PostingsEnum pe = null;
            var live = leaf.reader().getLiveDocs();
            for (BytesRef t = te.term(); t != null && org.apache.lucene.util.StringHelper.startsWith(t, prefix); t = te.next()) {
                pe = te.postings(pe, PostingsEnum.NONE);
                for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                    if (live == null || live.get(d)) {
                        seen.set(d);
                    }
                }
            }
            n += seen.cardinality();
        }
        return n;
    }
}
