package dev.trailindex.index;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses CloudTrail event times: ISO-8601 with {@code Z} or an offset, fractional seconds up to nanoseconds,
 * and the forms other tools leave behind (a space for the {@code T}, no zone: read as UTC and flagged).
 */
public final class EventTimes {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|z|[+-]\\d{2}:?\\d{2})?");

    /** A parsed time; {@code zoneAssumed} when the text had no zone and UTC was assumed. */
    public record Parsed(long epochMillis, boolean zoneAssumed) {
    }

    private EventTimes() {
    }

    /** The instant written in {@code text}, or null if it is not a time this parser understands. */
    public static Parsed parse(String text) {
        Matcher m = ISO.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            String frac = m.group(7) == null ? "" : m.group(7);
            int nanos = frac.isEmpty() ? 0 : Integer.parseInt((frac + "000000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            String zone = m.group(8);
            ZoneOffset offset = zone == null || zone.equalsIgnoreCase("Z") ? ZoneOffset.UTC
                    : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
            return new Parsed(local.toInstant(offset).toEpochMilli(), zone == null);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
