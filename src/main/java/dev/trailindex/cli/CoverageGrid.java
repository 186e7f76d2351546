package dev.trailindex.cli;

import dev.trailindex.query.Printable;

import dev.trailindex.integrity.AccountRegion;
import dev.trailindex.integrity.HourCell;
import dev.trailindex.integrity.HourStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coverage as a picture: one row per account and region, one character per UTC hour, with a legend. Up to three
 * days fit on one line; longer spans get one line per day under the row's name.
 */
final class CoverageGrid {
    static final String LEGEND = "V verified  h hash-only  e empty (no log delivered)  . no digest  S logging stopped  "
            + "M digest missing  X tampered";
    private static final int ONE_LINE_HOURS = 72;
    private static final long HOUR = 3_600_000L;

    private final PrintWriter out;
    private final List<java.nio.file.Path> roots;

    /** @param roots the folders holding AWSLogs: named in the rows' labels when there are several */
    CoverageGrid(PrintWriter out, List<java.nio.file.Path> roots) {
        this.out = out;
        this.roots = roots;
    }

    private String label(AccountRegion p) {
        return Printable.escape((roots.size() > 1 ? roots.get(p.root()) + ": " : "") + p.label());
    }

    static char cell(HourCell c) {
        return switch (c.status()) {
            case VERIFIED -> 'V';
            case HASH_ONLY -> 'h';
            case EMPTY -> 'e';
            case NO_DIGEST -> c.stopped() ? 'S' : '.';
            case MISSING_DIGEST -> 'M';
            case TAMPERED -> 'X';
        };
    }

    void print(List<HourCell> hours) {
        if (hours.isEmpty()) {
            return;
        }
        Map<AccountRegion, List<HourCell>> rows = new LinkedHashMap<>();
        for (HourCell h : hours) {
            rows.computeIfAbsent(h.place(), p -> new ArrayList<>()).add(h);
        }
        out.printf("%ncoverage by UTC hour (%s)%n", LEGEND);
        long first = hours.stream().mapToLong(HourCell::hour).min().orElseThrow();
        long last = hours.stream().mapToLong(HourCell::hour).max().orElseThrow();
        if ((last - first) / HOUR < ONE_LINE_HOURS) {
            oneLine(rows, first, last);
        } else {
            byDay(rows);
        }
    }

    private void oneLine(Map<AccountRegion, List<HourCell>> rows, long first, long last) {
        int width = rows.keySet().stream().mapToInt(p -> label(p).length()).max().orElse(0) + 2;
        int n = (int) ((last - first) / HOUR) + 1;
        StringBuilder dates = new StringBuilder(" ".repeat(width));
        StringBuilder marks = new StringBuilder(" ".repeat(width));
        for (int i = 0; i < n; i++) {
            ZonedDateTime t = Instant.ofEpochMilli(first + i * HOUR).atZone(ZoneOffset.UTC);
            if ((i == 0 || t.getHour() == 0) && dates.length() <= width + i) {
                dates.append(" ".repeat(width + i - dates.length())).append(t.toLocalDate());
            }
            if ((i == 0 || t.getHour() % 6 == 0) && marks.length() <= width + i) {
                marks.append(" ".repeat(width + i - marks.length())).append(String.format("%02d", t.getHour()));
            }
        }
        out.println(dates.toString().stripTrailing());
        out.println(marks.toString().stripTrailing());
        for (var e : rows.entrySet()) {
            char[] cells = new char[n];
            java.util.Arrays.fill(cells, ' ');
            long events = 0;
            for (HourCell c : e.getValue()) {
                cells[(int) ((c.hour() - first) / HOUR)] = cell(c);
                events += c.events();
            }
            String label = label(e.getKey());
            out.println(label + " ".repeat(width - label.length()) + new String(cells) + "  " + Formats.number(events) + " events");
        }
    }

    private void byDay(Map<AccountRegion, List<HourCell>> rows) {
        out.println("              000000000011111111112222");
        out.println("              012345678901234567890123");
        for (var e : rows.entrySet()) {
            out.println(label(e.getKey()));
            Map<java.time.LocalDate, char[]> days = new LinkedHashMap<>();
            Map<java.time.LocalDate, Long> events = new LinkedHashMap<>();
            for (HourCell c : e.getValue()) {
                ZonedDateTime t = Instant.ofEpochMilli(c.hour()).atZone(ZoneOffset.UTC);
                char[] day = days.computeIfAbsent(t.toLocalDate(), d -> " ".repeat(24).toCharArray());
                day[t.getHour()] = cell(c);
                events.merge(t.toLocalDate(), c.events(), Long::sum);
            }
            days.forEach((d, cells) -> out.println("  " + d + "  " + new String(cells) + "  "
                    + Formats.number(events.get(d)) + " events"));
        }
    }
}
