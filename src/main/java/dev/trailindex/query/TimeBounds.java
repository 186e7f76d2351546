package dev.trailindex.query;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as users type them, at any precision: {@code 2024}, {@code 2024-03}, {@code 2024-03-01},
 * {@code 2024-03-01T02}, {@code 2024-03-01T02:30}, {@code 2024-03-01 02:30:15.250+02:00}. Without a zone the time
 * is UTC. The result is the whole span the text names ({@code 2024-03-01} is that day).
 */
public final class TimeBounds {
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:[T ](\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?)?)?)?"
                    + "(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

    /** The span [{@code start}, {@code end}) in epoch milliseconds. */
    public record Span(long start, long end) {
    }

    private TimeBounds() {
    }

    /** The span {@code text} names, UTC unless it has an offset; a one-line {@link QueryException} if not a time. */
    public static Span parse(String text) {
        return parse(text, java.time.ZoneOffset.UTC);
    }

    /** The span {@code text} names, read in {@code defaultZone} unless it has an offset. */
    public static Span parse(String text, java.time.ZoneId defaultZone) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            throw new QueryException("'" + text + "' is not a time: use ISO-8601 such as 2024-03-01, "
                    + "2024-03-01T02:30 or 2024-03-01T02:30:00Z");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            String frac = m.group(7);
            int nanos = frac == null ? 0 : Integer.parseInt((frac + "000000000").substring(0, 9));
            LocalDateTime start = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            LocalDateTime end = frac != null ? start.plus(1, ChronoUnit.MILLIS)
                    : m.group(6) != null ? start.plusSeconds(1)
                    : m.group(5) != null ? start.plusMinutes(1)
                    : m.group(4) != null ? start.plusHours(1)
                    : m.group(3) != null ? start.plusDays(1)
                    : m.group(2) != null ? start.plusMonths(1)
                    : start.plusYears(1);
            java.time.ZoneId zone = m.group(8) == null ? defaultZone : zone(m.group(8));
            return new Span(start.atZone(zone).toInstant().toEpochMilli(), end.atZone(zone).toInstant().toEpochMilli());
        } catch (DateTimeException | NumberFormatException e) {
            throw new QueryException("'" + text + "' is not a valid time: " + e.getMessage());
        }
    }

    private static ZoneOffset zone(String z) {
        if (z == null || z.equalsIgnoreCase("Z")) {
            return ZoneOffset.UTC;
        }
        if (z.length() == 3) {
            return ZoneOffset.of(z + ":00");
        }
        return ZoneOffset.of(z.length() == 5 ? z.substring(0, 3) + ":" + z.substring(3) : z);
    }
}
