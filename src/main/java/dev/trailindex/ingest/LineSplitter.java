package dev.trailindex.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Splits a byte stream into lines without ever holding more than one line of at most {@code maxLine} bytes. */
final class LineSplitter {
    /**
     * One line, without its line terminator.
     *
     * @param bytes   the line (empty when too long)
     * @param offset  byte offset of its first byte in the stream
     * @param number  1-based line number
     * @param tooLong whether it exceeded the limit (its bytes were dropped)
     */
    record Line(byte[] bytes, long offset, long number, boolean tooLong) {
        boolean blank() {
            for (byte b : bytes) {
                if (!(b == ' ' || b == '\t' || b == '\r')) {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxLine;
    private final byte[] chunk = new byte[64 * 1024];
    private int pos;
    private int end;
    private long consumed;
    private long number;
    private boolean eof;

    LineSplitter(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line, or null at end of input. */
    Line next() throws IOException {
        if (eof && pos >= end) {
            return null;
        }
        long start = consumed;
        number++;
        byte[] acc = new byte[256];
        int len = 0;
        boolean tooLong = false;
        while (true) {
            if (pos >= end && !fill()) {
                if (len == 0 && !tooLong) {
                    return start == consumed ? null : new Line(new byte[0], start, number, false);
                }
                break;
            }
            int nl = indexOf(chunk, pos, end, (byte) '\n');
            int stop = nl < 0 ? end : nl;
            int n = stop - pos;
            if (!tooLong) {
                if ((long) len + n > maxLine) {
                    tooLong = true;
                    len = 0;
                } else {
                    if (len + n > acc.length) {
                        acc = Arrays.copyOf(acc, Math.max(len + n, acc.length * 2));
                    }
                    System.arraycopy(chunk, pos, acc, len, n);
                    len += n;
                }
            }
            consumed += n;
            pos = stop;
            if (nl >= 0) {
                pos++;
                consumed++;
                break;
            }
        }
        return new Line(tooLong ? new byte[0] : Arrays.copyOf(acc, len), start, number, tooLong);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int r = in.read(chunk, 0, chunk.length);
        if (r <= 0) {
            eof = true;
            pos = end = 0;
            return false;
        }
        pos = 0;
        end = r;
        return true;
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
