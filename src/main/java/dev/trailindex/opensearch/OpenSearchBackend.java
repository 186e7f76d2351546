package dev.trailindex.opensearch;

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
import dev.trailindex.query.StoredEvent;
import dev.trailindex.schema.Schema;
import dev.trailindex.search.SearchBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.search.Query;

/**
 * The events on an OpenSearch cluster, behind the same seam as the local index and with the same answers: the
 * request is parsed into the same Lucene query, translated to DSL ({@link QueryTranslator}), and the results are
 * shaped by the local rules (order, cursors, facet ties, histogram buckets, scan values). What has no exact
 * translation is a one-line {@link dev.trailindex.query.QueryException}. The parts: {@link OsPages} (search, event),
 * {@link OsFacets}, {@link OsAggregations} (histogram, summary, hunt), {@link OsStats} (stats, paths), {@link OsScan}.
 */
public final class OpenSearchBackend implements SearchBackend {
    private final OsIndex index;
    private final String where;
    private final OsPages pages;
    private final OsFacets facets;
    private final OsAggregations aggregations;
    private final OsStats stats;
    private final OsScan scan;
    private final AutoCloseable client;

    private final OsCopiesReader copies;

    OpenSearchBackend(OsCalls calls, OsIndices indices, Schema schema, String where, AutoCloseable client) {
        this.index = new OsIndex(calls, indices.alias(), schema);
        this.where = where;
        this.client = client;
        this.pages = new OsPages(index);
        this.facets = new OsFacets(index);
        this.aggregations = new OsAggregations(index, facets);
        this.stats = new OsStats(index, facets, new OsFiles(calls, indices.files()));
        this.scan = new OsScan(index, pages);
        this.copies = new OsCopiesReader(calls, indices.copies());
    }

    /**
     * The events of a trailindex on a cluster: fails with one line when the cluster cannot be reached, refuses the
     * credentials, or has no trailindex template of this schema version for the index.
     */
    public static OpenSearchBackend open(OsConnection connection, Schema schema) {
        OsClient client = new OsClient(connection);
        try {
            IndexTemplate.check(client, schema, connection.index());
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new OpenSearchBackend(client::checked, new OsIndices(client, connection.index()), schema,
                connection.base() + " index " + connection.index(), client);
    }

    /** The alias of the events searched. */
    String alias() {
        return index.alias();
    }

    @Override
    public Schema schema() {
        return index.schema();
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public Optional<Path> indexFolder() {
        return Optional.empty();
    }

    @Override
    public Query toQuery(SearchRequest req) {
        return index.lucene(req, true);
    }

    @Override
    public long count(SearchRequest req) {
        return index.count(index.dsl(req, true));
    }

    @Override
    public SearchResult search(SearchRequest req) {
        return pages.search(req);
    }

    @Override
    public List<FacetCounts> facets(SearchRequest req, List<String> fields, int top) {
        return facets.count(index.dsl(req, true), fields, top);
    }

    @Override
    public Histogram histogram(SearchRequest req, Interval interval) {
        return aggregations.histogram(req, interval);
    }

    @Override
    public List<ActorSummary> summary(SearchRequest req, String by, int top) {
        return aggregations.summary(req, by, top);
    }

    @Override
    public HuntResult hunt(Hunts.Hunt hunt, SearchRequest range, int top) {
        return aggregations.hunt(hunt, range, top);
    }

    @Override
    public Optional<StoredEvent> event(String key) {
        return pages.event(key);
    }

    @Override
    public List<StoredEvent> allCopies(String key) {
        return pages.event(key).map(copies::all).orElse(List.of());
    }

    @Override
    public IndexStats stats(int top) {
        return stats.stats(top);
    }

    @Override
    public List<NestedPaths.PathCount> paths(String prefix) {
        return stats.paths(prefix);
    }

    @Override
    public void scan(SearchRequest req, List<String> fields, Consumer<Row> each) {
        scan.scan(req, fields, each);
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            client.close();
        } catch (java.io.IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new java.io.IOException(e);
        }
    }
}
