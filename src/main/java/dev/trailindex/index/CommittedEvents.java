package dev.trailindex.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.ingest.RawEvent;
import dev.trailindex.ingest.Salvage;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The events an index holds, looked up by key. The committed view ({@link #open}) is the index as a run began:
 * its keys go into the duplicate table, and when a run meets one of them again it asks here where the committed
 * copy came from, so the copy that ranks first (whole before partial, then path and position) wins across runs
 * too: a run that was killed and re-run ends with the same index as one that was not. The live view
 * ({@link #live}) also sees what this run has written, for the rare copy that must be compared or flagged after
 * the fact (conflicting copies); it reopens on the writer before each look-up.
 */
final class CommittedEvents implements Closeable {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    /** One held copy: where it was read from, its exact bytes and its flags. */
    record Location(String file, long record, long offset, long line, byte[] json, List<String> flags) {
        boolean partial() {
            return flags.contains(Flag.PARTIAL.label());
        }

        boolean conflicting() {
            return flags.contains(Flag.CONFLICTING_COPIES.label());
        }

        /** Whether a copy at (file, record), partial or not, ranks before this one. */
        boolean after(String otherFile, long otherRecord, boolean otherPartial) {
            return CopyOrder.after(file, record, partial(), otherFile, otherRecord, otherPartial);
        }

        /** The copy as an event again, to rebuild its document. */
        RawEvent event() throws IOException {
            ObjectNode tree = partial() ? Salvage.fields(json) : (ObjectNode) MAPPER.readTree(json);
            return new RawEvent(json, tree, file, record, offset, line, partial());
        }
    }

    private final IndexWriter writer;
    private DirectoryReader reader;
    private IndexSearcher searcher;
    private final FieldSpec keyField;
    private final Set<String> fields;
    private final String fileField;
    private final String recordField;
    private final String offsetField;
    private final String lineField;
    private final String rawField;
    private final String flagsField;
    /** Decodes the stored originals (zstd frames or plain bytes). */
    private final RawEvents raw;

    private CommittedEvents(DirectoryReader reader, IndexWriter writer, Schema schema, RawEvents raw) {
        this.raw = raw;
        this.writer = writer;
        this.reader = reader;
        this.searcher = reader == null ? null : new IndexSearcher(reader);
        this.keyField = schema.derived(Derivation.EVENT_KEY);
        this.fileField = schema.derived(Derivation.SOURCE_FILE).name();
        this.recordField = schema.derived(Derivation.SOURCE_RECORD).name();
        this.offsetField = schema.derived(Derivation.SOURCE_OFFSET).name();
        this.lineField = schema.derived(Derivation.SOURCE_LINE).name();
        this.rawField = schema.derived(Derivation.RAW_EVENT).name();
        this.flagsField = schema.derived(Derivation.FLAGS).name();
        this.fields = Set.of(fileField, recordField, offsetField, lineField, rawField);
    }

    /** The committed state of {@code dir}, or an empty one for a new index. */
    static CommittedEvents open(Directory dir, Schema schema, RawEvents raw) throws IOException {
        return new CommittedEvents(DirectoryReader.indexExists(dir) ? DirectoryReader.open(dir) : null, null, schema, raw);
    }

    /** What {@code writer} holds now, committed or not; opened on first use. */
    static CommittedEvents live(IndexWriter writer, Schema schema, RawEvents raw) {
        return new CommittedEvents(null, writer, schema, raw);
    }

    /** Puts every committed key into the duplicate table. */
    void preload(DedupTable dedup) throws IOException {
        if (reader == null) {
            return;
        }
        Terms terms = MultiTerms.getTerms(reader, keyField.name());
        if (terms == null) {
            return;
        }
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            dedup.preload(EventKeys.hash64(KeywordTerms.text(t)));
        }
    }

    /** Where the held event with {@code key} came from, or null if there is none (a hash collision). */
    synchronized Location locate(String key) throws IOException {
        if (writer != null) {
            refresh();
        }
        if (searcher == null) {
            return null;
        }
        TopDocs td = searcher.search(new TermQuery(KeywordTerms.term(keyField, key)), 1);
        if (td.scoreDocs.length == 0) {
            return null;
        }
        int doc = td.scoreDocs[0].doc;
        Document d = searcher.storedFields().document(doc, fields);
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BytesRef raw = d.getBinaryValue(rawField);
        return new Location(d.get(fileField), number(d, recordField), number(d, offsetField), number(d, lineField),
                raw == null ? new byte[0] : this.raw.decode(raw), FlagValues.of(leaf.reader(), doc - leaf.docBase, flagsField));
    }

    private void refresh() throws IOException {
        if (reader == null) {
            reader = DirectoryReader.open(writer);
        } else {
            DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
            if (newer == null) {
                return;
            }
            reader.close();
            reader = newer;
        }
        searcher = new IndexSearcher(reader);
    }

    private static long number(Document d, String field) {
        IndexableField f = d.getField(field);
        return f == null || f.numericValue() == null ? -1 : f.numericValue().longValue();
    }

    @Override
    public synchronized void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
