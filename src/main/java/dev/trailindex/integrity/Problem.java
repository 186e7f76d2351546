package dev.trailindex.integrity;

/**
 * One integrity problem, for the verdict and the grouped listing.
 *
 * @param key    the digest or log file it is about (for a break, the digest after it)
 * @param from   the time it concerns, epoch millis, or null
 * @param to     the end of that time, or null
 * @param detail what is wrong, in words, or null
 */
public record Problem(Kind kind, String key, Long from, Long to, String detail) {

    /** The kinds, in the order a report lists them. */
    public enum Kind implements Labelled {
        MISSING_DIGEST("digests gone"),
        MODIFIED_DIGEST("digests modified"),
        INVALID_SIGNATURE("digest signatures invalid"),
        UNKNOWN_SIGNING_KEY("digests signed by a key not in --public-keys"),
        MOVED_DIGEST("digests not at the key they claim"),
        CORRUPT_DIGEST("digests unreadable or with trailing data"),
        UNLINKED_DIGEST("digests no digest names, inside a chain"),
        UNEXPLAINED_RESTART("chain restarts no StopLogging or DeleteTrail explains"),
        MISSING_LOG("log files gone"),
        MODIFIED_LOG("log files modified"),
        TRAILING_DATA("log files with data after their gzip member"),
        ADDED_LOG("log files added inside a window a digest covers");

        private final String heading;

        Kind(String heading) {
            this.heading = heading;
        }

        /** The heading of its group in the table. */
        public String heading() {
            return heading;
        }
    }
}
