package dev.trailindex.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.ingest.RawEvent;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import dev.trailindex.schema.Schema;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * Turns one event into one Lucene document, driven by the schema: every field's Lucene classes follow from its
 * declared type and flags, so a new field is a schema entry, not code.
 */
public final class DocumentBuilder {
    /** Between the path and the value in the terms of a flattened field. */
    public static final char PATH_SEPARATOR = '\u001f';

    /** A built document and its key. */
    public record Built(String key, Document document) {
    }

    private final Schema schema;
    private final List<Compiled> compiled = new ArrayList<>();
    private final Compiled keyField;
    private final JsonValues.Exclusions textExclusions;
    /** How the original event is stored (zstd frames in a large index, else as it is). */
    private final RawEvents.Encoder raw;

    /** A field with its source paths split once. */
    private record Compiled(FieldSpec spec, List<List<String>> paths) {
    }

    public DocumentBuilder(Schema schema) {
        this(schema, RawEvents.PLAIN);
    }

    private DocumentBuilder(Schema schema, RawEvents.Encoder raw) {
        this.schema = schema;
        this.raw = raw;
        for (FieldSpec f : schema.fields()) {
            compiled.add(new Compiled(f, f.from().stream().map(p -> List.of(p.split("\\."))).toList()));
        }
        this.keyField = compiled.stream().filter(c -> c.spec().derive() == Derivation.EVENT_KEY).findFirst().orElseThrow();
        this.textExclusions = JsonValues.Exclusions.of(schema.fullTextExclusions());
    }

    public Schema schema() {
        return schema;
    }

    /** The same builder storing the original events through {@code encoder}. */
    DocumentBuilder storing(RawEvents.Encoder encoder) {
        return new DocumentBuilder(schema, encoder);
    }

    /** The event's key and its document. */
    public Built build(RawEvent event) {
        String key = key(event);
        return new Built(key, build(event, key));
    }

    /**
     * The document key: the eventID, else a hash of the content. Cheap next to building the document, so the
     * indexer asks for it first and builds only events it will write.
     */
    public String key(RawEvent event) {
        String id = eventId(event.tree(), keyField);
        return hasId(id) ? KeywordTerms.canonicalId(TermLimits.truncate(id)) : EventKeys.contentKey(event.tree());
    }

    private static boolean hasId(String id) {
        return id != null && !id.isBlank();
    }

    /**
     * The eventID, only when it is a string: a number or an array is no eventID (12345 and "12345" must not be
     * one key, nor [1,2] and 1), so such an event is keyed by its content and flagged.
     */
    private static String eventId(JsonNode tree, Compiled c) {
        JsonNode n = idNode(tree, c);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    /** The first non-null value at the key field's paths, taken whole (an array is not looked into). */
    private static JsonNode idNode(JsonNode tree, Compiled c) {
        for (List<String> path : c.paths()) {
            JsonNode n = tree;
            for (String step : path) {
                n = n == null ? null : n.get(step);
            }
            if (n != null && !n.isNull()) {
                return n;
            }
        }
        return null;
    }

    /**
     * The values field {@code f} has in {@code doc} (built by {@link #build(RawEvent)}), as a person reads them:
     * original spelling where the index keeps it (doc values, stored values), numbers as numbers. For showing
     * derived fields as columns.
     */
    public static List<String> displayValues(Document doc, FieldSpec f) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<String> terms = new java.util.LinkedHashSet<>();
        for (org.apache.lucene.index.IndexableField x : doc.getFields(f.name())) {
            if (x instanceof SortedSetDocValuesField || (x instanceof StoredField && x.stringValue() != null)) {
                out.add(x instanceof StoredField ? x.stringValue() : x.binaryValue().utf8ToString());
            } else if (x instanceof LongField || (x instanceof StoredField && x.numericValue() != null)) {
                out.add(x.numericValue().toString());
            } else if (x instanceof StringField && x.binaryValue() != null) {
                terms.add(KeywordTerms.text(x.binaryValue()));
            }
        }
        return List.copyOf(out.isEmpty() ? terms : out);
    }

