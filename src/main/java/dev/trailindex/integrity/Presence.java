package dev.trailindex.integrity;

/** Whether a digest is on disk. */
public enum Presence implements Labelled {
    PRESENT,
    /** Gone: a present digest names it as its previous one. */
    MISSING,
    /** Gone: deduced from a time hole between a missing digest and the next older one on disk. */
    MISSING_INFERRED
}
