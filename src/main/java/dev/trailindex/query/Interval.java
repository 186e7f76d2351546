package dev.trailindex.query;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A histogram interval as people write it: a whole number and ms, s, m, h, d, w, mo or y ({@code 15m}, {@code 1d},
 * {@code 30d}, {@code 1mo}). Buckets of a day or more start at midnight in the zone asked for (weeks on Monday,
 * months on the 1st, years on 1 January) and follow the calendar, so a month is a month and a day with a clock
 * change is still one day; shorter buckets are aligned to the zone's offset.
 */
public record Interval(long amount, ChronoUnit unit) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d|w|mo|y)");
    /** A Monday: weeks are counted from it. */
    private static final LocalDate WEEK_ZERO = LocalDate.of(1970, 1, 5);

    public Interval {
        if (amount < 1) {
            throw new QueryException("the interval must be positive");
        }
    }

    /** The interval {@code text} names, or null for blank and "auto" (choose one). */
    public static Interval parseOrAuto(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new QueryException("'" + text + "' is not a valid interval (or auto): use a number and ms, s, m, h, d, w, "
                    + "mo or y, e.g. 1h, 1d, 1mo");
        }
        long n = Long.parseLong(m.group(1));
        return new Interval(n, switch (m.group(2)) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            case "w" -> ChronoUnit.WEEKS;
            case "mo" -> ChronoUnit.MONTHS;
            default -> ChronoUnit.YEARS;
        });
    }

    /** A fixed duration in the largest unit that divides it: 24h is 1d, 720h is 30d, 7d is 1w. */
    public static Interval of(Duration d) {
        long ms = d.toMillis();
        ChronoUnit[] units = {ChronoUnit.WEEKS, ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS};
        for (ChronoUnit u : units) {
            long per = u.getDuration().toMillis();
            if (ms % per == 0 && (u != ChronoUnit.WEEKS || ms / per < 4)) {
                return new Interval(ms / per, u);
            }
        }
        return new Interval(ms, ChronoUnit.MILLIS);
    }

    /** As people write it: 1d, 30d, 1mo, 500ms. */
    public String label() {
        return amount + switch (unit) {
            case MILLIS -> "ms";
            case SECONDS -> "s";
            case MINUTES -> "m";
            case HOURS -> "h";
            case DAYS -> "d";
            case WEEKS -> "w";
            case MONTHS -> "mo";
            default -> "y";
        };
    }

    /** The nominal length (a month as 30 days, a year as 365), for choosing and for machines. */
    public long nominalMillis() {
        return switch (unit) {
            case MONTHS -> amount * Duration.ofDays(30).toMillis();
            case YEARS -> amount * Duration.ofDays(365).toMillis();
            default -> Math.multiplyExact(amount, unit.getDuration().toMillis());
        };
    }

    private boolean calendar() {
        return unit == ChronoUnit.DAYS || unit == ChronoUnit.WEEKS || unit == ChronoUnit.MONTHS || unit == ChronoUnit.YEARS;
    }

    /** The start of the bucket holding {@code millis}. */
    public long floor(long millis, ZoneId zone) {
        if (!calendar()) {
            long offset = zone.getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
            long width = nominalMillis();
            return Math.floorDiv(millis + offset, width) * width - offset;
        }
        LocalDate day = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
        LocalDate start = switch (unit) {
            case DAYS -> LocalDate.ofEpochDay(Math.floorDiv(day.toEpochDay(), amount) * amount);
            case WEEKS -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                long weeks = ChronoUnit.WEEKS.between(WEEK_ZERO, monday);
                yield WEEK_ZERO.plusWeeks(Math.floorDiv(weeks, amount) * amount);
            }
            case MONTHS -> {
                long months = day.getYear() * 12L + day.getMonthValue() - 1;
                long m = Math.floorDiv(months, amount) * amount;
                yield LocalDate.of((int) Math.floorDiv(m, 12), (int) Math.floorMod(m, 12) + 1, 1);
            }
            default -> LocalDate.of((int) (Math.floorDiv(day.getYear(), amount) * amount), 1, 1);
        };
        return start.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** The start of the bucket after the one starting at {@code start}. */
    public long next(long start, ZoneId zone) {
        if (!calendar()) {
            return start + nominalMillis();
        }
        ZonedDateTime z = Instant.ofEpochMilli(start).atZone(zone);
        return z.toLocalDate().plus(amount, unit).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
