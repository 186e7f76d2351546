package dev.trailindex.cli;

import dev.trailindex.query.Order;
import dev.trailindex.query.QueryException;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.TimeRange;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/** --from, --to, --since and --tz. */
final class TimeRangeOptions {
    @Option(names = "--from", paramLabel = "TIME",
            description = "Only events at or after TIME (ISO-8601 at any precision, e.g. 2024-03-01 or 2024-03-01T02:00Z; without an offset, in --tz).")
    String from;

    @Option(names = "--to", paramLabel = "TIME",
            description = "Only events up to the end of TIME's span (--to 2024-03-01 includes that whole day).")
    String to;

    @Option(names = "--since", paramLabel = "AGE", description = "Only events in the last AGE: 90m, 36h, 7d, 2w (instead of --from).")
    String since;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Show times in ZONE (Europe/Berlin, -05:00) and read times without an offset in it; default UTC.")
    String tz;

    ZoneId zone() {
        return zone(tz);
    }

    /** The zone a --tz value names (UTC when null); a one-line usage error for anything else. */
    static ZoneId zone(String tz) {
        if (tz == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new QueryException("'" + tz + "' is not a time zone: use a region like Europe/Berlin or an offset like -05:00");
        }
    }

    TimeRange range() {
        return TimeRange.of(from, to, since, zone());
    }

    SearchRequest request(String query, int limit, Order order, String cursor) {
        TimeRange r = range();
        return new SearchRequest(query, r.from(), r.to(), limit, order, cursor, zone());
    }
}
