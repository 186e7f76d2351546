package dev.trailindex.integrity;

/** One UTC hour of one account and region, worst first as they combine: an hour is the worst of what overlaps it. */
public enum HourStatus implements Labelled {
    /** A digest covering part of it is gone. */
    MISSING_DIGEST,
    /** A digest covering part of it is modified, badly signed, or moved, or one of its log files is not valid, or a log
     * file was added in it. */
    TAMPERED,
    /** Part of it is covered by no digest. */
    NO_DIGEST,
    /** Covered by digests whose hashes check out but whose signatures were not verified. */
    HASH_ONLY,
    /** Covered by digests with valid signatures. */
    VERIFIED,
    /** Covered by intact digests that list no log file: proof that nothing was delivered. */
    EMPTY
}
