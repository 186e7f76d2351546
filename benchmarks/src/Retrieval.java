import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.query.StoredEvent;
import dev.trailindex.schema.Schema;
import dev.trailindex.search.LocalBackend;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Warm retrieval of every event of one query in one process: the one-pass stream (what `search --limit all` and
 * export use now) and pages of 1,000 (what they did before), median and p95 of RUNS after WARMUP.
 *
 * <p>Usage: java -cp 'target/classes:target/lib/*' benchmarks/src/Retrieval.java INDEX QUERY [WARMUP RUNS]
 */
public class Retrieval {
    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        String query = args[1];
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        try (LocalBackend b = LocalBackend.open(index, Schema.bundled())) {
            SearchRequest req = new SearchRequest(query, null, null, 1000, Order.NEWEST);
            long[] bytes = new long[1];
            Runnable stream = () -> b.stream(req, e -> bytes[0] += e.json().length);
            Runnable pages = () -> {
                SearchResult page = b.search(req);
                while (true) {
                    for (StoredEvent e : page.hits()) {
                        bytes[0] += e.json().length;
                    }
                    if (page.nextCursor() == null) {
                        break;
                    }
                    page = b.search(req.page(page.nextCursor()));
                }
            };
            Runnable count = () -> b.count(req);
            System.out.printf("%s: %,d events%n", query, b.count(req));
            for (String name : new String[] {"stream", "pages", "count"}) {
                Runnable r = name.equals("stream") ? stream : name.equals("pages") ? pages : count;
                for (int i = 0; i < warmup; i++) {
                    r.run();
                }
                double[] ms = new double[runs];
                for (int i = 0; i < runs; i++) {
                    bytes[0] = 0;
                    long t = System.nanoTime();
                    r.run();
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("%-7s median %8.1f ms  p95 %8.1f ms  (%,d bytes of JSON a run)%n", name, ms[runs / 2],
                        ms[(int) Math.ceil(runs * 0.95) - 1], bytes[0]);
            }
        }
    }
}
