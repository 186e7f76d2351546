package dev.trailindex.integrity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Events by account, region and UTC hour, and the events that stop or start logging; filled by several threads. */
final class EventTally {
    private final Map<AccountRegion, TreeMap<Long, Long>> perHour = new HashMap<>();
    private final List<TrailEvent> trailEvents = new ArrayList<>();
    private long events;

    /** Adds what one log file held. */
    synchronized void add(AccountRegion place, String logKey, LogFacts facts) {
        events += facts.events();
        TreeMap<Long, Long> hours = perHour.computeIfAbsent(place, p -> new TreeMap<>());
        facts.perHour().forEach((h, n) -> hours.merge(h, n, Long::sum));
        for (EventScanner.Control c : facts.controls()) {
            trailEvents.add(new TrailEvent(c.name(), c.time(), c.trail(), logKey, place.account(), place.region()));
        }
    }

    synchronized long events() {
        return events;
    }

    /** Events by hour in {@code place} (empty when none). */
    synchronized TreeMap<Long, Long> hours(AccountRegion place) {
        return perHour.getOrDefault(place, new TreeMap<>());
    }

    /** The rows that have events. */
    synchronized List<AccountRegion> places() {
        return List.copyOf(perHour.keySet());
    }

    /** The events that stop or start logging, oldest first. */
    synchronized List<TrailEvent> trailEvents() {
        List<TrailEvent> out = new ArrayList<>(trailEvents);
        out.sort(java.util.Comparator.comparingLong(TrailEvent::time));
        return out;
    }
}
