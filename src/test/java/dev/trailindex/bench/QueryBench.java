package dev.trailindex.bench;

import dev.trailindex.query.JsonViews;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.query.StoredEvent;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.search.LocalBackend;
import dev.trailindex.schema.Schema;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Warm queries in one process: each question is asked 30 times to warm up, then 200 times measured; prints the
 * median and p95 in milliseconds as JSON lines. Run by benchmarks/run.sh:
 * {@code QueryBench INDEX NAME=QUERY...}; a NAME starting with "facet" counts eventName over the query's events, a NAME
 * starting with "all" reads every match as the CLI's {@code search --limit all --format ndjson} does (pages of 1,000,
 * each event's original JSON), fewer runs since it loads thousands of events.
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
                long[] bytes = new long[1];
                Runnable work = name.startsWith("facet")
                        ? () -> search.facets(SearchRequest.of(q), List.of("eventName"), 10)
                        : name.startsWith("all")
                        ? () -> bytes[0] = everything(search, q)
                        : () -> search.search(new SearchRequest(q, null, null, 100, Order.NEWEST)).hits().size();
                long hits = search.count(SearchRequest.of(q));
                int runs = name.startsWith("all") ? 30 : RUNS;
                for (int i = 0; i < (name.startsWith("all") ? 5 : WARMUP); i++) {
                    work.run();
                }
                long[] t = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long s = System.nanoTime();
                    work.run();
                    t[i] = System.nanoTime() - s;
                }
                Arrays.sort(t);
                System.out.printf("{\"name\":\"%s\",\"query\":\"%s\",\"hits\":%d,\"median_ms\":%.3f,\"p95_ms\":%.3f,\"runs\":%d,\"bytes\":%d}%n", name,
                        q.replace("\\", "\\\\").replace("\"", "\\\""), hits, t[runs / 2] / 1e6, t[(int) (runs * 0.95)] / 1e6, runs, bytes[0]);
            }
        }
    }

    /** Every match's original event, page after page of 1,000 as the CLI reads them; returns the bytes written. */
    static long everything(SearchBackend search, String q) {
        SearchRequest req = new SearchRequest(q, null, null, 1000, Order.NEWEST);
        long n = 0;
        for (SearchResult page = search.search(req); ; page = search.search(req.page(page.nextCursor()))) {
            for (StoredEvent e : page.hits()) {
                n += JsonViews.bareEvent(search.schema(), e).length + 1;
            }
            if (page.nextCursor() == null) {
                return n;
            }
        }
    }
}
