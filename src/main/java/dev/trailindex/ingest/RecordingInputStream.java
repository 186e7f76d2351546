package dev.trailindex.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Passes bytes through to a streaming parser while keeping those from a chosen offset on, so the exact
 * original bytes of an event can be cut out once the parser has found its end. Memory is bounded by the
 * largest kept span plus the parser's read-ahead: callers move {@link #keepFrom(long)} forward as they go.
 */
final class RecordingInputStream extends FilterInputStream {
    private byte[] buf = new byte[64 * 1024];
    /** Stream offset of buf[0]. */
    private long base;
    /** Number of valid bytes in buf. */
    private int len;

    /** Largest span that may be kept: one event. */
    private final int maxKept;
    /** Between events only the last read is kept: the next token's first byte always lies within it. */
    private static final int IDLE_WINDOW = 32 * 1024;
    private boolean idle = true;

    RecordingInputStream(InputStream in, int maxKept) {
        super(in);
        this.maxKept = maxKept;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            ensure(1);
            buf[len++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
        int r = in.read(b, off, n);
        if (r > 0) {
            ensure(r);
            System.arraycopy(b, off, buf, len, r);
            len += r;
        }
        return r;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must still be recorded: read them instead.
        byte[] tmp = new byte[(int) Math.min(n, 8192)];
        int r = read(tmp, 0, tmp.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** No event is being read: keep only a small window, so white space between events costs no memory. */
    void idle() {
        idle = true;
        keepFrom(base + len - IDLE_WINDOW, true);
    }

    /** Bytes before {@code offset} are no longer needed; an event starts there. */
    void keepFrom(long offset) {
        keepFrom(offset, false);
    }

    private void keepFrom(long offset, boolean stayIdle) {
        idle = stayIdle;
        int drop = (int) Math.min(Math.max(offset - base, 0), len);
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, len - drop);
            len -= drop;
            base += drop;
        }
    }

    /** The bytes in [from, to) of the stream, which must not have been dropped. */
    byte[] slice(long from, long to) {
        if (from < base || to > base + len || from > to) {
            throw new IllegalStateException("bytes " + from + ".." + to + " are not held (held " + base + ".." + (base + len) + ")");
        }
        return Arrays.copyOfRange(buf, (int) (from - base), (int) (to - base));
    }

    /** Every byte held from {@code from} on: after a break at the end of input, the record cut short. */
    byte[] sliceFrom(long from) {
        return slice(from, base + len);
    }

    private void ensure(int extra) throws LimitExceededException {
        if (idle && len + extra > IDLE_WINDOW) {
            keepFrom(base + len + extra - IDLE_WINDOW, true);
        }
        if ((long) len + extra > (long) maxKept + 2 * 64 * 1024) {
            // The event being read is larger than any accepted event: stop before it fills the heap.
            throw new LimitExceededException(Reason.EVENT_TOO_LARGE, "an event larger than " + maxKept + " bytes");
        }
        if (len + extra > buf.length) {
            int need = len + extra;
            if (need < 0) {
                throw new IllegalStateException("event too large to hold in memory");
            }
            buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
        }
    }
}
