package dev.trailindex.integrity;

/** A log file's verdict. */
public enum LogStatus implements Labelled {
    /** Listed by a digest, present, its hash matches, one gzip member and nothing after it. */
    VALID,
    /** Listed, present, but its content is not what was hashed (or cannot be read). */
    MODIFIED,
    /** Listed, not on disk. */
    MISSING,
    /** On disk, listed by no present digest (see {@link UnlistedReason}). */
    NOT_IN_ANY_DIGEST,
    /** Listed, its first gzip member matches, but more bytes follow it (an appended member or other data). */
    TRAILING_DATA;

    boolean problem() {
        return this == MODIFIED || this == MISSING || this == TRAILING_DATA;
    }
}
