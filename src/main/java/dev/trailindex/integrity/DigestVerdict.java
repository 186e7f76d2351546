package dev.trailindex.integrity;

/**
 * The verdict on one digest of a chain, present or known to be gone.
 *
 * @param key       its S3 key: the key prefix of its root, then {@code AWSLogs/...}
 * @param where     where it is in the key layout (the predicted key for a missing one)
 * @param facts     what reading it found, or null when it is missing
 * @param hash      null when it is missing
 * @param signature null when it is missing
 * @param format    {@code ok}, {@code trailing-data} (bytes after its gzip member) or {@code corrupt}; null when missing
 * @param moved     it does not sit at the key it claims (or claims another account or time)
 * @param namedBy   the key of the digest that names it as its previous one, or null
 * @param start     its window's start, epoch millis (estimated for a missing one)
 * @param end       its window's end
 * @param logFiles  how many log files it lists; -1 when unknown
 * @param detail    what is wrong with it, in words, or null
 */
public record DigestVerdict(String key, DigestKey where, int root, DigestFacts facts, Presence presence, HashStatus hash,
        SignatureStatus signature, String format, boolean moved, String namedBy, long start, long end, int logFiles,
        String detail) {

    static final String FORMAT_OK = "ok";
    static final String FORMAT_TRAILING = "trailing-data";
    static final String FORMAT_CORRUPT = "corrupt";

    public boolean present() {
        return presence == Presence.PRESENT;
    }

    /** Whether its own bytes, place or signature show tampering (a missing digest is reported on its own). */
    public boolean tampered() {
        return present() && (hash == HashStatus.MODIFIED || signature == SignatureStatus.INVALID || moved
                || !FORMAT_OK.equals(format));
    }

    /** What its listed log files may rely on. */
    Trust trust() {
        if (tampered()) {
            return Trust.UNTRUSTED;
        }
        if (signature == SignatureStatus.VALID) {
            return Trust.AUTHENTICATED;
        }
        return hash == HashStatus.OK ? Trust.CHAIN_CONSISTENT : Trust.UNANCHORED;
    }

    /** Whether it starts a chain segment (names no previous digest). */
    boolean starting() {
        return facts != null && facts.content() != null && facts.content().starting();
    }
}
