package dev.trailindex.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than {@code max} bytes have been read: a small gzip'd file cannot inflate without end. */
final class BoundedInputStream extends FilterInputStream {
    private final long max;
    private long count;

    BoundedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            check(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            check(n);
        }
        return n;
    }

    private void check(int n) throws LimitExceededException {
        count += n;
        if (count > max) {
            throw new LimitExceededException(Reason.FILE_TOO_LARGE, "more than " + max + " bytes after decompression");
        }
    }
}
