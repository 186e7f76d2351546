package dev.trailindex.integrity;

/**
 * A discontinuity in a chain.
 *
 * @param kind        {@code missing-digests}, {@code restart} (a starting digest after older ones) or {@code unlinked}
 *                    (a digest inside a chain that no digest names)
 * @param after       the key of the present digest before it, or null
 * @param before      the key of the present digest after it, or null
 * @param from        where the break begins, epoch millis
 * @param to          where it ends
 * @param missing     how many digests are gone in it
 * @param stoppedBy   the StopLogging or DeleteTrail event found for a restart, or null
 * @param stopListed  whether a present digest lists the log file holding {@code stoppedBy}: CloudTrail's final digest
 *                    covers the stop, so an unlisted one means that final digest is gone
 * @param restartedBy the StartLogging or CreateTrail event that began the new segment, or null
 * @param note        more, in words, or null
 */
public record ChainBreak(String kind, String chain, String after, String before, long from, long to, int missing,
        TrailEvent stoppedBy, boolean stopListed, TrailEvent restartedBy, String note) {
    static final String MISSING_DIGESTS = "missing-digests";
    static final String RESTART = "restart";
    static final String UNLINKED = "unlinked";

    /** Whether it is an integrity problem: anything but a restart that a digested StopLogging or DeleteTrail explains. */
    public boolean problem() {
        return !RESTART.equals(kind) || !explained();
    }

    /** Whether a StopLogging or DeleteTrail that a present digest lists explains it. */
    public boolean explained() {
        return stoppedBy != null && stopListed;
    }
}
