package dev.trailindex.ingest;

import java.io.IOException;

/** Input went past one of the {@link IngestLimits}; the file is reported with this reason and the run goes on. */
final class LimitExceededException extends IOException {
    final Reason reason;

    LimitExceededException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }
}
