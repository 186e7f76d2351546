package dev.trailindex.query;

import java.time.ZoneId;
import java.time.ZoneOffset;

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
 */
public record SearchRequest(String query, Long from, Long to, int limit, Order order, String cursor, ZoneId zone) {
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

    public SearchRequest(String query, Long from, Long to, int limit, Order order) {
        this(query, from, to, limit, order, null, null);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, null, 100, Order.NEWEST);
    }

    /** The same search from {@code next} on. */
    public SearchRequest page(String next) {
        return new SearchRequest(query, from, to, limit, order, next, zone);
    }
}
