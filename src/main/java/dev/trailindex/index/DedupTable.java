package dev.trailindex.index;

import java.nio.file.Path;

/**
 * Decides, for each event key, whether its event is new, a duplicate, or a better copy that must replace the one
 * already written. A whole copy beats a partial one (cut short in a broken file); among equals the copy that comes
 * first in walk order (file, then position) wins whatever thread reads it, so the index holds the same documents
 * however the work was scheduled. For keys committed by an earlier run the caller decides with the committed copy.
 */
final class DedupTable implements AutoCloseable {
    /** Position of events committed by an earlier run: before every position of this run. */
    static final long EARLIER_RUN = -1L;
    private static final long ABSENT = Long.MIN_VALUE;

    /** COMMITTED: the key was in the index before this run; the caller decides with the committed copy. */
    enum Decision { NEW, DUPLICATE, REPLACE, COMMITTED }

    private final LongLongMap seen;

    /** A table that spills to a file in {@code spillDir} past a few million keys (null: stays on the heap). */
    DedupTable(Path spillDir) {
        this.seen = new LongLongMap(spillDir, LongLongMap.HEAP_SLOTS);
    }

    @Override
    public synchronized void close() {
        seen.close();
    }

    /** Remembers a key that the index held before this run. */
    synchronized void preload(long keyHash) {
        seen.put(keyHash, EARLIER_RUN);
    }

    /**
     * {@code rank} orders the copies of one event (see {@link #rank}): the lowest wins. Whole copies before partial
     * ones, then walk order.
     */
    synchronized Decision claim(long keyHash, long rank) {
        long position = rank;
        long prior = seen.get(keyHash, ABSENT);
        if (prior == ABSENT) {
            seen.put(keyHash, position);
            return Decision.NEW;
        }
        if (prior == EARLIER_RUN) {
            return Decision.COMMITTED;
        }
        if (position < prior) {
            seen.put(keyHash, position);
            return Decision.REPLACE;
        }
        return Decision.DUPLICATE;
    }

    /** Records that this run now holds the copy of {@code rank} (it replaced or stands beside a committed one). */
    synchronized void take(long keyHash, long rank) {
        seen.put(keyHash, rank);
    }

    /** Set in a rank for a copy cut short: any whole copy, wherever it is in walk order, ranks before it. */
    private static final long PARTIAL = 1L << 62;

    /**
     * A copy's rank: whether it is partial in bit 62, then its place in walk order (file index in bits 32 to 61,
     * record in the low 32), so comparing ranks puts whole copies first and walk order decides among equals.
     */
    static long rank(int fileIndex, long record, boolean partial) {
        if (fileIndex >= 1 << 30) {
            throw new IllegalStateException("more than 2^30 files in one run");
        }
        return (partial ? PARTIAL : 0) | ((long) fileIndex << 32) | (record & 0xffffffffL);
    }
}
