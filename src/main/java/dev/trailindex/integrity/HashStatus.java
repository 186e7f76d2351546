package dev.trailindex.integrity;

/** A present digest's SHA-256 against the previousDigestHashValue of the digest that names it. */
public enum HashStatus implements Labelled {
    OK,
    MODIFIED,
    /** No present digest names it (the newest of a chain, or the one before a missing digest): nothing vouches for it. */
    UNANCHORED
}
