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
import dev.trailindex.query.StoredEvent;
import dev.trailindex.schema.Schema;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.search.Query;

/**
 * The backend seam: everything the CLI, the HTTP handler, trace and detect ask of the events, whichever engine
 * holds them. A request is a {@link SearchRequest}: query text in trailindex's language, a time range, and
 * optionally a prebuilt Lucene {@link Query} ({@link SearchRequest#withFilter}) from trace or a Sigma rule. A Lucene
 * query is the common language: the local backend runs it, another backend translates it (and fails with a
 * {@link dev.trailindex.query.QueryException} for what it cannot translate, never a different answer).
 *
 * <p>Implementations are thread-safe; every call sees the latest committed state of the events.
 */
public interface SearchBackend extends Closeable {
    /** The schema the events were indexed with. */
    Schema schema();

    /** Where the events live, for messages (a folder, a cluster's URL and index). */
    String describe();

    /** The local index folder, when the events live in one (integrity data such as coverage is kept there). */
    Optional<Path> indexFolder();

    /** The request as one Lucene query: its text parsed against the schema, its filter and time range applied. */
    Query toQuery(SearchRequest req);

    /** The exact number of matching events. */
    long count(SearchRequest req);

    /** One page of matching events in the request's order, with a cursor to the next page. */
    SearchResult search(SearchRequest req);

    /**
     * Every matching event in the request's order (from its cursor, if it has one), handed to {@code each} one at
     * a time in bounded memory; returns how many. The request's limit does not apply. By default page after page.
     */
    default long stream(SearchRequest req, java.util.function.Consumer<StoredEvent> each) {
        return pages(this::search, req, each);
    }

    /** {@link #stream} as pages of 1,000 from {@code search}. */
    static long pages(java.util.function.Function<SearchRequest, SearchResult> search, SearchRequest req,
            java.util.function.Consumer<StoredEvent> each) {
        SearchRequest r = req.withLimit(1000);
        long n = 0;
        for (SearchResult page = search.apply(r); ; page = search.apply(r.page(page.nextCursor()))) {
            for (StoredEvent e : page.hits()) {
                each.accept(e);
                n++;
            }
            if (page.nextCursor() == null) {
                return n;
            }
        }
    }

    /** The top {@code top} values of each field over the matching events. */
    List<FacetCounts> facets(SearchRequest req, List<String> fields, int top);

    /** Matching events per bucket of {@code interval} (null: automatic). */
    Histogram histogram(SearchRequest req, Interval interval);

    /** The actor sheet: per top value of {@code by}, counts, first and last seen, distinct indicators. */
    List<ActorSummary> summary(SearchRequest req, String by, int top);

    /** One hunt within the request's time range. */
    HuntResult hunt(Hunts.Hunt hunt, SearchRequest range, int top);

    /** The event with this key (eventID, or content hash for events without one). */
    Optional<StoredEvent> event(String key);

    /**
     * Every differing copy of the event with this key: the indexed one first, then the copies that lost to it
     * (other bytes under the same eventID), each with its file and position; empty if no event has the key.
     */
    List<StoredEvent> allCopies(String key);

    /** Totals, time span and the top values of the summary fields. */
    IndexStats stats(int top);

    /** The nested paths under {@code prefix} with the number of events holding each. */
    List<NestedPaths.PathCount> paths(String prefix);

    /**
     * Streams every matching event, oldest first (events without a time last, then by key), as a {@link Row} with
     * the values of {@code fields}: schema field names or aliases, or dotted paths below a nested field
     * ({@code requestParameters.roleArn}). Values are the event's own spelling, as strings; a field the event
     * lacks maps to an empty list. The request's limit and cursor are ignored: a scan sees every match.
     */
    void scan(SearchRequest req, List<String> fields, Consumer<Row> each);
}
