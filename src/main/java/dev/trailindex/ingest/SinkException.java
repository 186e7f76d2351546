package dev.trailindex.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Carries a failure of the {@link EventSink} (the index, not the input) out of the reader. */
public final class SinkException extends UncheckedIOException {
    public SinkException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
