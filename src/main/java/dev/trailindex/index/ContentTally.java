package dev.trailindex.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.ingest.ContentHash;
import dev.trailindex.ingest.RawEvent;
import dev.trailindex.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tallies one file's events as the indexer reads them, by UTC hour of their time and picking out the events that stop
 * or start logging, the same way {@code verify} does when it reads a log file itself (the first time key that parses
 * wins; the trail is the request's {@code name}). Every event read counts, duplicates of indexed ones included.
 */
final class ContentTally {
    /** The API calls that start or stop a trail's logging. */
    static final Set<String> LOGGING_CONTROLS = Set.of("StopLogging", "DeleteTrail", "StartLogging", "CreateTrail");
    /** The request parameter naming the trail of those calls. */
    private static final String TRAIL_PARAMETER = "name";
    private static final long HOUR = 3_600_000L;

    private final List<String> timeKeys;
    private final String actionKey;
    private final String parametersKey;
    private final TreeMap<Long, Long> perHour = new TreeMap<>();
    private final List<IndexedContent.Control> controls = new ArrayList<>();
    private long events;

    ContentTally(Schema schema) {
        this.timeKeys = schema.timeField().from().stream().filter(k -> !k.contains(".")).toList();
        this.actionKey = schema.actionField().from().get(0);
        this.parametersKey = schema.requestParametersField().from().get(0);
    }

    /** Called from the one thread reading the file. */
    void add(RawEvent ev) {
        events++;
        Long time = time(ev.tree());
        if (time == null) {
            return;
        }
        perHour.merge(Math.floorDiv(time, HOUR) * HOUR, 1L, Long::sum);
        JsonNode action = ev.tree().get(actionKey);
        if (action != null && action.isTextual() && LOGGING_CONTROLS.contains(action.textValue())) {
            JsonNode trail = ev.tree().path(parametersKey).get(TRAIL_PARAMETER);
            controls.add(new IndexedContent.Control(action.textValue(), time,
                    trail != null && trail.isTextual() ? trail.textValue() : null));
        }
    }

    /** The facts, once the file was read whole; null when it was not ({@code hash} null). */
    IndexedContent content(ContentHash hash) {
        return hash == null ? null : new IndexedContent(hash, events, perHour, controls);
    }

    private Long time(JsonNode tree) {
        for (String k : timeKeys) {
            JsonNode v = tree.get(k);
            EventTimes.Parsed p = v != null && v.isTextual() ? EventTimes.parse(v.textValue()) : null;
            if (p != null) {
                return p.epochMillis();
            }
        }
        return null;
    }
}