    /** The document of {@code event}, whose key is {@code key}. */
    public Document build(RawEvent event, String key) {
        return build(event, key, Set.of());
    }

    /** The same, with flags known from outside the event (conflicting copies), beside those the event raises. */
    public Document build(RawEvent event, String key, Set<Flag> known) {
        Document doc = new Document();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        flags.addAll(known);
        if (event.partial()) {
            flags.add(Flag.PARTIAL);
        }
        Related.Lazy related = new Related.Lazy(event);
        Compiled flagField = null;
        for (Compiled c : compiled) {
            FieldSpec f = c.spec();
            if (f.derive() == Derivation.FLAGS) {
                flagField = c;
            } else if (f.derive() == Derivation.EVENT_KEY) {
                if (!hasId(eventId(event.tree(), c))) {
                    flags.add(Flag.NO_EVENT_ID);
                    JsonNode idValue = idNode(event.tree(), c);
                    if (idValue != null && !idValue.isTextual()) {
                        flags.add(Flag.EVENT_ID_NOT_A_STRING);
                    }
                }
                addKey(doc, f, key);
            } else if (f.derive() != null) {
                derive(doc, c, event, flags, related);
            } else {
                copy(doc, c, event.tree(), flags);
            }
        }
        if (flagField != null) {
            for (Flag flag : flags) {
                addKeyword(doc, flagField.spec(), flag.label(), flags);
            }
        }
        return doc;
    }

    private void derive(Document doc, Compiled c, RawEvent event, Set<Flag> flags, Related.Lazy related) {
        FieldSpec f = c.spec();
        switch (f.derive()) {
            case CREDENTIAL_KIND -> addKeyword(doc, f, Credentials.kind(first(event.tree(), c)), flags);
            case FIRST_NON_EMPTY -> {
                String v = FieldValues.firstNonEmpty(event.tree(), f);
                if (v != null) {
                    addKeyword(doc, f, v, flags);
                }
            }
            case ACCESS_KEY_KIND -> addKeyword(doc, f, Credentials.keyKind(first(event.tree(), c)), flags);
            case SOURCE_FILE -> addKeyword(doc, f, event.file(), flags);
            case SOURCE_RECORD -> addNumber(doc, f, event.record());
            case SOURCE_OFFSET -> addNumber(doc, f, event.offset());
            case SOURCE_LINE -> addNumber(doc, f, event.line());
            case EVENT_SIZE -> addNumber(doc, f, event.json().length);
            case RAW_EVENT -> doc.add(new StoredField(f.name(), raw.encode(event.json())));
            case RELATED_ARN -> {
                Set<String> arns = new java.util.LinkedHashSet<>(related.get().arns());
                arns.addAll(S3Arns.of(at(event.tree(), c, 0), at(event.tree(), c, 1), at(event.tree(), c, 2)));
                arns.forEach(v -> addKeyword(doc, f, v, flags));
            }
            case RELATED_ACCESS_KEY -> related.get().accessKeys().forEach(v -> addKeyword(doc, f, v, flags));
            case RELATED_ACCOUNT -> related.get().accounts().forEach(v -> addKeyword(doc, f, v, flags));
            case RELATED_IP -> related.get().ips().forEach(v -> addIp(doc, f, v, flags));
            case ISSUED_KEY -> {
                String key = Issuance.issuedKey(i -> at(event.tree(), c, i), c.paths().size());
                if (key != null) {
                    addKeyword(doc, f, key, flags);
                }
            }
            case ISSUED_TO -> Issuance.issuedTo(i -> at(event.tree(), c, i)).forEach(v -> addKeyword(doc, f, v, flags));
            case SESSION -> {
                String session = Issuance.session(i -> at(event.tree(), c, i));
                if (session != null) {
                    addKeyword(doc, f, session, flags);
                }
            }
            case ALL_TEXT -> {
                StringBuilder sb = new StringBuilder(event.json().length / 2);
                JsonValues.strings(event.tree(), textExclusions, sb);
                doc.add(Levers.TEXT_POSITIONS ? new TextField(f.name(), sb.toString(), Field.Store.NO)
                        : new Field(f.name(), sb.toString(), TEXT_WITHOUT_POSITIONS));
            }
            // Numeric doc values only, code 0 (the first value, unverified): verify --index changes it in place with
            // IndexWriter.updateNumericDocValue, which can only update a doc-values field that exists (no terms, no
            // points). All zeros until then, which the codec stores in next to nothing.
            case FILE_INTEGRITY -> doc.add(new org.apache.lucene.document.NumericDocValuesField(f.name(), 0));
            case FLAGS, EVENT_KEY -> throw new IllegalStateException("handled by build()");
        }
    }

