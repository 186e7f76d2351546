package dev.trailindex.integrity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hour-by-hour coverage of each account and region: what the digests prove about every UTC hour (the worst of what
 * overlaps it, see {@link HourStatus}), and how many events the log files hold for it. Digest windows are offset from
 * clock hours, so one bad digest marks two hours.
 */
final class Coverage {
    static final long HOUR = ChainBuilder.HOUR;
    /** At most this many hours (three years) per row; older ones are left out, and said. */
    static final int MAX_HOURS = 3 * 366 * 24;

    private final Windows windows;
    private final Set<String> digestsWithBadLogs = new HashSet<>();
    private final Map<AccountRegion, TreeSet<Long>> addedLogHours = new java.util.HashMap<>();
    private final Map<AccountRegion, TreeSet<Long>> logHours = new java.util.HashMap<>();
    private final List<ChainBreak> stops;
    private final Map<String, AccountRegion> chainPlaces = new java.util.HashMap<>();
    private final long from;
    private final long to;
    private boolean truncated;

    Coverage(List<Chain> chains, List<LogVerdict> logs, KeyPrefixes prefixes, List<ChainBreak> breaks, long from, long to) {
        this.windows = new Windows(chains);
        this.from = from;
        this.to = to;
        for (Chain c : chains) {
            chainPlaces.put(c.name(), c.place());
        }
        this.stops = breaks.stream().filter(b -> ChainBreak.RESTART.equals(b.kind()) && b.explained()).toList();
        for (LogVerdict l : logs) {
            if (l.where() == null) {
                continue;
            }
            AccountRegion p = prefixes.place(l.root(), l.where());
            long hour = floor(l.where().stamp());
            logHours.computeIfAbsent(p, x -> new TreeSet<>()).add(hour);
            if (l.status().problem() && l.digest() != null) {
                digestsWithBadLogs.add(l.digest());
            }
            if (l.reason() == UnlistedReason.IN_COVERED_WINDOW) {
                addedLogHours.computeIfAbsent(p, x -> new TreeSet<>()).add(hour);
            }
        }
    }

    /** Whether some row was longer than {@link #MAX_HOURS} and its oldest hours were left out. */
    boolean truncated() {
        return truncated;
    }

    /** Every hour of every row, rows in order of their label, hours oldest first. */
    List<HourCell> cells(EventTally tally) {
        Set<AccountRegion> places = new TreeSet<>(Comparator.comparing(AccountRegion::label).thenComparingInt(AccountRegion::root));
        places.addAll(windows.places());
        places.addAll(logHours.keySet());
        places.addAll(tally.places());
        List<HourCell> out = new ArrayList<>();
        for (AccountRegion p : places) {
            out.addAll(row(p, tally.hours(p)));
        }
        return out;
    }

    private List<HourCell> row(AccountRegion p, TreeMap<Long, Long> events) {
        Windows.Place w = windows.of(p);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        if (w != null) {
            for (DigestVerdict d : w.digests()) {
                first = Math.min(first, d.start());
                last = Math.max(last, d.end() - 1);
            }
        }
        TreeSet<Long> stamps = logHours.getOrDefault(p, new TreeSet<>());
        if (!stamps.isEmpty()) {
            first = Math.min(first, stamps.first());
            last = Math.max(last, stamps.last());
        }
        if (first == Long.MAX_VALUE) {
            return List.of();
        }
        long start = from == Long.MIN_VALUE ? floor(first) : Math.max(floor(first), floor(from));
        long end = Math.min(floor(last), to == Long.MAX_VALUE ? Long.MAX_VALUE : floor(to - 1));
        if (end >= start && (end - start) / HOUR >= MAX_HOURS) {
            start = end - (MAX_HOURS - 1) * HOUR;
            truncated = true;
        }
        if (end < start) {
            return List.of();
        }
        HourStatus[] status = statuses(p, w, start, (int) ((end - start) / HOUR) + 1);
        List<HourCell> out = new ArrayList<>(status.length);
        for (int i = 0; i < status.length; i++) {
            long h = start + i * HOUR;
            out.add(new HourCell(p, h, status[i], events.getOrDefault(h, 0L), stopped(p, h)));
        }
        return out;
    }

    /** The status of {@code n} hours from {@code start}: each digest marks the hours it overlaps, then gaps and additions. */
    private HourStatus[] statuses(AccountRegion p, Windows.Place w, long start, int n) {
        HourStatus[] worst = new HourStatus[n];
        boolean[] busy = new boolean[n];
        java.util.Arrays.fill(worst, HourStatus.VERIFIED);
        for (DigestVerdict d : w == null ? List.<DigestVerdict>of() : w.digests()) {
            long lo = Math.max(0, (floor(d.start()) - start) / HOUR);
            long hi = Math.min(n - 1, (floor(d.end() - 1) - start) / HOUR);
            for (long i = lo; i <= hi; i++) {
                worst[(int) i] = worse(worst[(int) i], window(d));
                busy[(int) i] |= !d.present() || d.logFiles() != 0;
            }
        }
        TreeSet<Long> added = addedLogHours.getOrDefault(p, new TreeSet<>());
        for (int i = 0; i < n; i++) {
            long h = start + i * HOUR;
            long covered = w == null ? 0 : w.present().coveredWithin(h, h + HOUR) + w.missing().coveredWithin(h, h + HOUR);
            if (covered < HOUR) {
                worst[i] = worse(worst[i], HourStatus.NO_DIGEST);
            }
            if (added.contains(h)) {
                worst[i] = worse(worst[i], HourStatus.TAMPERED);
            }
            if (!busy[i] && (worst[i] == HourStatus.VERIFIED || worst[i] == HourStatus.HASH_ONLY)) {
                worst[i] = HourStatus.EMPTY;
            }
        }
        return worst;
    }

    private HourStatus window(DigestVerdict d) {
        if (!d.present()) {
            return HourStatus.MISSING_DIGEST;
        }
        if (d.tampered() || digestsWithBadLogs.contains(d.key())) {
            return HourStatus.TAMPERED;
        }
        return d.signature() == SignatureStatus.VALID ? HourStatus.VERIFIED : HourStatus.HASH_ONLY;
    }

    private boolean stopped(AccountRegion p, long h) {
        for (ChainBreak b : stops) {
            if (p.equals(chainPlaces.get(b.chain())) && b.from() < h + HOUR && b.to() > h) {
                return true;
            }
        }
        return false;
    }

    private static HourStatus worse(HourStatus a, HourStatus b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    static long floor(long t) {
        return Math.floorDiv(t, HOUR) * HOUR;
    }
}
