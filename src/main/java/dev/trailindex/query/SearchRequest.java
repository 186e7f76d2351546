package dev.trailindex.query;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.lucene.search.Query;

/**
 * A search.
 *
 * @param query  Lucene query syntax over the schema's field names; blank matches all
 * @param from   earliest event time included, epoch millis, or null
 * @param to     first event time excluded, epoch millis, or null
 * @param limit  most hits returned
 * @param order  result order
 * @param cursor where the previous page ended ({@link SearchResult#nextCursor()}), or null for the first page
 * @param zone   zone for times written without an offset in the query; UTC by default
 * @param filter a query built by code (a trace hop, a Sigma rule) that matching events must also match, or null
 */
public record SearchRequest(String query, Long from, Long to, int limit, Order order, String cursor, ZoneId zone,
        Query filter) {
    public SearchRequest {
        if (limit < 0) {
            throw new QueryException("--limit must be 0 or more");
        }
        if (from != null && to != null && from >= to) {
            throw new QueryException("the time range is empty: --from must be before --to");
        }
        order = order == null ? Order.NEWEST : order;
        zone = zone == null ? ZoneOffset.UTC : zone;
    }

    public SearchRequest(String query, Long from, Long to, int limit, Order order, String cursor, ZoneId zone) {
        this(query, from, to, limit, order, cursor, zone, null);
    }

    public SearchRequest(String query, Long from, Long to, int limit, Order order) {
        this(query, from, to, limit, order, null, null, null);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, null, 100, Order.NEWEST);
    }

    /** The same search from {@code next} on. */
    public SearchRequest page(String next) {
        return new SearchRequest(query, from, to, limit, order, next, zone, filter);
    }

    /** The same search, its events also matching {@code q} (a query built by code, not parsed from text). */
    public SearchRequest withFilter(Query q) {
        return new SearchRequest(query, from, to, limit, order, cursor, zone, q);
    }

    /** The same search with another page size. */
    public SearchRequest withLimit(int n) {
        return new SearchRequest(query, from, to, n, order, cursor, zone, filter);
    }
}
