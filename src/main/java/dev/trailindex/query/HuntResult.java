package dev.trailindex.query;

import java.util.List;

/**
 * What one hunt found: hits (matching events), and for hunts with groupBy the counted values and how many distinct
 * values there are ({@code distinctGroups}, 0 for ungrouped hunts).
 */
public record HuntResult(Hunts.Hunt hunt, long hits, List<FacetCounts.ValueCount> groups, int distinctGroups) {
    public HuntResult {
        groups = List.copyOf(groups);
    }
}
