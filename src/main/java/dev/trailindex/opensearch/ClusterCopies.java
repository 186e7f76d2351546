package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.index.CopyOrder;
import dev.trailindex.index.Flag;
import dev.trailindex.ingest.RawEvent;
import dev.trailindex.ingest.Salvage;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Looks up, by key, the copies of events the cluster already holds (from earlier or killed runs). */
final class ClusterCopies {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PAGE = 500;

    /** A copy on the cluster: the index it is in, the event as it was read, and its flags. */
    record Held(String index, RawEvent event, List<String> flags) {
        boolean partial() {
            return flags.contains(Flag.PARTIAL.label());
        }

        boolean conflicting() {
            return flags.contains(Flag.CONFLICTING_COPIES.label());
        }

        /** Whether a copy at (file, record), partial or not, ranks before this one (as the local index decides). */
        boolean after(String otherFile, long otherRecord, boolean otherPartial) {
            return CopyOrder.after(event.file(), event.record(), partial(), otherFile, otherRecord, otherPartial);
        }
    }

    private final OsClient client;
    private final String alias;
    private final Schema schema;

    ClusterCopies(OsClient client, String alias, Schema schema) {
        this.client = client;
        this.alias = alias;
        this.schema = schema;
    }

    /** The held copies of {@code keys} that the cluster has, by key. */
    Map<String, Held> find(Collection<String> keys) {
        Map<String, Held> out = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += PAGE) {
            List<String> page = all.subList(from, Math.min(all.size(), from + PAGE));
            ObjectNode body = MAPPER.createObjectNode();
            body.put("size", page.size());
            ArrayNode ids = body.putObject("query").putObject("ids").putArray("values");
            page.forEach(ids::add);
            JsonNode hits = client.post("/" + alias + "/_search?ignore_unavailable=true&allow_no_indices=true", body).path("hits").path("hits");
            for (JsonNode h : hits) {
                out.put(h.path("_id").asText(), held(h));
            }
        }
        return out;
    }

    /** The documents of keys in known indices, read in real time (also what is not refreshed yet), by key. */
    Map<String, Held> get(Map<String, String> indexByKey) {
        Map<String, Held> out = new HashMap<>();
        List<Map.Entry<String, String>> all = new ArrayList<>(indexByKey.entrySet());
        for (int from = 0; from < all.size(); from += PAGE) {
            ObjectNode body = MAPPER.createObjectNode();
            ArrayNode docs = body.putArray("docs");
            for (Map.Entry<String, String> e : all.subList(from, Math.min(all.size(), from + PAGE))) {
                docs.addObject().put("_index", e.getValue()).put("_id", e.getKey());
            }
            for (JsonNode d : client.post("/_mget", body).path("docs")) {
                if (d.path("found").asBoolean()) {
                    out.put(d.path("_id").asText(), held(d));
                }
            }
        }
        return out;
    }

    private Held held(JsonNode hit) {
        JsonNode s = hit.path("_source");
        try {
            byte[] json = RawText.decode(value(s, Derivation.RAW_EVENT).asText());
            List<String> flags = new ArrayList<>();
            JsonNode f = value(s, Derivation.FLAGS);
            if (f.isArray()) {
                f.forEach(x -> flags.add(x.asText()));
            } else if (f.isTextual()) {
                flags.add(f.asText());
            }
            boolean partial = flags.contains(Flag.PARTIAL.label());
            ObjectNode tree = partial ? Salvage.fields(json) : (ObjectNode) MAPPER.readTree(json);
            RawEvent ev = new RawEvent(json, tree, value(s, Derivation.SOURCE_FILE).asText(), value(s, Derivation.SOURCE_RECORD).asLong(),
                    value(s, Derivation.SOURCE_OFFSET).asLong(), value(s, Derivation.SOURCE_LINE).asLong(), partial);
            return new Held(hit.path("_index").asText(), ev, flags);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the event " + hit.path("_id").asText() + " from OpenSearch", e);
        }
    }

    /** The value of a derived field in a nested _source. */
    private JsonNode value(JsonNode source, Derivation d) {
        JsonNode n = source;
        for (String step : schema.derived(d).name().split("\\.")) {
            n = n.path(step);
        }
        return n;
    }
}