    /** A field copied from the event: the first "from" path that holds any value wins. */
    private void copy(Document doc, Compiled c, JsonNode tree, Set<Flag> flags) {
        FieldSpec f = c.spec();
        for (int i = 0; i < c.paths().size(); i++) {
            List<JsonNode> values = new ArrayList<>(1);
            JsonValues.at(tree, c.paths().get(i), 0, values::add);
            if (f.type() == FieldType.FLATTENED) {
                JsonNode node = tree.get(f.from().get(i));
                if (node != null && !node.isNull()) {
                    addFlattened(doc, f, node, flags);
                    return;
                }
                continue;
            }
            if (values.isEmpty()) {
                continue;
            }
            if (f.type() == FieldType.TIME) {
                addTime(doc, f, values.get(0), i > 0, flags);
            } else {
                for (JsonNode v : values) {
                    addValue(doc, f, v, flags);
                }
            }
            return;
        }
        if (f.type() == FieldType.TIME) {
            flags.add(Flag.TIME_MISSING);
        }
    }

    private void addValue(Document doc, FieldSpec f, JsonNode v, Set<Flag> flags) {
        String text = v.asText();
        if (text.isEmpty()) {
            // An empty string says "no value" (errorCode: ""); it must not make the field exist.
            return;
        }
        switch (f.type()) {
            case KEYWORD -> addKeyword(doc, f, text, flags);
            case BOOLEAN -> addKeyword(doc, f, normaliseBoolean(text), flags);
            case IP -> addIp(doc, f, text, flags);
            case TEXT -> doc.add(new TextField(f.name(), text, f.store() ? Field.Store.YES : Field.Store.NO));
            case NUMBER -> {
                if (v.canConvertToLong()) {
                    addNumber(doc, f, v.asLong());
                }
            }
            case TIME, FLATTENED, RAW, ENUM -> throw new IllegalStateException("not a copied scalar type: " + f.type());
        }
    }

    /** A keyword that also gets an IP point when it is an address, so ranges and CIDR work. */
    private static void addIp(Document doc, FieldSpec f, String text, Set<Flag> flags) {
        addKeyword(doc, f, text, flags);
        InetAddress ip = IpLiterals.parse(text);
        if (ip != null) {
            doc.add(new InetAddressPoint(f.ipPointField(), ip));
        }
    }

    private static String normaliseBoolean(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return t.equals("true") || t.equals("false") ? t : text;
    }

    private static void addTime(Document doc, FieldSpec f, JsonNode v, boolean fallback, Set<Flag> flags) {
        if (!v.isTextual() || v.textValue().isBlank()) {
            flags.add(Flag.TIME_MISSING);
            return;
        }
        EventTimes.Parsed t = EventTimes.parse(v.textValue());
        if (t == null) {
            flags.add(Flag.TIME_UNPARSEABLE);
            return;
        }
        if (fallback) {
            flags.add(Flag.TIME_FALLBACK);
        }
        if (t.zoneAssumed()) {
            flags.add(Flag.TIME_NO_ZONE);
        }
        // LongField: a point for ranges plus sorted-numeric doc values for sorting and histograms.
        doc.add(new LongField(f.name(), t.epochMillis(), f.store() ? Field.Store.YES : Field.Store.NO));
    }

