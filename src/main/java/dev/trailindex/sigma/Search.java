package dev.trailindex.sigma;

import java.util.List;

/**
 * A search identifier's body: a list of groups, any of which matches (a list of maps); each group is a map, all
 * of whose items match. A single map is one group; a keyword list is one group of one field-less item.
 */
public record Search(String name, List<List<Item>> groups) {
    public Search {
        groups = groups.stream().map(List::copyOf).toList();
    }
}
