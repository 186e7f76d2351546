package dev.trailindex.ingest;

import java.io.IOException;

/** A gzip member cannot be read: not gzip, damaged, or (when {@link #truncated()}) cut short. */
public final class CorruptGzipException extends IOException {
    private final boolean truncated;

    CorruptGzipException(String message, boolean truncated) {
        super(message);
        this.truncated = truncated;
    }

    /** Whether the data simply ends early (a download cut short), rather than being damaged. */
    public boolean truncated() {
        return truncated;
    }
}
