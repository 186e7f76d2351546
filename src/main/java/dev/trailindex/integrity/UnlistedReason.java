package dev.trailindex.integrity;

/**
 * Why no present digest lists a log file on disk, from the time in its name T: CloudTrail delivers it within
 * {@code [T, T + 15 min]}, so that is the delivery window it must fall in.
 */
public enum UnlistedReason implements Labelled {
    /** That window overlaps the window of a digest that is gone: it cannot be checked. */
    IN_MISSING_DIGEST_WINDOW,
    /** It starts before the oldest digest of its account and region (logged before validation began). */
    BEFORE_OLDEST_DIGEST,
    /** It ends after the newest digest: not yet digested. */
    AFTER_NEWEST_DIGEST,
    /** It falls between two chain segments, when no digests were written (logging or validation was off). */
    IN_UNDIGESTED_GAP,
    /** Present digests cover the whole window and none lists it: it was added after the fact. */
    IN_COVERED_WINDOW,
    /** No digest of its account and region was found at all. */
    NO_DIGESTS
}
