package dev.trailindex.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailindex.ingest.FileOutcome;
import dev.trailindex.ingest.IngestLimits;
import dev.trailindex.ingest.LogFileReader;
import dev.trailindex.ingest.RawEvent;
import dev.trailindex.schema.Schema;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One event in, the exact indexed fields out, for each main identity type and odd shape. */
class DocumentBuilderGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final Schema SCHEMA = Schema.bundled();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Checked separately below: the raw bytes, the path, the full text, the byte size. */
    private static final Set<String> SEPARATE = Set.of("ti.raw", "ti.file", "ti.file#dv", "ti.file#stored", "text", "ti.size");

    static Stream<String> cases() throws Exception {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.endsWith(".expected.json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void documentMatchesGolden(String name) throws Exception {
        Path input = DIR.resolve(name + ".json");
        byte[] original = Files.readAllBytes(input);
        List<RawEvent> events = new ArrayList<>();
        FileOutcome outcome = new LogFileReader(SCHEMA, IngestLimits.DEFAULT).read(input, "golden/" + name, events::add);
        assertTrue(outcome.ok(), outcome.toString());
        assertEquals(1, events.size());

        Document doc = new DocumentBuilder(SCHEMA).build(events.get(0)).document();
        Map<String, SortedSet<String>> actual = flatten(doc);
        Map<String, SortedSet<String>> expected = expected(name);

        if (expected.get("ti.id").first().equals("HASH")) {
            String key = actual.get("ti.id").first();
            assertTrue(key.matches("sha256:[0-9a-f]{32}"), key);
            // The same event pretty-printed gets the same key: the hash is over content, not bytes.
            JsonNode tree = JSON.readTree(original);
            assertEquals(key, EventKeys.contentKey(JSON.readTree(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree))));
            for (String k : List.of("ti.id", "ti.id#stored")) {
                expected.put(k, new TreeSet<>(Set.of(key)));
            }
        }
        // The key sorts by one number: its first 4 bytes (big-endian), then the high half of its hash, sign bit flipped.
        String key = actual.get("ti.id#stored").first();
        byte[] kb = Arrays.copyOf(key.getBytes(StandardCharsets.UTF_8), 4);
        long order = ((java.nio.ByteBuffer.wrap(kb).getInt() & 0xFFFFFFFFL) << 32 | EventKeys.hash64(key) >>> 32) ^ Long.MIN_VALUE;
        assertEquals(Set.of(String.valueOf(order)), actual.remove("ti.id#num"));
        assertEquals(expected, withoutSeparate(actual), "indexed fields of " + name);

        assertArrayEquals(trimmed(original), doc.getField("ti.raw").binaryValue().bytes, "exact original bytes");
        assertEquals(Set.of("golden/" + name), actual.get("ti.file#stored"));
        assertEquals(Set.of(String.valueOf(trimmed(original).length)), actual.get("ti.size"));
        assertEquals(Set.of("golden/" + name), actual.get("ti.file#dv"));
        // Full text holds every string value, nested ones included, except those of the fields the schema keeps
        // out of it (identifiers and times).
        String text = doc.get("text") != null ? doc.get("text") : doc.getField("text").stringValue();
        Set<String> lines = new java.util.HashSet<>(List.of(text.split("\n")));
        Set<String> excluded = Set.copyOf(SCHEMA.fullTextExclusions());
        Set<String> kept = new java.util.HashSet<>();
        JsonValues.leaves(JSON.readTree(original), "", (path, leaf) -> {
            if (leaf.isTextual() && !excluded.contains(path)) {
                assertTrue(lines.contains(leaf.textValue()), "full text lacks " + path);
                kept.add(leaf.textValue());
            }
        });
        JsonValues.leaves(JSON.readTree(original), "", (path, leaf) -> {
            if (leaf.isTextual() && excluded.contains(path) && !kept.contains(leaf.textValue())) {
                assertFalse(lines.contains(leaf.textValue()), "full text holds " + path);
            }
        });
    }

    private static byte[] trimmed(byte[] b) {
        int end = b.length;
        while (end > 0 && Character.isWhitespace(b[end - 1])) {
            end--;
        }
        return java.util.Arrays.copyOf(b, end);
    }

    private static Map<String, SortedSet<String>> expected(String name) throws Exception {
        JsonNode exp = JSON.readTree(DIR.resolve(name + ".expected.json").toFile());
        Map<String, SortedSet<String>> out = new TreeMap<>();
        exp.fields().forEachRemaining(e -> {
            SortedSet<String> vs = new TreeSet<>();
            e.getValue().forEach(v -> vs.add(v.asText()));
            out.put(e.getKey(), vs);
        });
        return out;
    }

    static Map<String, SortedSet<String>> flatten(Document doc) throws Exception {
        Map<String, SortedSet<String>> out = new TreeMap<>();
        for (IndexableField f : doc.getFields()) {
            String v;
            if (f.name().endsWith("#ip")) {
                var b = f.binaryValue();
                InetAddress ip = InetAddressPoint.decode(java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length));
                v = ip.getHostAddress();
            } else if (f.fieldType().docValuesType() == DocValuesType.NUMERIC) {
                out.computeIfAbsent(f.name() + "#num", k -> new TreeSet<>()).add(f.numericValue().toString());
                continue;
            } else if (f.numericValue() != null) {
                v = f.numericValue().toString();
            } else if (f.fieldType().docValuesType() == DocValuesType.SORTED_SET) {
                // Doc values keep the original spelling (facets, sorting); shown as "field#dv".
                out.computeIfAbsent(f.name() + "#dv", k -> new TreeSet<>()).add(f.binaryValue().utf8ToString());
                continue;
            } else if (f.fieldType().stored() && f.fieldType().indexOptions() == IndexOptions.NONE && f.stringValue() != null) {
                out.computeIfAbsent(f.name() + "#stored", k -> new TreeSet<>()).add(f.stringValue());
                continue;
            } else if (f.stringValue() != null) {
                v = f.stringValue();
            } else if (f.fieldType().indexOptions() != IndexOptions.NONE) {
                v = KeywordTerms.text(f.binaryValue());                   // a keyword term, shown as its text
            } else {
                v = "bytes:" + f.binaryValue().length;
            }
            out.computeIfAbsent(f.name(), k -> new TreeSet<>()).add(v);
        }
        return out;
    }

    private static Map<String, SortedSet<String>> withoutSeparate(Map<String, SortedSet<String>> m) {
        Map<String, SortedSet<String>> out = new TreeMap<>(m);
        SEPARATE.forEach(out::remove);
        return out;
    }
}
