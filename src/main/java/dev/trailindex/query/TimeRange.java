package dev.trailindex.query;

import java.time.ZoneId;

/**
 * A time range as users give it, to the CLI and to the HTTP API alike: a start ({@code from}, or {@code since}
 * an age back from now), an end ({@code to}, inclusive of its whole span), read in {@code zone} unless written
 * with an offset.
 *
 * @param from earliest event time included, epoch millis, or null
 * @param to   first event time excluded, epoch millis, or null
 */
public record TimeRange(Long from, Long to) {

    /** Parses the user's words; any of them may be null. A one-line {@link QueryException} if they are wrong. */
    public static TimeRange of(String from, String to, String since, ZoneId zone) {
        if (since != null && from != null) {
            throw new QueryException("since and from both set the start; give one");
        }
        Long start = null;
        if (since != null) {
            start = System.currentTimeMillis() - Durations.parse(since, "age for since").toMillis();
        } else if (from != null) {
            start = TimeBounds.parse(from, zone).start();
        }
        return new TimeRange(start, to == null ? null : TimeBounds.parse(to, zone).end());
    }
}
