package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.ingest.RawEvent;
import java.util.HexFormat;

/**
 * The differing copies of events on a cluster, in {@code NAME-copies}, as the local index keeps them in
 * trailindex-copies.jsonl: one document per key and distinct content (id {@code KEY/CONTENT}), with the copy's
 * place and exact bytes, for {@code show --all-copies}.
 */
public final class OsCopies {
    private OsCopies() {
    }

    static ObjectNode mapping() {
        ObjectNode m = OsClient.JSON.createObjectNode();
        m.put("dynamic", "strict");
        ObjectNode p = m.putObject("properties");
        p.putObject("key").put("type", "keyword");
        p.putObject("content").put("type", "keyword");
        p.putObject("file").put("type", "keyword");
        p.putObject("record").put("type", "long");
        p.putObject("offset").put("type", "long");
        p.putObject("line").put("type", "long");
        p.putObject("raw").put("type", "binary");
        return m;
    }

    /** The id of the copy of {@code key} whose content hash is {@code content}. */
    public static String id(String key, long content) {
        return key + "/" + HexFormat.of().toHexDigits(content);
    }

    static ObjectNode doc(String key, long content, RawEvent copy) {
        ObjectNode d = OsClient.JSON.createObjectNode();
        d.put("key", key).put("content", HexFormat.of().toHexDigits(content)).put("file", copy.file()).put("record", copy.record())
                .put("offset", copy.offset()).put("line", copy.line()).put("raw", copy.json());
        return d;
    }
}
