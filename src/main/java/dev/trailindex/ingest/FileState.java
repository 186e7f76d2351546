package dev.trailindex.ingest;

import java.util.EnumMap;
import java.util.Map;

/** Running tally for one file while it is read. */
final class FileState {
    final String file;
    final EventSink sink;
    long events;
    final Map<Reason, Long> rejected = new EnumMap<>(Reason.class);
    /** Why the file held nothing usable, if it turns out so (first non-event value seen). */
    Reason skipReason;
    String skipDetail;

    FileState(String file, EventSink sink) {
        this.file = file;
        this.sink = sink;
    }

    void reject(Reason reason) {
        rejected.merge(reason, 1L, Long::sum);
    }

    void notEvents(Reason reason, String detail) {
        if (skipReason == null) {
            skipReason = reason;
            skipDetail = detail;
        }
    }

    FileOutcome outcome(Reason failure, String detail) {
        if (failure != null) {
            return new FileOutcome(file, events, failure, detail, rejected, null);
        }
        if (events == 0 && rejected.isEmpty() && skipReason != null) {
            return new FileOutcome(file, 0, skipReason, skipDetail, rejected, null);
        }
        return new FileOutcome(file, events, null, null, rejected, null);
    }
}
