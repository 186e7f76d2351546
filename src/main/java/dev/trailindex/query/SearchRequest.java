package dev.trailindex.query;

/**
 * A search.
 *
 * @param query Lucene query syntax over the schema's field names; blank matches all
 * @param from  earliest event time included, epoch millis, or null
 * @param to    first event time excluded, epoch millis, or null
 * @param limit most hits returned
 * @param order result order
 */
public record SearchRequest(String query, Long from, Long to, int limit, Order order) {
    public SearchRequest {
        if (limit < 0) {
            throw new QueryException("--limit must be 0 or more");
        }
        if (from != null && to != null && from >= to) {
            throw new QueryException("the time range is empty: --from must be before --to");
        }
        order = order == null ? Order.NEWEST : order;
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, null, 100, Order.NEWEST);
    }
}
