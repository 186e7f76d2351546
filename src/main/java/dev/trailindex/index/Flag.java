package dev.trailindex.index;

import java.util.Locale;

/** Data-quality flags recorded on a document, so odd events stay findable instead of being dropped. */
public enum Flag {
    /** No event time at all. */
    TIME_MISSING,
    /** An event time that is not a time (e.g. "redacted"). */
    TIME_UNPARSEABLE,
    /** A time without a zone, read as UTC. */
    TIME_NO_ZONE,
    /** The time came from a fallback source (e.g. Logstash's @timestamp), not eventTime. */
    TIME_FALLBACK,
    /** A value was too long to index whole and was cut. */
    TRUNCATED,
    /** The event has no eventID; its key is a hash of its content. */
    NO_EVENT_ID,
    /** The eventID is a number, array or object, not a string: it is not used as the key (no-event-id is set too). */
    EVENT_ID_NOT_A_STRING,
    /** Cut short in a broken file: only its whole top-level fields are indexed; its raw original is the cut bytes. */
    PARTIAL,
    /** Other copies of this eventID differ from this one; each is kept ({@code show --all-copies}). */
    CONFLICTING_COPIES;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
