package dev.trailindex.example;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.trailindex.TrailIndex;
import dev.trailindex.index.IngestReport;
import dev.trailindex.query.FacetCounts;
import dev.trailindex.query.Histogram;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.query.StoredEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The README's embedding example, compiled and run by the build (EmbeddingExampleTest) so that it cannot rot.
 * Arguments: the index folder and a folder of logs.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {
    }

    public static void main(String[] args) throws IOException {
        try (TrailIndex index = TrailIndex.open(Path.of(args[0]))) {                     // creates it if missing
            IngestReport report = index.index(List.of(Path.of(args[1])));               // only new events are added
            System.out.println(report.indexed() + " new events");
            SearchResult page = index.search(new SearchRequest("ip:203.0.113.0/24 AND errorCode:*",
                    null, null, 50, Order.NEWEST));
            for (StoredEvent e : page.hits()) {
                System.out.println(e.key() + " " + new String(e.json(), UTF_8));        // exact original JSON
            }
            List<FacetCounts> who = index.facets(SearchRequest.of("errorCode:*"), List.of("ti.principal"), 5);
            who.get(0).top().forEach(v -> System.out.println(v.count() + " " + v.value()));
            Histogram perHour = index.histogram(SearchRequest.of("eventName:ConsoleLogin"), Duration.ofHours(1));
            System.out.println(perHour.buckets().size() + " hours");
            Optional<StoredEvent> one = index.event("9a000117-9046-4dcf-b459-1097984dc387");
            one.ifPresent(e -> System.out.println("from " + e.file()));
        }
    }
}
