package dev.trailindex.query;

import java.util.List;

/**
 * The hits of a search: the exact number of matches, one page of them in order, and the cursor of the next page
 * (null when this page is the last).
 */
public record SearchResult(long total, List<StoredEvent> hits, String nextCursor) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
