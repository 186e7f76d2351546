package dev.trailindex.bench;

import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import dev.trailindex.schema.Schema;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Warm queries in one process: each question is asked 30 times to warm up, then 200 times measured; prints the
 * median and p95 in milliseconds as JSON lines. Run by benchmarks/run.sh:
 * {@code QueryBench INDEX NAME=QUERY...}; a NAME starting with "facet" counts eventName over the query's events.
 */
public final class QueryBench {
    private static final int WARMUP = 30;
    private static final int RUNS = 200;

    public static void main(String[] args) throws Exception {
        try (SearchBackend search = LocalBackend.open(Path.of(args[0]), Schema.bundled())) {
            for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
                int eq = arg.indexOf('=');
                String name = arg.substring(0, eq);
                String q = arg.substring(eq + 1);
                Runnable work = name.startsWith("facet")
                        ? () -> search.facets(SearchRequest.of(q), List.of("eventName"), 10)
                        : () -> search.search(new SearchRequest(q, null, null, 100, Order.NEWEST)).hits().size();
                long hits = search.count(SearchRequest.of(q));
                for (int i = 0; i < WARMUP; i++) {
                    work.run();
                }
                long[] t = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long s = System.nanoTime();
                    work.run();
                    t[i] = System.nanoTime() - s;
                }
                Arrays.sort(t);
                System.out.printf("{\"name\":\"%s\",\"query\":\"%s\",\"hits\":%d,\"median_ms\":%.3f,\"p95_ms\":%.3f}%n", name,
                        q.replace("\\", "\\\\").replace("\"", "\\\""), hits, t[RUNS / 2] / 1e6, t[(int) (RUNS * 0.95)] / 1e6);
            }
        }
    }
}
