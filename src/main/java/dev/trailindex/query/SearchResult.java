package dev.trailindex.query;

import java.util.List;

/** The hits of a search: the exact number of matches and the first {@code limit} of them in order. */
public record SearchResult(long total, List<StoredEvent> hits) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