    /** Each leaf becomes one term "path\u001fvalue" in a single field: any number of paths, one Lucene field. */
    private static void addFlattened(Document doc, FieldSpec f, JsonNode node, Set<Flag> flags) {
        JsonValues.leaves(node, "", (path, leaf) -> {
            String value = leaf.asText();
            if (value.isEmpty()) {
                return;
            }
            String term = path + PATH_SEPARATOR + value;
            if (TermLimits.tooLong(term)) {
                flags.add(Flag.TRUNCATED);
            }
            doc.add(new StringField(f.name(), TermLimits.term(term, f.caseInsensitive()), Field.Store.NO));
        });
    }

    private static void addKeyword(Document doc, FieldSpec f, String value, Set<Flag> flags) {
        if (TermLimits.tooLong(value)) {
            flags.add(Flag.TRUNCATED);
        }
        String original = TermLimits.truncate(value);
        // The searchable term is lower-cased (unless the field is exactCase) so that eventname:consolelogin
        // finds ConsoleLogin; sorted-set doc values keep the original spelling for facets, sorting and display.
        doc.add(new StringField(f.name(), KeywordTerms.of(f, value), Field.Store.NO));
        if (f.docValues()) {
            doc.add(new SortedSetDocValuesField(f.name(), new BytesRef(original)));
        }
        if (f.store() && !(Levers.PROVENANCE_DOC_VALUES && f.derive() == Derivation.SOURCE_FILE)) {
            doc.add(new StoredField(f.name(), original));
        }
    }

    /**
     * The event key: an exact term, stored, and for sorting one number instead of sorted-set doc values (which
     * would hold every key once more, about 40 bytes an event): see {@link EventKeys#order64}.
     */
    private static void addKey(Document doc, FieldSpec f, String key) {
        doc.add(new StringField(f.name(), KeywordTerms.of(f, key), Field.Store.NO));
        if (f.sort()) {
            doc.add(new NumericDocValuesField(f.name(), EventKeys.order64(key)));
        }
        if (f.store()) {
            doc.add(new StoredField(f.name(), key));
        }
    }

    private static final org.apache.lucene.document.FieldType TEXT_WITHOUT_POSITIONS = textWithoutPositions();

    private static org.apache.lucene.document.FieldType textWithoutPositions() {
        org.apache.lucene.document.FieldType t = new org.apache.lucene.document.FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS);
        t.freeze();
        return t;
    }

    private static void addNumber(Document doc, FieldSpec f, long value) {
        if (f.index() || f.sort()) {
            doc.add(new LongField(f.name(), value, Field.Store.NO));
        }
        if (Levers.PROVENANCE_DOC_VALUES && f.store() && f.derive() != null && f.derive().name().startsWith("SOURCE_")) {
            doc.add(new NumericDocValuesField(f.name(), value));
            return;
        }
        if (f.store()) {
            doc.add(new StoredField(f.name(), value));
        }
    }

    /** The first string value at the {@code i}-th "from" path, or null. */
    private static String at(JsonNode tree, Compiled c, int i) {
        if (i >= c.paths().size()) {
            return null;
        }
        String[] found = new String[1];
        JsonValues.at(tree, c.paths().get(i), 0, v -> {
            if (found[0] == null && v.isTextual()) {
                found[0] = v.textValue();
            }
        });
        return found[0];
    }

    private static String first(JsonNode tree, Compiled c) {
        for (List<String> path : c.paths()) {
            String[] found = new String[1];
            JsonValues.at(tree, path, 0, v -> {
                if (found[0] == null) {
                    found[0] = v.asText();
                }
            });
            if (found[0] != null) {
                return found[0];
            }
        }
        return null;
    }
}
