package dev.trailindex.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.ingest.ContentHash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link IndexedContent} as one member of a manifest line: {@code {"sha256", "gzip", "members", "trailing", "events", "hours":
 * [[hourStart, events], ...], "controls": [[name, time, trail], ...]}}. A member that cannot be read is no content
 * (verify then reads the file itself), never an error.
 */
final class ManifestContent {
    static final String KEY = "content";

    private ManifestContent() {
    }

    static Map<String, Object> write(IndexedContent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sha256", c.hash().sha256());
        m.put("gzip", c.hash().gzip());
        m.put("members", c.hash().gzipMembers());
        m.put("trailing", c.hash().trailingBytes());
        m.put("events", c.events());
        List<List<Long>> hours = new ArrayList<>();
        c.perHour().forEach((h, n) -> hours.add(List.of(h, n)));
        m.put("hours", hours);
        List<List<Object>> controls = new ArrayList<>();
        for (IndexedContent.Control x : c.controls()) {
            List<Object> row = new ArrayList<>();
            row.add(x.name());
            row.add(x.time());
            row.add(x.trail());
            controls.add(row);
        }
        m.put("controls", controls);
        return m;
    }

    static IndexedContent read(JsonNode n) {
        if (n == null || !n.isObject() || !n.path("sha256").isTextual()) {
            return null;
        }
        TreeMap<Long, Long> hours = new TreeMap<>();
        for (JsonNode h : n.path("hours")) {
            hours.put(h.path(0).asLong(), h.path(1).asLong());
        }
        List<IndexedContent.Control> controls = new ArrayList<>();
        for (JsonNode x : n.path("controls")) {
            controls.add(new IndexedContent.Control(x.path(0).asText(), x.path(1).asLong(),
                    x.path(2).isTextual() ? x.path(2).asText() : null));
        }
        ContentHash hash = new ContentHash(n.get("sha256").asText(), n.path("gzip").asBoolean(), n.path("members").asInt(),
                n.path("trailing").asLong());
        return new IndexedContent(hash, n.path("events").asLong(), hours, controls);
    }
}
