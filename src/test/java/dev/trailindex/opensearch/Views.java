package dev.trailindex.opensearch;

import dev.trailindex.query.QueryException;
import dev.trailindex.query.SearchResult;
import dev.trailindex.query.StoredEvent;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/** Answers of a backend as comparable text: values as their records print, events with their exact bytes, errors as their line. */
final class Views {
    private Views() {
    }

    /** The answer, or the one-line error a backend gave instead. */
    static String outcome(Supplier<?> call) {
        try {
            Object v = call.get();
            return "ok " + (v instanceof SearchResult r ? page(r) : v instanceof java.util.Optional<?> o
                    ? o.map(e -> event((StoredEvent) e)).orElse("none") : String.valueOf(v));
        } catch (QueryException e) {
            return "error " + e.getMessage();
        }
    }

    static String event(StoredEvent e) {
        return e.key() + " | " + e.file() + " #" + e.record() + " @" + e.offset() + " L" + e.line() + " t=" + e.time()
                + " " + e.flags() + " | " + Base64.getEncoder().encodeToString(e.json());
    }

    static String events(List<StoredEvent> events) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(event(e)));
        return String.join("\n", out);
    }

    static String page(SearchResult r) {
        return r.total() + " hits, next " + r.nextCursor() + "\n" + events(r.hits());
    }
}
