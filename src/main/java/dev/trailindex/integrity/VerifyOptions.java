package dev.trailindex.integrity;

/**
 * How to verify.
 *
 * @param keys       the public keys to check signatures with ({@link PublicKeyRing#none()} for none)
 * @param signatures saved digest signatures ({@link SignatureStore#none()} for none)
 * @param from       only digests ending at or after this time and log files named at or after it, epoch millis, or null
 * @param to         only up to this time (exclusive), or null
 * @param threads    files read at once
 * @param progress   told how far a long run is every two seconds, or null
 * @param indexed    the files an index has read ({@code verify --index}): a log file it read whole and that has not
 *                   changed since (same size and modification time) is not read again; null to read every file
 */
public record VerifyOptions(PublicKeyRing keys, SignatureStore signatures, Long from, Long to, int threads,
        Progress progress, dev.trailindex.index.IndexedFiles indexed) {

    public VerifyOptions(PublicKeyRing keys, SignatureStore signatures, Long from, Long to, int threads, Progress progress) {
        this(keys, signatures, from, to, threads, progress, null);
    }

    /** Progress of a run. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} files of {@code phase} ("digests", "log files") are read. */
        void update(String phase, long done, long total);
    }

    public static VerifyOptions defaults() {
        return new VerifyOptions(PublicKeyRing.none(), SignatureStore.none(), null, null,
                Runtime.getRuntime().availableProcessors(), null);
    }

    long fromMillis() {
        return from == null ? Long.MIN_VALUE : from;
    }

    long toMillis() {
        return to == null ? Long.MAX_VALUE : to;
    }
}
