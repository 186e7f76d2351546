package dev.trailindex.query;

import java.util.List;

/** What one hunt found: hits, and for hunts with groupBy the counted values. */
public record HuntResult(Hunts.Hunt hunt, long hits, List<FacetCounts.ValueCount> groups) {
    public HuntResult {
        groups = List.copyOf(groups);
    }
}
