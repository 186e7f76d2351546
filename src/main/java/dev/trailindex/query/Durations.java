package dev.trailindex.query;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users type them: a whole number and ms, s, m, h, d or w ({@code 90m}, {@code 36h}, {@code 2w}). */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d|w)");

    private Durations() {
    }

    /** A histogram interval: null (choose one) for blank or "auto", else a duration. */
    public static Duration intervalOrAuto(String text) {
        return text == null || text.isBlank() || text.strip().equalsIgnoreCase("auto") ? null : parse(text, "interval (or auto)");
    }

    /** Like {@link #parse}, but a plain {@code 0} is allowed and means zero (e.g. "commit after every file"). */
    public static Duration parseOrZero(String text, String what) {
        return text.strip().equals("0") ? Duration.ZERO : parse(text, what);
    }

    /** The duration {@code text} names; {@code what} names the option in the error message. */
    public static Duration parse(String text, String what) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new QueryException("'" + text + "' is not a valid " + what + ": use a number and ms, s, m, h, d or w, e.g. 36h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
