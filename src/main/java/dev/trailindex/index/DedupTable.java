package dev.trailindex.index;

import java.nio.file.Path;

/**
 * Decides, for each event key, whether its event is new, a duplicate, or an earlier copy that must replace the
 * one already written. The copy that comes first in walk order (file, then position) wins whatever thread reads
 * it, so the index holds the same documents however the work was scheduled; events already in the index from an
 * earlier run always win.
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

    /** {@code position} orders events in walk order: file index in the high bits, record in the low. */
    synchronized Decision claim(long keyHash, long position) {
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

    /** Records that this run now holds the copy at {@code position} (it replaced or stands beside a committed one). */
    synchronized void take(long keyHash, long position) {
        seen.put(keyHash, position);
    }

    static long position(int fileIndex, long record) {
        return ((long) fileIndex << 32) | (record & 0xffffffffL);
    }
}
