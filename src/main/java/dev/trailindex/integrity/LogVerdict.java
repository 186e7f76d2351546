package dev.trailindex.integrity;

/**
 * The verdict on one log file, listed by a digest or found on disk.
 *
 * @param key    its S3 key
 * @param where  where it is in the key layout
 * @param reason why no digest lists it, for {@link LogStatus#NOT_IN_ANY_DIGEST}; else null
 * @param digest the key of the digest that lists it, or null
 * @param trust  how far that digest can be trusted; null when none lists it
 * @param events events read from it (0 when it is missing)
 * @param detail what is wrong with it, in words, or null
 */
public record LogVerdict(String key, LogKey where, int root, LogStatus status, UnlistedReason reason, String digest,
        Trust trust, long events, String detail) {

    LogVerdict withReason(UnlistedReason r) {
        String why = r != UnlistedReason.IN_COVERED_WINDOW ? detail : "present digests cover all of the time it can have "
                + "been delivered in, and none lists it" + (detail == null ? "" : "; " + detail);
        return new LogVerdict(key, where, root, status, r, digest, trust, events, why);
    }

    /** Whether it is evidence of tampering: changed, gone, appended to, or added inside a covered window. */
    public boolean problem() {
        return status.problem() || reason == UnlistedReason.IN_COVERED_WINDOW;
    }
}
