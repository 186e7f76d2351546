package dev.trailindex.integrity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.trailindex.index.EventTimes;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Counts the events of one CloudTrail log file by hour of their event time and picks out the events that stop or start
 * logging, streaming: only the few values it needs are ever held. Reads every top-level value (so the events of an
 * appended gzip member count too).
 */
final class EventScanner {
    private static final String RECORDS = "Records";
    /** The request parameter naming the trail of StopLogging and its kind. */
    private static final String TRAIL_PARAMETER = "name";
    private static final long HOUR = 3_600_000L;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20).build()).build();

    /** An event that stops or starts logging, as read. */
    record Control(String name, long time, String trail) {
    }

    /**
     * What a file holds.
     *
     * @param events   records read
     * @param perHour  events by the start of their UTC hour (epoch millis); events without a time are left out
     * @param controls events that stop or start logging
     * @param problem  why the JSON could not be read to its end, or null
     */
    record Content(long events, TreeMap<Long, Long> perHour, List<Control> controls, String problem) {
    }

    private final List<String> timeKeys;
    private final String actionKey;
    private final String parametersKey;

    EventScanner(Schema schema) {
        this.timeKeys = schema.timeField().from().stream().filter(k -> !k.contains(".")).toList();
        this.actionKey = schema.actionField().from().get(0);
        this.parametersKey = schema.requestParametersField().from().get(0);
    }

    /** Reads {@code in} to the end of its JSON, or to the first error (said in the result, never thrown). */
    Content scan(InputStream in) throws IOException {
        Counts c = new Counts();
        try (JsonParser p = JSON.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT) {
                    readRoot(p, c);
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            c.problem = "not valid JSON: " + e.getOriginalMessage();
        }
        return new Content(c.events, c.perHour, c.controls, c.problem);
    }

    private static final class Counts {
        long events;
        final TreeMap<Long, Long> perHour = new TreeMap<>();
        final List<Control> controls = new ArrayList<>();
        String problem;
    }

    private void readRoot(JsonParser p, Counts c) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() == JsonToken.START_ARRAY && RECORDS.equals(name)) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    readRecord(p, c);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private void readRecord(JsonParser p, Counts c) throws IOException {
        String[] times = new String[timeKeys.size()];
        String action = null;
        String trail = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int t = timeKeys.indexOf(name);
            if (t >= 0 && v == JsonToken.VALUE_STRING) {
                times[t] = p.getText();
            } else if (name.equals(actionKey) && v == JsonToken.VALUE_STRING) {
                action = p.getText();
            } else if (name.equals(parametersKey) && v == JsonToken.START_OBJECT) {
                trail = trailParameter(p);
            } else {
                p.skipChildren();
            }
        }
        c.events++;
        Long time = firstTime(times);
        if (time != null) {
            c.perHour.merge(Math.floorDiv(time, HOUR) * HOUR, 1L, Long::sum);
            if (TrailEvent.interesting(action)) {
                c.controls.add(new Control(action, time, trail));
            }
        }
    }

    private static String trailParameter(JsonParser p) throws IOException {
        String trail = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_STRING && TRAIL_PARAMETER.equals(name)) {
                trail = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return trail;
    }

    private static Long firstTime(String[] times) {
        for (String s : times) {
            EventTimes.Parsed parsed = s == null ? null : EventTimes.parse(s);
            if (parsed != null) {
                return parsed.epochMillis();
            }
        }
        return null;
    }
}
