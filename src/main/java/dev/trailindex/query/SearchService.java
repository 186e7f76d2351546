package dev.trailindex.query;

import dev.trailindex.index.IndexCheck;
import dev.trailindex.index.IndexException;
import dev.trailindex.index.IndexFolder;
import dev.trailindex.index.IndexMeta;
import dev.trailindex.index.KeywordTerms;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The one search facade: the CLI, the HTTP handler and embedding programs all search through it. Thread-safe;
 * each call sees the latest commit of the index, so searching goes on while an indexer adds files.
 */
public final class SearchService implements Closeable {
    private final Path path;
    private final Schema schema;
    private final Directory dir;
    private final SearcherManager searchers;
    private final RequestQueries queries;
    private final Facets facets;
    private final NestedPaths nestedPaths;
    private final String timeField;
    /** The event key, which orders ties and finds one event. */
    private final FieldSpec keySpec;
    private final Set<String> storedFields;
    private final Fields f;
    private final AllHits allHits;
    private final java.time.Duration queryTimeout;
    private final String flagsField;
    /** Decodes the stored original events: every read of them goes through it. */
    private final dev.trailindex.index.RawEvents raw;

    /** The stored fields by role. */
    private record Fields(String key, String raw, String file, String record, String offset, String line) {
    }

    private SearchService(Path path, Schema schema, Directory dir, DirectoryReader reader, java.time.Duration queryTimeout)
            throws IOException {
        this.path = path;
        this.queryTimeout = queryTimeout;
        this.schema = schema;
        this.dir = dir;
        this.raw = dev.trailindex.index.RawEvents.of(path);
        // The reader the schema check opened: opening a large index twice was a tenth of a fresh count's time.
        this.searchers = new SearcherManager(reader, null);
        this.facets = new Facets(new FieldResolver(schema), schema, raw);
        this.nestedPaths = new NestedPaths(schema);
        this.queries = new RequestQueries(schema, nestedPaths);
        this.timeField = schema.timeField().name();
        this.flagsField = schema.derived(Derivation.FLAGS).name();
        this.keySpec = schema.derived(Derivation.EVENT_KEY);
        this.f = new Fields(schema.derived(Derivation.EVENT_KEY).name(), schema.derived(Derivation.RAW_EVENT).name(),
                schema.derived(Derivation.SOURCE_FILE).name(), schema.derived(Derivation.SOURCE_RECORD).name(),
                schema.derived(Derivation.SOURCE_OFFSET).name(), schema.derived(Derivation.SOURCE_LINE).name());
        this.storedFields = Set.of(f.key(), f.raw(), f.file(), f.record(), f.offset(), f.line());
        this.allHits = new AllHits(new AllHits.Fields(timeField, f.key(), f.raw(), f.file(), f.record(), f.offset(),
                f.line(), flagsField), raw);
    }

    /**
     * How the index's files are read. {@link #MAPPED} (Lucene's default, memory-mapped) for a process that asks many
     * questions; {@link #BUFFERED} (positional reads into small buffers) for a process that asks one and exits:
     * mapping a segment's files and linking the native calls that advise the kernel about them cost a fresh
     * count more than the reads they save (benchmarks/RESULTS.md, issue 15, section 3).
     */
    public enum Reads { MAPPED, BUFFERED }

    /** Opens the index at {@code path}; fails with a clear message if there is none or it needs re-indexing. */
    public static SearchService open(Path path, Schema schema) {
        return open(path, schema, null);
    }

    /**
     * Opens the index at {@code path}; each call then gives up after {@code queryTimeout} (null: never) with a
     * {@link QueryTimeoutException}, so one huge query cannot hold a thread for long.
     */
    public static SearchService open(Path path, Schema schema, java.time.Duration queryTimeout) {
        return open(path, schema, queryTimeout, Reads.MAPPED);
    }

