package dev.trailindex.cli;

import dev.trailindex.query.TimeBounds;
import picocli.CommandLine.Option;

/** --from and --to, ISO-8601 at any precision, UTC unless an offset is given. */
final class TimeRangeOptions {
    @Option(names = "--from", paramLabel = "TIME",
            description = "Only events at or after TIME (ISO-8601, e.g. 2024-03-01 or 2024-03-01T02:00Z; UTC unless an offset is given).")
    String from;

    @Option(names = "--to", paramLabel = "TIME",
            description = "Only events up to and including TIME's span (--to 2024-03-01 includes that whole day).")
    String to;

    Long fromMillis() {
        return from == null ? null : TimeBounds.parse(from).start();
    }

    Long toMillis() {
        return to == null ? null : TimeBounds.parse(to).end();
    }
}
