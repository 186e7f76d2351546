package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The files a trailindex on a cluster has loaded, one document per file in {@code NAME-files}: written only once
 * every event of the file is acknowledged, so a file is either wholly loaded or read again by the next run.
 */
final class OsManifest {
    private static final int PAGE = 5000;

    /** One loaded file, as it was when it was read. */
    record Entry(String path, long size, long mtime, String sha256, long events, boolean failed) {
    }

    private OsManifest() {
    }

    static ObjectNode mapping() {
        ObjectNode m = OsClient.JSON.createObjectNode();
        m.put("dynamic", "strict");
        ObjectNode p = m.putObject("properties");
        p.putObject("path").put("type", "keyword");
        p.putObject("size").put("type", "long");
        p.putObject("mtime").put("type", "long");
        p.putObject("sha256").put("type", "keyword");
        p.putObject("events").put("type", "long");
        p.putObject("failed").put("type", "boolean");
        return m;
    }

    static ObjectNode doc(Entry e) {
        ObjectNode d = OsClient.JSON.createObjectNode();
        d.put("path", e.path()).put("size", e.size()).put("mtime", e.mtime()).put("sha256", e.sha256())
                .put("events", e.events()).put("failed", e.failed());
        return d;
    }

    /** The document id of a file: a hash of its path (ids are limited to 512 bytes, paths are not). */
    static String id(String path) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every entry of the manifest index, by path. */
    static Map<String, Entry> load(OsClient client, String index) {
        Map<String, Entry> out = new HashMap<>();
        JsonNode after = null;
        while (true) {
            ObjectNode body = OsClient.JSON.createObjectNode();
            body.put("size", PAGE);
            body.putArray("sort").add("path");
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = client.post("/" + index + "/_search", body).path("hits").path("hits");
            for (JsonNode h : hits) {
                JsonNode s = h.path("_source");
                out.put(s.path("path").asText(), new Entry(s.path("path").asText(), s.path("size").asLong(), s.path("mtime").asLong(),
                        s.path("sha256").asText(), s.path("events").asLong(), s.path("failed").asBoolean()));
            }
            if (hits.size() < PAGE) {
                return out;
            }
            after = (ArrayNode) hits.get(hits.size() - 1).path("sort");
        }
    }
}
