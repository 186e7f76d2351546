package dev.trailindex.http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Concurrent clients sending a mix of searches, facets, histograms and event fetches to a trailindex server for a
 * bounded time, counting statuses and recording latencies. Used by HttpLoadTest and benchmarks/http-load.sh
 * (which runs {@link #main}). Only ever targets the URL it is given (loopback in both uses).
 */
public final class LoadGenerator {
    /** What a run saw. */
    public record Result(long requests, Map<Integer, Long> statuses, long failures, long[] latenciesMicros, double seconds) {
        public double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            int i = (int) Math.min(latenciesMicros.length - 1, Math.ceil(p / 100.0 * latenciesMicros.length) - 1);
            return latenciesMicros[Math.max(0, i)] / 1000.0;
        }

        public String summary() {
            return String.format("%d requests in %.1f s (%.0f/s), statuses %s, failures %d, latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f",
                    requests, seconds, requests / seconds, statuses, failures, percentileMillis(50), percentileMillis(90),
                    percentileMillis(99), percentileMillis(100));
        }
    }

    private LoadGenerator() {
    }

    /** The request mix: typical forensic questions, as URL paths with their queries. */
    public static List<String> mix(List<String> queries, List<String> eventIds) {
        List<String> paths = new ArrayList<>();
        for (String q : queries) {
            String e = URLEncoder.encode(q, StandardCharsets.UTF_8);
            paths.add("/api/search?limit=50&q=" + e);
            paths.add("/api/facets?field=eventName&field=sourceIPAddress&top=10&q=" + e);
            paths.add("/api/histogram?q=" + e);
        }
        for (String id : eventIds) {
            paths.add("/api/events/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        }
        paths.add("/api/stats");
        paths.add("/health");
        return paths;
    }

    public static Result run(URI base, List<String> paths, int clients, Duration duration) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<long[]>>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            futures.add(pool.submit(() -> {
                List<long[]> seen = new ArrayList<>();
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    HttpRequest req = HttpRequest.newBuilder(base.resolve(paths.get(i % paths.size())))
                            .timeout(Duration.ofSeconds(30)).build();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (java.io.IOException e) {
                        status = -1;
                    }
                    seen.add(new long[] {status, (System.nanoTime() - t0) / 1000});
                }
                return seen;
            }));
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        List<Long> lat = new ArrayList<>();
        long failures = 0;
        for (Future<List<long[]>> f : futures) {
            for (long[] s : f.get()) {
                statuses.merge((int) s[0], 1L, Long::sum);
                if (s[0] != 200) {
                    failures++;
                }
                lat.add(s[1]);
            }
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = lat.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Result(sorted.length, statuses, failures, sorted, seconds);
    }

    /** {@code LoadGenerator BASE_URL CLIENTS SECONDS QUERY...}; event ids to fetch come from the first search. */
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
        List<String> queries = List.of(args).subList(3, args.length);
        HttpClient http = HttpClient.newHttpClient();
        String first = http.send(HttpRequest.newBuilder(base.resolve("/api/search?limit=20&q="
                + URLEncoder.encode(queries.get(0), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> ids = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(first).get("hits").forEach(h -> ids.add(h.get("eventID").asText()));
        Result r = run(base, mix(queries, ids), clients, duration);
        System.out.println(r.summary());
    }
}
