package dev.trailindex.integrity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The digest windows of each account and region: the time present digests cover, and the time missing ones did. */
final class Windows {
    /**
     * One account and region.
     *
     * @param digests its digests, present and missing, from every chain
     * @param present the union of the present digests' windows
     * @param missing the union of the missing digests' windows
     */
    record Place(List<DigestVerdict> digests, Intervals present, Intervals missing) {
    }

    private final Map<AccountRegion, Place> byPlace = new HashMap<>();

    Windows(List<Chain> chains) {
        Map<AccountRegion, List<DigestVerdict>> grouped = new HashMap<>();
        for (Chain c : chains) {
            grouped.computeIfAbsent(c.place(), p -> new ArrayList<>()).addAll(c.entries());
        }
        grouped.forEach((p, ds) -> byPlace.put(p, new Place(ds, union(ds, true), union(ds, false))));
    }

    private static Intervals union(List<DigestVerdict> ds, boolean present) {
        return Intervals.union(ds.stream().filter(d -> d.present() == present).map(d -> new long[] {d.start(), d.end()}).toList());
    }

    /** The windows of {@code place}, or null when it has no digest. */
    Place of(AccountRegion place) {
        return byPlace.get(place);
    }

    /** Every account and region with digests. */
    java.util.Set<AccountRegion> places() {
        return byPlace.keySet();
    }
}
