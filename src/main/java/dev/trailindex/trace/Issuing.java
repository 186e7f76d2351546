package dev.trailindex.trace;

import dev.trailindex.query.Row;
import dev.trailindex.schema.TraceFields;
import java.util.ArrayList;
import java.util.List;

/** The logged call that issued one key: all its copies (a cross-account call is logged in both accounts). */
final class Issuing {
    private static final String AWS_SERVICE = "AWSService";

    final List<String> eventIds = new ArrayList<>();
    String eventName;
    String callerKey;
    String principal;
    String issuedTo;
    boolean service;
    Long time;

    static List<String> fields(TraceFields f) {
        return List.of(f.issuedKey().name(), f.issuedTo().name(), f.accessKey().name(), f.arn().name(),
                f.identityType().name(), f.invokedBy().name(), f.action().name());
    }

    void add(Row r, TraceFields f) {
        eventIds.add(r.key());
        if (time == null || (r.time() != null && r.time() < time)) {
            time = r.time();
        }
        String key = KeyFacts.upper(r.first(f.accessKey().name()));
        if (callerKey == null && key != null) {
            callerKey = key;
            eventName = r.first(f.action().name());
            principal = r.first(f.arn().name());
        }
        if (eventName == null) {
            eventName = r.first(f.action().name());
        }
        String invokedBy = r.first(f.invokedBy().name());
        if (key == null && (AWS_SERVICE.equals(r.first(f.identityType().name())) || invokedBy != null)) {
            service = true;
            if (principal == null) {
                principal = invokedBy;
            }
        }
        if (principal == null && key == null && r.first(f.arn().name()) != null) {
            principal = r.first(f.arn().name());
        }
        if (issuedTo == null) {
            for (String to : r.get(f.issuedTo().name())) {
                if (to.startsWith("arn:")) {
                    issuedTo = to;
                    break;
                }
            }
        }
    }

    Trace.Issue issue() {
        return new Trace.Issue(eventName, List.copyOf(eventIds), callerKey, principal, time);
    }
}
