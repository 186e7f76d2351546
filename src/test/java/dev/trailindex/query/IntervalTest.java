package dev.trailindex.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Histogram intervals as people write them, and buckets that follow the calendar in the zone asked for. */
class IntervalTest {
    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void labelsAreWhatPeopleWrite() {
        assertEquals("1d", Interval.of(Duration.ofHours(24)).label());
        assertEquals("30d", Interval.of(Duration.ofHours(720)).label());
        assertEquals("1w", Interval.of(Duration.ofDays(7)).label());
        assertEquals("90m", Interval.of(Duration.ofMinutes(90)).label());
        assertEquals("1ms", Interval.of(Duration.ofMillis(1)).label());
        assertEquals("1mo", Interval.parseOrAuto("1mo").label());
        assertEquals("2y", Interval.parseOrAuto("2Y").label());
        assertEquals(null, Interval.parseOrAuto("auto"));
        assertThrows(QueryException.class, () -> Interval.parseOrAuto("fortnightly"));
        assertThrows(QueryException.class, () -> Interval.parseOrAuto("0d"));
    }

    @Test
    void daysStartAtLocalMidnightAndMonthsAreMonths() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Interval day = Interval.parseOrAuto("1d");
        // 2026-11-20T00:30Z is 01:30 in Berlin: its day began at 2026-11-19T23:00Z.
        assertEquals(t("2026-11-19T23:00:00Z"), day.floor(t("2026-11-20T00:30:00Z"), berlin));
        assertEquals(t("2026-11-20T00:00:00Z"), day.floor(t("2026-11-20T00:30:00Z"), ZoneOffset.UTC));
        // The day the clocks go back in Berlin has 25 hours.
        long start = day.floor(t("2026-10-25T12:00:00Z"), berlin);
        assertEquals(Duration.ofHours(25).toMillis(), day.next(start, berlin) - start);
        Interval month = Interval.parseOrAuto("1mo");
        long feb = month.floor(t("2024-02-15T00:00:00Z"), ZoneOffset.UTC);
        assertEquals(t("2024-02-01T00:00:00Z"), feb);
        assertEquals(t("2024-03-01T00:00:00Z"), month.next(feb, ZoneOffset.UTC));
        Interval week = Interval.parseOrAuto("1w");
        assertEquals(t("2024-02-12T00:00:00Z"), week.floor(t("2024-02-15T10:00:00Z"), ZoneOffset.UTC), "weeks start on Monday");
        assertEquals(t("2024-01-01T00:00:00Z"), Interval.parseOrAuto("1y").floor(t("2024-07-04T00:00:00Z"), ZoneOffset.UTC));
        Interval quarter = Interval.parseOrAuto("3mo");
        assertEquals(t("2024-04-01T00:00:00Z"), quarter.floor(t("2024-05-20T00:00:00Z"), ZoneOffset.UTC));
    }
}
