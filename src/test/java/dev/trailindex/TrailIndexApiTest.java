package dev.trailindex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.index.IngestReport;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.StoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding API, as another JVM program uses it. */
class TrailIndexApiTest {
    @TempDir
    Path tmp;

    @Test
    void openIndexSearchFetch() throws Exception {
        try (TrailIndex index = TrailIndex.open(tmp.resolve("idx"))) {
            assertEquals(0, index.count(SearchRequest.of("")));
            IngestReport r = index.index(List.of(TestSupport.SAMPLES));
            assertEquals(79, r.indexed());
            assertEquals(2, index.search(SearchRequest.of("eventName:ConsoleLogin")).total());
            StoredEvent e = index.event("9a000117-9046-4dcf-b459-1097984dc387").orElseThrow();
            assertTrue(new String(e.json(), java.nio.charset.StandardCharsets.UTF_8).contains("\"StopLogging\""));
            assertEquals(79, index.histogram(SearchRequest.of(""), Duration.ofDays(1)).total());
            assertEquals(31, index.facets(SearchRequest.of(""), List.of("awsRegion"), 5).get(0).top().stream()
                    .filter(v -> v.value().equals("eu-west-1")).findFirst().orElseThrow().count());
            assertEquals(79, index.stats().events());
        }
        // Reopening finds the same index; indexing the same files again adds nothing.
        try (TrailIndex again = TrailIndex.open(tmp.resolve("idx"))) {
            assertEquals(0, again.index(List.of(TestSupport.SAMPLES)).indexed());
            assertEquals(79, again.count(SearchRequest.of("")));
        }
    }

    @Test
    void searchesKeepWorkingAndSeeNewEventsWhileIndexing() throws Exception {
        Path logs = tmp.resolve("logs");
        Files.createDirectories(logs);
        try (TrailIndex index = TrailIndex.open(tmp.resolve("live"))) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong searches = new AtomicLong();
            AtomicLong maxSeen = new AtomicLong();
            ExecutorService readers = Executors.newFixedThreadPool(4);
            List<Future<?>> tasks = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(readers.submit(() -> {
                    long last = 0;
                    while (!done.get()) {
                        long n = index.count(SearchRequest.of("eventName:Batch*"));
                        assertTrue(n >= last, "a search never sees fewer events than an earlier one");
                        last = n;
                        maxSeen.accumulateAndGet(n, Math::max);
                        searches.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (int batch = 0; batch < 5; batch++) {
                StringBuilder sb = new StringBuilder("{\"Records\":[");
                for (int i = 0; i < 200; i++) {
                    sb.append(i == 0 ? "" : ",").append("{\"eventID\":\"b").append(batch).append('-').append(i)
                            .append("\",\"eventName\":\"Batch").append(batch).append("\",\"eventTime\":\"2024-01-0")
                            .append(batch + 1).append("T00:00:00Z\"}");
                }
                Files.writeString(logs.resolve("batch" + batch + ".json"), sb.append("]}").toString());
                index.index(List.of(logs));
                // Visible at once to the next search, without reopening anything.
                assertEquals(200L * (batch + 1), index.count(SearchRequest.of("eventName:Batch*")));
            }
            done.set(true);
            for (Future<?> f : tasks) {
                f.get();
            }
            readers.shutdown();
            assertEquals(1000, maxSeen.get());
            assertTrue(searches.get() > 5, "searches ran during indexing: " + searches.get());
            byte[] original = index.event("b4-7").orElseThrow().json();
            assertArrayEquals("{\"eventID\":\"b4-7\",\"eventName\":\"Batch4\",\"eventTime\":\"2024-01-05T00:00:00Z\"}".getBytes(), original);
        }
    }
}
