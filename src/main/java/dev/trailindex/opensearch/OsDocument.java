package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.index.EventKeys;
import dev.trailindex.index.KeywordTerms;
import dev.trailindex.ingest.RawEvent;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import dev.trailindex.schema.Schema;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;

/**
 * The OpenSearch document of one event, made from the Lucene document that {@code DocumentBuilder} built for it,
 * so that every value is decided by the same code as locally, plus the event's exact original bytes. Dotted field
 * names become nested objects, as OpenSearch maps them.
 *
 * @param key   the event key: the document's {@code _id}
 * @param month the month of its eventTime, {@code YYYY.MM} in UTC, or null when it has none
 * @param json  the document
 */
public record OsDocument(String key, String month, ObjectNode json) {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    /** The document of {@code event}, whose Lucene document is {@code doc} and key {@code key}. */
    public static OsDocument of(Schema schema, RawEvent event, String key, Document doc) {
        ObjectNode root = OsClient.JSON.createObjectNode();
        String month = null;
        for (FieldSpec f : schema.fields()) {
            List<IndexableField> fields = List.of(doc.getFields(f.name()));
            if (f.type() == FieldType.TIME) {
                Long t = firstLong(fields);
                if (t != null) {
                    put(root, f.name()).put(leaf(f.name()), t);
                    month = MONTH.format(Instant.ofEpochMilli(t));
                }
                continue;
            }
            switch (f.type()) {
                case RAW -> put(root, f.name()).put(leaf(f.name()), RawText.encode(event.json()));
                case ENUM -> put(root, f.name()).put(leaf(f.name()), f.values().get(0));
                case NUMBER -> number(root, f, fields, event);
                case TEXT -> strings(root, f.name(), texts(fields));
                case FLATTENED -> strings(root, f.name(), terms(fields));
                default -> keyword(root, f, fields, doc, key);
            }
        }
        return new OsDocument(key, month, root);
    }

    /**
     * The month of an event's time as {@code DocumentBuilder} reads it (the first "from" path present, if a time),
     * {@code YYYY.MM} in UTC, or null.
     */
    public static String month(Schema schema, com.fasterxml.jackson.databind.JsonNode tree) {
        FieldSpec f = schema.timeField();
        for (String path : f.from()) {
            com.fasterxml.jackson.databind.JsonNode n = tree;
            for (String step : path.split("\\.")) {
                n = n == null ? null : n.get(step);
            }
            if (n != null && n.isArray()) {
                n = n.size() == 0 ? null : n.get(0);
            }
            if (n != null && n.isValueNode() && !n.isNull()) {
                dev.trailindex.index.EventTimes.Parsed t = n.isTextual() ? dev.trailindex.index.EventTimes.parse(n.textValue()) : null;
                return t == null ? null : MONTH.format(Instant.ofEpochMilli(t.epochMillis()));
            }
        }
        return null;
    }

    /** A month as a number (1 for none), for compact tables. */
    static long monthCode(String month) {
        if (month == null) {
            return 1;
        }
        return Long.parseLong(month.substring(0, 4)) * 12 + Long.parseLong(month.substring(5, 7)) + 1;
    }

    /** The month code of an event index's name. */
    static long monthCode(OsIndices indices, String index) {
        String suffix = index.substring(indices.events(null).length() - OsIndices.UNDATED.length());
        return suffix.equals(OsIndices.UNDATED) ? 1 : monthCode(suffix);
    }

    /** The event index of a month code. */
    static String index(OsIndices indices, long code) {
        if (code <= 1) {
            return indices.events(null);
        }
        long m = code - 1;
        long month = m % 12 == 0 ? 12 : m % 12;
        long year = (m - month) / 12;
        return indices.events(String.format(java.util.Locale.ROOT, "%04d.%02d", year, month));
    }

    private static void keyword(ObjectNode root, FieldSpec f, List<IndexableField> fields, Document doc, String key) {
        if (f.derive() == Derivation.EVENT_KEY) {
            put(root, f.name()).put(leaf(f.name()), key);
            if (f.sort()) {
                put(root, f.osOrderField()).put(leaf(f.osOrderField()), EventKeys.order64(key));
            }
            return;
        }
        strings(root, f.name(), originals(fields));
        if (f.type() == FieldType.IP) {
            Set<String> ips = new LinkedHashSet<>();
            for (IndexableField x : doc.getFields(f.ipPointField())) {
                if (x instanceof InetAddressPoint p) {
                    InetAddress a = InetAddressPoint.decode(p.binaryValue().bytes);
                    ips.add(a.getHostAddress());
                }
            }
            strings(root, f.osIpField(), List.copyOf(ips));
        }
    }

    /**
     * A keyword's values in their original spelling: the doc values, else the stored value, else the indexed terms
     * (a compact UUID term as its text; other terms are lower-cased only where the normalizer lower-cases anyway).
     */
    private static List<String> originals(List<IndexableField> fields) {
        Set<String> dv = new LinkedHashSet<>();
        Set<String> stored = new LinkedHashSet<>();
        for (IndexableField x : fields) {
            if (x instanceof SortedSetDocValuesField) {
                dv.add(x.binaryValue().utf8ToString());
            } else if (x instanceof StoredField && x.stringValue() != null) {
                stored.add(x.stringValue());
            }
        }
        return List.copyOf(!dv.isEmpty() ? dv : !stored.isEmpty() ? stored : new LinkedHashSet<>(terms(fields)));
    }

    private static List<String> terms(List<IndexableField> fields) {
        List<String> out = new ArrayList<>();
        for (IndexableField x : fields) {
            if (x instanceof StringField && x.binaryValue() != null) {
                out.add(KeywordTerms.text(x.binaryValue()));
            } else if (x instanceof StringField && x.stringValue() != null) {
                out.add(x.stringValue());
            }
        }
        return out;
    }

    private static List<String> texts(List<IndexableField> fields) {
        List<String> out = new ArrayList<>();
        for (IndexableField x : fields) {
            if (x instanceof TextField && x.stringValue() != null) {
                out.add(x.stringValue());
            }
        }
        return out;
    }

    private static void number(ObjectNode root, FieldSpec f, List<IndexableField> fields, RawEvent event) {
        Long v = firstLong(fields);
        if (v != null) {
            put(root, f.name()).put(leaf(f.name()), v);
        }
    }

    private static Long firstLong(List<IndexableField> fields) {
        for (IndexableField x : fields) {
            if ((x instanceof LongField || x instanceof StoredField) && x.numericValue() != null) {
                return x.numericValue().longValue();
            }
        }
        return null;
    }

    private static void strings(ObjectNode root, String name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        ObjectNode parent = put(root, name);
        if (values.size() == 1) {
            parent.put(leaf(name), values.get(0));
        } else {
            ArrayNode a = parent.putArray(leaf(name));
            values.forEach(a::add);
        }
    }

    /** The object that holds the last part of a dotted name, created on the way. */
    private static ObjectNode put(ObjectNode root, String name) {
        ObjectNode n = root;
        int start = 0;
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', start)) {
            String step = name.substring(start, dot);
            ObjectNode next = n.get(step) instanceof ObjectNode o ? o : n.putObject(step);
            n = next;
            start = dot + 1;
        }
        return n;
    }

    private static String leaf(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
