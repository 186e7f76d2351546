package dev.trailindex.opensearch;

import static org.junit.jupiter.api.Assertions.fail;

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
        if (!want.equals(got)) {
            fail(input + ": " + what + ": " + firstDifference(want, got));
        }
    }

    /** Where two long answers part, in a few lines (whole pages of base64 would not fit a report). */
    static String firstDifference(String want, String got) {
        String[] a = want.split("\n", -1);
        String[] b = got.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + " of " + a.length + "/" + b.length + "\n  local:   " + cut(x) + "\n  cluster: " + cut(y);
            }
        }
        return "same lines";
    }

    private static String cut(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
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
