package dev.trailindex.ingest;

import java.util.EnumMap;
import java.util.Map;

/** Running tally for one file while it is read. */
final class FileState {
    final String file;
    final EventSink sink;
    long events;
    /** Of {@code events}, those salvaged from a record cut short. */
    long partial;
    /** A break that did not stop the reading (a JSON line cut short, salvaged), if there was one. */
    private Reason broken;
    private String brokenDetail;
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

    /** The file broke at a record that was salvaged, and reading went on (the next JSON line). */
    void broken(Reason reason, String detail) {
        if (broken == null) {
            broken = reason;
            brokenDetail = detail;
        }
    }

    FileOutcome outcome(Reason failure, String detail) {
        if (failure != null) {
            return new FileOutcome(file, events, failure, detail, rejected, null, null, partial);
        }
        if (broken != null) {
            return new FileOutcome(file, events, broken, brokenDetail, rejected, null, null, partial);
        }
        if (events == 0 && rejected.isEmpty() && skipReason != null) {
            return new FileOutcome(file, 0, skipReason, skipDetail, rejected, null, null, 0);
        }
        return new FileOutcome(file, events, null, null, rejected, null, null, 0);
    }
}
