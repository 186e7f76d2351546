package dev.trailindex.search;

import dev.trailindex.query.ActorSummary;
import dev.trailindex.query.FacetCounts;
import dev.trailindex.query.Histogram;
import dev.trailindex.query.HuntResult;
import dev.trailindex.query.Hunts;
import dev.trailindex.query.IndexStats;
import dev.trailindex.query.Interval;
import dev.trailindex.query.NestedPaths;
import dev.trailindex.query.Row;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.query.SearchService;
import dev.trailindex.query.StoredEvent;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.search.Query;

/** The local backend: the on-disk Lucene index, searched in this process by {@link SearchService}. */
public final class LocalBackend implements SearchBackend {
    private final SearchService service;

    public LocalBackend(SearchService service) {
        this.service = service;
    }

    /** Opens the index at {@code path}; {@code queryTimeout} (null: none) bounds each call. */
    public static LocalBackend open(Path path, Schema schema, Duration queryTimeout) {
        return new LocalBackend(SearchService.open(path, schema, queryTimeout));
    }

    /** The same, reading the index's files as {@code reads} says (buffered for a process that asks one question). */
    public static LocalBackend open(Path path, Schema schema, Duration queryTimeout, SearchService.Reads reads) {
        return new LocalBackend(SearchService.open(path, schema, queryTimeout, reads));
    }

    public static LocalBackend open(Path path, Schema schema) {
        return open(path, schema, null);
    }

    /** The Lucene search service underneath, for code that is about the local index itself. */
    public SearchService service() {
        return service;
    }

    @Override
    public Schema schema() {
        return service.schema();
    }

    @Override
    public String describe() {
        return service.path().toString();
    }

    @Override
    public Optional<Path> indexFolder() {
        return Optional.of(service.path());
    }

    @Override
    public Query toQuery(SearchRequest req) {
        return service.toQuery(req);
    }

    @Override
    public long count(SearchRequest req) {
        return service.count(req);
    }

    @Override
    public SearchResult search(SearchRequest req) {
        return service.search(req);
    }

    @Override
    public long stream(SearchRequest req, Consumer<StoredEvent> each) {
        return service.stream(req, each);
    }

    @Override
    public List<FacetCounts> facets(SearchRequest req, List<String> fields, int top) {
        return service.facets(req, fields, top);
    }

    @Override
    public Histogram histogram(SearchRequest req, Interval interval) {
        return service.histogram(req, interval);
    }

    @Override
    public List<ActorSummary> summary(SearchRequest req, String by, int top) {
        return service.summary(req, by, top);
    }

    @Override
    public HuntResult hunt(Hunts.Hunt hunt, SearchRequest range, int top) {
        return service.hunt(hunt, range, top);
    }

    @Override
    public Optional<StoredEvent> event(String key) {
        return service.event(key);
    }

    @Override
    public List<StoredEvent> allCopies(String key) {
        return service.allCopies(key);
    }

    @Override
    public IndexStats stats(int top) {
        return service.stats(top);
    }

    @Override
    public List<NestedPaths.PathCount> paths(String prefix) {
        return service.paths(prefix);
    }

    @Override
    public void scan(SearchRequest req, List<String> fields, Consumer<Row> each) {
        service.scan(req, fields, each);
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
