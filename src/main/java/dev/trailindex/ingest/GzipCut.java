package dev.trailindex.ingest;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * A gzip stream that ends where its data breaks (a truncated download, a corrupt block) instead of throwing: the
 * parser then meets the end of input right after the last byte that could be inflated, exactly as for a plain file
 * cut there, so the event cut short can be salvaged the same way. Why it ended is kept for the file's outcome.
 */
final class GzipCut extends FilterInputStream {
    private Reason reason;
    private String detail;

    GzipCut(InputStream gzip) {
        super(gzip);
    }

    /** Why the data ended early, or null if it did not. */
    Reason reason() {
        return reason;
    }

    String detail() {
        return detail;
    }

    @Override
    public int read() throws IOException {
        if (reason != null) {
            return -1;
        }
        try {
            return in.read();
        } catch (CorruptGzipException e) {
            return cut(e.truncated() ? Reason.TRUNCATED_GZIP : Reason.CORRUPT_GZIP, e);
        } catch (EOFException e) {
            return cut(Reason.TRUNCATED_GZIP, e);
        } catch (ZipException e) {
            return cut(Reason.CORRUPT_GZIP, e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (reason != null) {
            return -1;
        }
        try {
            return in.read(b, off, len);
        } catch (CorruptGzipException e) {
            return cut(e.truncated() ? Reason.TRUNCATED_GZIP : Reason.CORRUPT_GZIP, e);
        } catch (EOFException e) {
            return cut(Reason.TRUNCATED_GZIP, e);
        } catch (ZipException e) {
            return cut(Reason.CORRUPT_GZIP, e);
        }
    }

    @Override
    public int available() throws IOException {
        return reason != null ? 0 : in.available();
    }

    private int cut(Reason why, IOException e) {
        reason = why;
        detail = e.getMessage();
        return -1;
    }
}