    /** The same, reading the files as {@code reads} says. */
    public static SearchService open(Path path, Schema schema, java.time.Duration queryTimeout, Reads reads) {
        if (!Files.isDirectory(path)) {
            throw new IndexException("no index at " + path + ": run 'trailindex index PATH...' first (or pass --index)");
        }
        Directory dir = null;
        try {
            dir = reads == Reads.BUFFERED ? new org.apache.lucene.store.NIOFSDirectory(path) : FSDirectory.open(path);
            if (!DirectoryReader.indexExists(dir)) {
                String why = IndexFolder.whyNoCommit(path, dir);
                throw new IndexException(why != null ? why : "no index at " + path + ": run 'trailindex index PATH...' first (or pass --index)");
            }
            DirectoryReader r = DirectoryReader.open(dir);
            try {
                IndexMeta.check(path, r.getIndexCommit().getUserData(), schema);
                return new SearchService(path, schema, dir, r, queryTimeout);
            } catch (IOException | RuntimeException e) {
                r.close();
                throw e;
            }
        } catch (CorruptIndexException e) {
            closeQuietly(dir);
            throw IndexCheck.damaged(path, e);
        } catch (IOException e) {
            closeQuietly(dir);
            throw new IndexException("cannot open the index at " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(dir);
            throw e;
        }
    }

    public Schema schema() {
        return schema;
    }

    public Path path() {
        return path;
    }

    /** The Lucene query for a request: the parsed text, filtered to the time range. */
    public Query toQuery(SearchRequest req) {
        return toQuery(req, true);
    }

    private Query toQuery(SearchRequest req, boolean strict) {
        return queries.of(req, strict, () -> withSearcher(s -> nestedPaths.all(s.getIndexReader())));
    }

    /** The nested paths under {@code prefix} (e.g. requestParameters) with the events holding each. */
    public List<NestedPaths.PathCount> paths(String prefix) {
        return withSearcher(s -> nestedPaths.list(s.getIndexReader(), prefix));
    }

    /** The exact number of matching events. */
    public long count(SearchRequest req) {
        Query q = toQuery(req);
        return withSearcher(s -> (long) s.count(q));
    }

    public SearchResult search(SearchRequest req) {
        Query q = toQuery(req);
        int bind = Cursors.bind(q, req.order());
        ScoreDoc cursor = req.cursor() == null ? null : Cursors.decode(req.order(), req.cursor(), bind);
        return withSearcher(s -> {
            ScoreDoc after = cursor;
            if (cursor instanceof FieldDoc fd) {
                // Time and key order identify the last hit; the highest doc id excludes exactly it on any index state.
                after = new FieldDoc(Math.max(0, s.getIndexReader().maxDoc() - 1), Float.NaN, fd.fields);
            } else if (cursor != null && cursor.doc >= s.getIndexReader().maxDoc()) {
                throw new QueryException("the cursor is from an older state of the index; repeat the search");
            }
            long total = s.count(q);
            if (req.limit() == 0 || total == 0) {
                return new SearchResult(total, List.of(), null);
            }
            // One hit more than the page says whether a next page exists, in the same search.
            int n = (int) Math.min(req.limit(), total);
            TopDocs top = req.order() == Order.RELEVANCE ? s.searchAfter(after, q, n + 1)
                    : s.searchAfter(after, q, n + 1, Sorts.byTime(timeField, keySpec, req.order() == Order.NEWEST));
            int shown = Math.min(n, top.scoreDocs.length);
            List<StoredEvent> hits = new ArrayList<>(shown);
            for (int i = 0; i < shown; i++) {
                hits.add(load(s, top.scoreDocs[i].doc));
            }
            String next = top.scoreDocs.length > n ? Cursors.encode(req.order(), top.scoreDocs[n - 1], bind) : null;
            return new SearchResult(total, hits, next);
        });
    }

    /**
     * Every matching event in the request's order, handed to {@code each} one at a time (the request's limit does
     * not apply); returns how many. One pass over the hits (see {@link AllHits}) rather than page after page; an
     * exception thrown by {@code each} comes out as it is.
     */
    public long stream(SearchRequest req, java.util.function.Consumer<StoredEvent> each) {
        if (req.order() == Order.RELEVANCE || req.cursor() != null) {
            return dev.trailindex.search.SearchBackend.pages(this::search, req, each);
        }
        Query q = toQuery(req);
        java.util.function.Consumer<StoredEvent> guarded = e -> {
            try {
                each.accept(e);
            } catch (RuntimeException x) {
                throw new Delivered(x);
            }
        };
        try {
            return withSearcher(s -> allHits.run(s, q, req.order() == Order.NEWEST, guarded));
        } catch (Delivered d) {
            throw (RuntimeException) d.getCause();
        }
    }

    /** A failure of the caller's consumer, carried past the index's error handling untouched. */
    private static final class Delivered extends RuntimeException {
        Delivered(RuntimeException cause) {
            super(cause);
        }
    }

    /** Top values of each field over the matching events. */
    public List<FacetCounts> facets(SearchRequest req, List<String> fields, int top) {
        Query q = toQuery(req);
        return withSearcher(s -> facets.count(s, q, fields, top));
    }

    /** Matching events per time bucket; {@code interval} is null for an automatic choice. */
    public Histogram histogram(SearchRequest req, java.time.Duration interval) {
        return histogram(req, interval == null ? null : Interval.of(interval));
    }

    /**
     * Matching events per bucket of {@code interval} (null: automatic), in the request's zone (days start at its
     * midnight); with a time range, the buckets span it.
     */
    public Histogram histogram(SearchRequest req, Interval interval) {
        Query q = toQuery(req);
        return withSearcher(s -> Aggregations.histogram(s, q, timeField, interval, req.zone(), req.from(), req.to()));
    }

    /** The actor sheet: per top value of {@code by}, counts, first and last seen, and distinct indicators. */
    public List<ActorSummary> summary(SearchRequest req, String by, int top) {
        Query q = toQuery(req);
        return withSearcher(s -> new Aggregations(schema, new FieldResolver(schema), facets).summary(s, q, by, top));
    }

    /** Runs one hunt within the request's time range; {@code top} values of its groupBy field are counted. */
    public HuntResult hunt(Hunts.Hunt hunt, SearchRequest range, int top) {
        SearchRequest req = new SearchRequest(hunt.query(), range.from(), range.to(), 0, Order.NEWEST, null, range.zone());
        Query q = toQuery(req, false);
        return withSearcher(s -> {
            long hits = s.count(q);
            boolean grouped = hunt.groupBy() != null && hits > 0;
            // One facet pass gives the groups shown and how many there are.
            FacetCounts groups = grouped ? facets.groups(s, q, hunt.groupBy(), top, hunt.rarestFirst()) : null;
            return new HuntResult(hunt, hits, groups == null ? List.of() : groups.top(), groups == null ? 0 : groups.distinct());
        });
    }

    /**
     * Every copy of the event with this key that differs from the others: the indexed one first, then the copies
     * kept beside the index (see {@code CopyStore}), each once, in path and position order. Empty if there is no
     * such event.
     */
    public List<StoredEvent> allCopies(String key) {
        Optional<StoredEvent> indexed = event(key);
        if (indexed.isEmpty()) {
            return List.of();
        }
        StoredEvent w = indexed.get();
        List<dev.trailindex.index.CopyStore.Copy> kept;
        try {
            kept = dev.trailindex.index.CopyStore.of(path, w.key());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<StoredEvent> out = new ArrayList<>(List.of(w));
        kept.stream().sorted(java.util.Comparator.comparing(dev.trailindex.index.CopyStore.Copy::file)
                        .thenComparingLong(dev.trailindex.index.CopyStore.Copy::record))
                .forEach(c -> {
                    if (out.stream().noneMatch(o -> java.util.Arrays.equals(o.json(), c.json()))) {
                        out.add(new StoredEvent(c.key(), c.json(), c.file(), c.record(), c.offset(), c.line(), null, List.of()));
                    }
                });
        return List.copyOf(out);
    }

    /** The event with this key (eventID, or content hash for events without one). */
    public Optional<StoredEvent> event(String key) {
        return withSearcher(s -> {
            // The exact key; a UUID in either case, as searches take it.
            TopDocs td = s.search(KeywordTerms.exact(keySpec, key), 1);
            return td.scoreDocs.length == 0 ? Optional.empty() : Optional.of(load(s, td.scoreDocs[0].doc));
        });
    }

    /**
     * Every matching event oldest first (events without a time last, then by key), with the values of
     * {@code fields}: faceted fields from their doc values (the original spelling), other fields and nested paths
     * from the stored original event. The request's limit and cursor do not apply.
     */
    public void scan(SearchRequest req, List<String> fields, java.util.function.Consumer<Row> each) {
        Query q = toQuery(req);
        FieldResolver resolver = new FieldResolver(schema);
        List<ScanField> wanted = new ArrayList<>();
        for (String name : fields) {
            wanted.add(ScanField.of(name, resolver.resolve(name)));
        }
        boolean needRaw = wanted.stream().anyMatch(w -> w.jsonPaths() != null);
        Set<String> load = needRaw ? Set.of(f.key(), f.raw()) : Set.of(f.key());
        List<Row> rows = withSearcher(s -> {
            List<Row> out = new ArrayList<>();
            org.apache.lucene.search.Weight w = s.createWeight(s.rewrite(q), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
            org.apache.lucene.index.StoredFields stored = s.getIndexReader().storedFields();
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                org.apache.lucene.search.Scorer scorer = w.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                SortedNumericDocValues times = leaf.reader().getSortedNumericDocValues(timeField);
                org.apache.lucene.index.SortedSetDocValues[] dvs = new org.apache.lucene.index.SortedSetDocValues[wanted.size()];
                for (int i = 0; i < dvs.length; i++) {
                    dvs[i] = wanted.get(i).jsonPaths() == null ? leaf.reader().getSortedSetDocValues(wanted.get(i).field()) : null;
                }
                org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
                org.apache.lucene.search.DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Long time = times != null && times.advanceExact(doc) ? times.nextValue() : null;
                    Document d = stored.document(leaf.docBase + doc, load);
                    com.fasterxml.jackson.databind.JsonNode event = null;
                    if (needRaw) {
                        org.apache.lucene.util.BytesRef original = d.getBinaryValue(f.raw());
                        event = original == null ? null : ScanField.parse(raw.decode(original),
                                dev.trailindex.index.FlagValues.of(leaf.reader(), doc, flagsField).contains(dev.trailindex.index.Flag.PARTIAL.label()));
                    }
                    java.util.Map<String, List<String>> values = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < dvs.length; i++) {
                        ScanField sf = wanted.get(i);
                        List<String> v = new ArrayList<>();
                        if (sf.jsonPaths() != null) {
                            if (event != null) {
                                for (String jp : sf.jsonPaths()) {
                                    ScanField.collect(event, jp.split("\\."), 0, v);
                                }
                            }
                        } else if (dvs[i] != null && dvs[i].advanceExact(doc)) {
                            for (int o = 0; o < dvs[i].docValueCount(); o++) {
                                v.add(dvs[i].lookupOrd(dvs[i].nextOrd()).utf8ToString());
                            }
                        }
                        values.put(sf.name(), List.copyOf(v));
                    }
                    out.add(new Row(d.get(f.key()), time, values));
                }
            }
            return out;
        });
        rows.sort(java.util.Comparator.comparing(Row::time, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(Row::key));
        rows.forEach(each);
    }

    public IndexStats stats(int top) {
        return withSearcher(s -> {
            DirectoryReader reader = (DirectoryReader) s.getIndexReader();
            byte[] min = PointValues.getMinPackedValue(reader, timeField);
            byte[] max = PointValues.getMaxPackedValue(reader, timeField);
            long withTime = s.count(new FieldExistsQuery(timeField));
            List<String> names = schema.summary().stream().map(FieldSpec::name).toList();
            IndexFolder.Recorded recorded = IndexFolder.recorded(path);
            return new IndexStats(reader.numDocs(), min == null ? null : org.apache.lucene.document.LongPoint.decodeDimension(min, 0),
                    max == null ? null : org.apache.lucene.document.LongPoint.decodeDimension(max, 0), reader.numDocs() - withTime,
                    distinctTerms(reader, f.file()), recorded.files(), recorded.digests(),
                    facets.count(s, new MatchAllDocsQuery(), names, top));
        });
    }

    private static long distinctTerms(DirectoryReader reader, String field) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
            return 0;
        }
        long n = 0;
        TermsEnum te = terms.iterator();
        while (te.next() != null) {
            n++;
        }
        return n;
    }

    private StoredEvent load(IndexSearcher s, int doc) throws IOException {
        Document d = s.storedFields().document(doc, storedFields);
        org.apache.lucene.util.BytesRef stored = d.getBinaryValue(f.raw());
        if (stored == null || d.get(f.key()) == null) {
            throw new CorruptIndexException("event " + doc + " has lost its stored original", "stored fields");
        }
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return new StoredEvent(d.get(f.key()), raw.decode(stored), d.get(f.file()),
                number(d, f.record()), number(d, f.offset()), number(d, f.line()), time(s, doc),
                dev.trailindex.index.FlagValues.of(leaf.reader(), doc - leaf.docBase, flagsField));
    }

    private static long number(Document d, String field) {
        IndexableField v = d.getField(field);
        return v == null || v.numericValue() == null ? -1 : v.numericValue().longValue();
    }

    private Long time(IndexSearcher s, int doc) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedNumericDocValues dv = leaf.reader().getSortedNumericDocValues(timeField);
        if (dv != null && dv.advanceExact(doc - leaf.docBase)) {
            return dv.nextValue();
        }
        return null;
    }

    /** Work with a searcher on the latest commit. */
    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher s) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            // Blocking: if another thread is refreshing, wait for it, so a search never misses a finished commit.
            searchers.maybeRefreshBlocking();
            IndexSearcher shared = searchers.acquire();
            try {
                if (queryTimeout == null) {
                    return work.apply(shared);
                }
                // A searcher of its own per call carries this call's deadline; the reader is shared.
                IndexSearcher s = new IndexSearcher(shared.getIndexReader());
                s.setTimeout(new QueryTimeoutImpl(queryTimeout.toMillis()));
                T result = work.apply(s);
                if (s.timedOut()) {
                    throw new QueryTimeoutException("the query took longer than " + queryTimeout.toMillis()
                            + " ms and was stopped; narrow it (a field, a time range)");
                }
                return result;
            } finally {
                searchers.release(shared);
            }
        } catch (IOException e) {
            // A damaged file often fails as a decoding error (a bad DEFLATE block) before its checksum is read.
            throw damaged(e);
        } catch (org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
            throw FieldQueries.tooComplex(e);
        } catch (QueryException | QueryTimeoutException | IndexException | Delivered e) {
            throw e;
        } catch (RuntimeException e) {
            // Not ours to expect: a damaged file decodes to nonsense before any checksum is read. Checksums say.
            throw damaged(e);
        }
    }

    /** The error for a failure that damage explains; names the damaged file when checksums find one. */
    private RuntimeException damaged(Exception e) {
        try {
            IndexCheck.verify(path, dir);
        } catch (IndexException found) {
            return found;
        }
        if (e instanceof CorruptIndexException c) {
            return IndexCheck.damaged(path, c);
        }
        if (e instanceof IOException io) {
            return new UncheckedIOException("cannot read the index at " + path + ": " + io.getMessage(), io);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    private static void closeQuietly(Directory d) {
        if (d != null) {
            try {
                d.close();
            } catch (IOException ignored) {
                // Already failing with a clearer message.
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            dir.close();
        }
    }
}
