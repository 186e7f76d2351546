package dev.trailindex.integrity;

/**
 * Why no present digest lists a log file on disk. CloudTrail names a file after its newest event rounded up to five
 * minutes and delivers it within 15 minutes, so a file named T was delivered in {@code [T - 5 min, T + 15 min]}; the
 * digest windows (by delivery time) that span overlaps say where it belongs.
 */
final class UnlistedLogs {
    static final long BEFORE = 5 * 60_000L;
    static final long AFTER = 15 * 60_000L;

    private UnlistedLogs() {
    }

    static UnlistedReason reason(long stamp, Windows.Place w) {
        if (w == null) {
            return UnlistedReason.NO_DIGESTS;
        }
        long start = stamp - BEFORE;
        long end = stamp + AFTER;
        if (w.missing().overlaps(start, end)) {
            return UnlistedReason.IN_MISSING_DIGEST_WINDOW;
        }
        if (w.present().covers(start, end)) {
            return UnlistedReason.IN_COVERED_WINDOW;
        }
        if (w.present().isEmpty()) {
            return UnlistedReason.NO_DIGESTS;
        }
        if (start < w.present().first()) {
            return UnlistedReason.BEFORE_OLDEST_DIGEST;
        }
        if (end > w.present().last()) {
            return UnlistedReason.AFTER_NEWEST_DIGEST;
        }
        return UnlistedReason.IN_UNDIGESTED_GAP;
    }
}
