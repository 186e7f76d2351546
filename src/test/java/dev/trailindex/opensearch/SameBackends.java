package dev.trailindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trailindex.TestSupport;
import dev.trailindex.query.IndexStats;
import dev.trailindex.search.SearchBackend;
import java.nio.file.Path;
import java.util.function.Function;

/** One input in a local index and on the shared test node, and the comparison of their answers. */
record SameBackends(String input, SearchBackend local, SearchBackend cluster) {
    /** Calls compared so far in this run, for the report. */
    static final java.util.concurrent.atomic.AtomicLong COMPARED = new java.util.concurrent.atomic.AtomicLong();

    static Path dir(String input) {
        return switch (input) {
            case "samples" -> TestSupport.SAMPLES;
            case "corpus" -> TestSupport.corpus();
            default -> Path.of(input);
        };
    }

    static SameBackends of(String input) throws Exception {
        Path dir = dir(input);
        return new SameBackends(input, TestSupport.indexed(dir).search(), OsTestIndex.backend(dir));
    }

    /** Both backends give the same answer (or the same one-line error) to {@code call}. */
    void same(String what, Function<SearchBackend, ?> call) {
        String want = Views.outcome(() -> call.apply(local));
        String got = Views.outcome(() -> call.apply(cluster));
        COMPARED.incrementAndGet();
        assertEquals(want, got, input + ": " + what);
    }

    /** The middle third of the events' time span, or null when they have no times. */
    long[] span() {
        IndexStats s = local.stats(1);
        if (s.first() == null || s.last() == null || s.last() - s.first() < 3) {
            return null;
        }
        long third = (s.last() - s.first()) / 3;
        return new long[] {s.first() + third, s.first() + 2 * third};
    }
}
