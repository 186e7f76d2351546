package dev.trailindex.integrity;

/** How far the digest that lists a log file can be trusted, best last. */
public enum Trust implements Labelled {
    /** The listing digest is modified, badly signed or moved. */
    UNTRUSTED,
    /** Nothing vouches for the listing digest (the newest of its chain, without a saved signature). */
    UNANCHORED,
    /** The listing digest's hash matches the digest after it. */
    CHAIN_CONSISTENT,
    /** The listing digest's signature is valid. */
    AUTHENTICATED
}
