import dev.trailindex.opensearch.OpenSearchBackend;
import dev.trailindex.opensearch.OsConnection;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.schema.Schema;
import dev.trailindex.search.LocalBackend;
import dev.trailindex.search.SearchBackend;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm latencies of the same questions to one backend, in one process through the search seam (what the CLI and the
 * HTTP handler call): a pivot's first page of 100, every event of the pivot, a count, a facet over everything, a time
 * window and a nested value. Median and p95 of RUNS after WARMUP; run it once per backend on the same events.
 *
 * <p>Usage: java -cp 'target/classes:target/lib/*' benchmarks/src/WarmBackends.java (local INDEX | opensearch URL NAME)
 * KEY [WARMUP RUNS]
 */
public class WarmBackends {
    public static void main(String[] args) throws Exception {
        boolean local = args[0].equals("local");
        int at = local ? 2 : 3;
        String key = args[at];
        int warmup = args.length > at + 1 ? Integer.parseInt(args[at + 1]) : 10;
        int runs = args.length > at + 2 ? Integer.parseInt(args[at + 2]) : 30;
        Schema schema = Schema.bundled();
        try (SearchBackend b = local ? LocalBackend.open(Path.of(args[1]), schema)
                : OpenSearchBackend.open(OsConnection.of(args[1], args[2]), schema)) {
            String pivot = "userIdentity.accessKeyId:" + key;
            SearchRequest all = new SearchRequest(pivot, null, null, 1000, Order.NEWEST);
            Map<String, Runnable> cases = new LinkedHashMap<>();
            cases.put("pivot, first 100", () -> b.search(new SearchRequest(pivot, null, null, 100, Order.NEWEST)));
            cases.put("pivot, every event", () -> b.stream(all, e -> { }));
            cases.put("pivot, count", () -> b.count(all));
            cases.put("facet eventName, all", () -> b.facets(new SearchRequest("", null, null, 0, Order.NEWEST), List.of("eventName"), 10));
            // The half hour before the newest event of the key.
            long newest = b.search(new SearchRequest(pivot, null, null, 1, Order.NEWEST)).hits().get(0).time();
            cases.put("time window, 100", () -> b.search(new SearchRequest("", newest - 1_800_000, newest, 100, Order.NEWEST)));
            cases.put("nested value, 100", () -> b.search(new SearchRequest("requestParameters.bucketName:*", null, null, 100, Order.NEWEST)));
            System.out.printf("%s: %,d events of the key, %,d events in all%n", local ? "local" : "opensearch", b.count(all),
                    b.count(new SearchRequest("", null, null, 0, Order.NEWEST)));
            for (Map.Entry<String, Runnable> c : cases.entrySet()) {
                for (int i = 0; i < warmup; i++) {
                    c.getValue().run();
                }
                double[] ms = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    c.getValue().run();
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("%-22s median %8.1f ms  p95 %8.1f ms%n", c.getKey(), ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1]);
            }
        }
    }
}
