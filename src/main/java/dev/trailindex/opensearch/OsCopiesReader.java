package dev.trailindex.opensearch;

import static dev.trailindex.opensearch.QueryTranslator.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.query.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Every differing copy of one event: the indexed one first, then the copies the loader kept in {@code NAME-copies}
 * ({@link OsCopies}), in path and position order, each once, as {@code SearchService.allCopies} gives them.
 */
final class OsCopiesReader {
    private static final int MAX_COPIES = 10_000;

    private final OsCalls calls;
    private final String copiesIndex;

    OsCopiesReader(OsCalls calls, String copiesIndex) {
        this.calls = calls;
        this.copiesIndex = copiesIndex;
    }

    List<StoredEvent> all(StoredEvent indexed) {
        ObjectNode body = NODES.objectNode().put("size", MAX_COPIES);
        body.set("query", QueryTranslator.one("term", NODES.objectNode().put("key", indexed.key())));
        JsonNode hits = calls.call("POST", "/" + copiesIndex + "/_search?ignore_unavailable=true&allow_no_indices=true", body)
                .path("hits").path("hits");
        List<StoredEvent> kept = new ArrayList<>();
        for (JsonNode h : hits) {
            JsonNode s = h.path("_source");
            byte[] raw = Base64.getDecoder().decode(s.path("raw").asText().getBytes(StandardCharsets.US_ASCII));
            kept.add(new StoredEvent(s.path("key").asText(), raw, s.path("file").asText(), s.path("record").asLong(),
                    s.path("offset").asLong(), s.path("line").asLong(), null, List.of()));
        }
        kept.sort(Comparator.comparing(StoredEvent::file).thenComparingLong(StoredEvent::record));
        List<StoredEvent> out = new ArrayList<>(List.of(indexed));
        for (StoredEvent c : kept) {
            if (out.stream().noneMatch(o -> Arrays.equals(o.json(), c.json()))) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
