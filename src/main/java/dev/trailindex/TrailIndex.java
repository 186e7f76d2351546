package dev.trailindex;

import dev.trailindex.index.Indexer;
import dev.trailindex.index.IngestReport;
import dev.trailindex.query.FacetCounts;
import dev.trailindex.query.Histogram;
import dev.trailindex.query.IndexStats;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.search.LocalBackend;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.query.StoredEvent;
import dev.trailindex.schema.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * trailindex for other JVM programs: one object per index folder that indexes CloudTrail logs and searches
 * them. Thread-safe: any number of threads may search while one indexes; searches see each finished indexing
 * run without reopening anything.
 *
 * <pre>{@code
 * try (TrailIndex index = TrailIndex.open(Path.of("trailindex-index"))) {
 *     index.index(List.of(Path.of("AWSLogs")));
 *     SearchResult hits = index.search(SearchRequest.of("eventName:ConsoleLogin AND ip:203.0.113.0/24"));
 *     hits.hits().forEach(e -> System.out.println(e.key() + " " + e.file()));
 * }
 * }</pre>
 */
public final class TrailIndex implements Closeable {
    private final Path dir;
    private final Schema schema;
    private final Indexer.Options options;
    private final LocalBackend search;

    private TrailIndex(Path dir, Schema schema, Indexer.Options options, LocalBackend search) {
        this.dir = dir;
        this.schema = schema;
        this.options = options;
        this.search = search;
    }

    /** Opens the index in {@code dir}, creating an empty one if there is none. */
    public static TrailIndex open(Path dir) {
        return open(dir, Indexer.Options.defaults(), null);
    }

    /**
     * Opens (or creates) the index in {@code dir} with indexing options and a per-search time limit (null: none).
     */
    public static TrailIndex open(Path dir, Indexer.Options options, Duration queryTimeout) {
        Schema schema = Schema.bundled();
        new Indexer(schema, options).createIfMissing(dir);
        return new TrailIndex(dir, schema, options, LocalBackend.open(dir, schema, queryTimeout));
    }

    /** Indexes files and folders; events already in the index are not added again. One run at a time. */
    public synchronized IngestReport index(List<Path> paths) {
        return new Indexer(schema, options).run(dir, paths, null);
    }

    public SearchResult search(SearchRequest request) {
        return search.search(request);
    }

    public long count(SearchRequest request) {
        return search.count(request);
    }

    public List<FacetCounts> facets(SearchRequest request, List<String> fields, int top) {
        return search.facets(request, fields, top);
    }

    /** Matching events per time bucket; {@code interval} null picks one (about 60 buckets). */
    public Histogram histogram(SearchRequest request, Duration interval) {
        return search.service().histogram(request, interval);
    }

    /** One event by eventID (or the sha256: key of an event without one), with its exact original bytes. */
    public Optional<StoredEvent> event(String eventId) {
        return search.event(eventId);
    }

    public IndexStats stats() {
        return search.stats(5);
    }

    /** The search seam over this index, e.g. to mount {@code dev.trailindex.http.TrailIndexHandler}. */
    public SearchBackend backend() {
        return search;
    }

    public Schema schema() {
        return schema;
    }

    @Override
    public void close() throws IOException {
        search.close();
    }
}
