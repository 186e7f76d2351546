package dev.trailindex.query;

/** Result order. */
public enum Order {
    /** Newest event first (the default), eventID breaking ties. */
    NEWEST,
    /** Oldest event first, eventID breaking ties. */
    OLDEST,
    /** Best match first. */
    RELEVANCE
}
