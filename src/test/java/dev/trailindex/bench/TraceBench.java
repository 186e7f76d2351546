package dev.trailindex.bench;

import dev.trailindex.schema.Schema;
import dev.trailindex.search.LocalBackend;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.trace.Trace;
import dev.trailindex.trace.Tracer;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Warm traces in one process: each credential is traced 30 times to warm up, then 200 times measured; prints the
 * chain length, keys, median and p95 in milliseconds as JSON lines. Run by benchmarks/trace.sh:
 * {@code TraceBench INDEX CREDENTIAL...}.
 */
public final class TraceBench {
    private static final int WARMUP = 30;
    private static final int RUNS = 200;

    public static void main(String[] args) throws Exception {
        try (SearchBackend backend = LocalBackend.open(Path.of(args[0]), Schema.bundled())) {
            Tracer tracer = new Tracer(backend);
            for (String c : Arrays.copyOfRange(args, 1, args.length)) {
                Tracer.Report r = tracer.trace(c, Tracer.Options.all());
                for (int i = 0; i < WARMUP; i++) {
                    tracer.trace(c, Tracer.Options.all());
                }
                long[] t = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long s = System.nanoTime();
                    tracer.trace(c, Tracer.Options.all());
                    t[i] = System.nanoTime() - s;
                }
                Arrays.sort(t);
                Trace first = r.traces().get(0);
                System.out.printf("{\"credential\":\"%s\",\"traces\":%d,\"chain\":%d,\"keys\":%d,\"events\":%d,\"median_ms\":%.3f,\"p95_ms\":%.3f}%n",
                        c, r.traces().size(), first.chain().size(), first.credentials().size(),
                        first.credentials().values().stream().mapToLong(Trace.Activity::events).sum(), t[RUNS / 2] / 1e6, t[(int) (RUNS * 0.95)] / 1e6);
            }
        }
    }
}
