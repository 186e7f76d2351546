package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.TestSupport;
import dev.trailindex.cli.Main;
import dev.trailindex.schema.Derivation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** What the OpenSearch tests share: the CLI in-process, and every event of an index as (raw bytes, flags) by key. */
final class OsTestSupport {
    /** One event as both backends must hold it. */
    record Doc(String raw, List<String> flags) {
    }

    /** A command's exit status and output. */
    record Run(int code, String out, String err) {
    }

    private OsTestSupport() {
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, out, err);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JsonNode json(Run r) {
        try {
            return TestSupport.JSON.readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError(r.out() + r.err(), e);
        }
    }

    static String name(Derivation d) {
        return TestSupport.SCHEMA.derived(d).name();
    }

    /** Every event of a local index, by key: its stored original (as text) and its flags, sorted. */
    static Map<String, Doc> local(Path indexDir) throws IOException {
        Map<String, Doc> out = new TreeMap<>();
        try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(indexDir))) {
            for (LeafReaderContext leaf : r.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                SortedSetDocValues flags = leaf.reader().getSortedSetDocValues(name(Derivation.FLAGS));
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    if (live != null && !live.get(d)) {
                        continue;
                    }
                    Document doc = leaf.reader().storedFields().document(d);
                    List<String> f = new ArrayList<>();
                    if (flags != null && flags.advanceExact(d)) {
                        for (int i = 0; i < flags.docValueCount(); i++) {
                            f.add(flags.lookupOrd(flags.nextOrd()).utf8ToString());
                        }
                    }
                    f.sort(null);
                    byte[] raw = doc.getBinaryValue(name(Derivation.RAW_EVENT)).bytes;
                    byte[] exact = java.util.Arrays.copyOfRange(raw, doc.getBinaryValue(name(Derivation.RAW_EVENT)).offset,
                            doc.getBinaryValue(name(Derivation.RAW_EVENT)).offset + doc.getBinaryValue(name(Derivation.RAW_EVENT)).length);
                    out.put(doc.get(name(Derivation.EVENT_KEY)), new Doc(new String(exact, StandardCharsets.UTF_8), f));
                }
            }
        }
        return out;
    }

    /** Every event behind an alias on the cluster, by key. */
    static Map<String, Doc> cluster(OsClient client, String alias) {
        client.refresh(alias);
        Map<String, Doc> out = new TreeMap<>();
        JsonNode after = null;
        String order = TestSupport.SCHEMA.derived(Derivation.EVENT_KEY).osOrderField();
        while (true) {
            ObjectNode body = TestSupport.JSON.createObjectNode();
            body.put("size", 2000);
            body.putArray("sort").addObject().putObject(order).put("order", "asc");
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = client.post("/" + alias + "/_search", body).path("hits").path("hits");
            for (JsonNode h : hits) {
                JsonNode s = h.path("_source");
                List<String> flags = new ArrayList<>();
                JsonNode f = at(s, name(Derivation.FLAGS));
                if (f.isArray()) {
                    f.forEach(x -> flags.add(x.asText()));
                } else if (!f.isMissingNode()) {
                    flags.add(f.asText());
                }
                flags.sort(null);
                // The original is its text, or a NUL and base64 when its bytes are not UTF-8.
                String raw = at(s, name(Derivation.RAW_EVENT)).asText();
                if (raw.startsWith("\u0000")) {
                    raw = new String(java.util.Base64.getDecoder().decode(raw.substring(1)), StandardCharsets.UTF_8);
                }
                if (out.put(h.path("_id").asText(), new Doc(raw, flags)) != null) {
                    throw new AssertionError("two documents of key " + h.path("_id").asText());
                }
            }
            if (hits.size() < 2000) {
                return out;
            }
            after = hits.get(hits.size() - 1).path("sort");
        }
    }

    static JsonNode at(JsonNode source, String dotted) {
        JsonNode n = source;
        for (String step : dotted.split("\\.")) {
            n = n.path(step);
        }
        return n;
    }

    /** A hash of every key with its exact bytes, in key order. */
    static String digest(Map<String, Doc> docs) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            docs.forEach((k, d) -> {
                md.update(k.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(d.raw().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(String.join(",", d.flags()).getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            });
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs setup for {@code alias} on the shared node. */
    static void setup(OpenSearchNode node, String alias) {
        Run r = cli("opensearch", "setup", "--opensearch", node.url(), "--opensearch-index", alias);
        if (r.code() != 0) {
            throw new AssertionError(r.err());
        }
    }

    static OsClient client(OpenSearchNode node) {
        return new OsClient(OsConnection.of(node.url(), "unused"));
    }
}
