package dev.trailindex.index;

import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The events an index held when a run began: their keys go into the duplicate table, and when a run meets one
 * of them again it asks here where the committed copy came from, so the copy first in walk order (path, then
 * position) wins across runs too: a run that was killed and re-run ends with the same index as one that was not.
 */
final class CommittedEvents implements Closeable {
    /** Where a committed event was read from. */
    record Location(String file, long record) {
        /** Whether an event at (file, record) comes before this one in walk order. */
        boolean after(String otherFile, long otherRecord) {
            int c = Path.of(file).compareTo(Path.of(otherFile));
            return c > 0 || (c == 0 && record > otherRecord);
        }
    }

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final FieldSpec keyField;
    private final Set<String> fields;
    private final String fileField;
    private final String recordField;

    private CommittedEvents(DirectoryReader reader, Schema schema) {
        this.reader = reader;
        this.searcher = reader == null ? null : new IndexSearcher(reader);
        this.keyField = schema.derived(Derivation.EVENT_KEY);
        this.fileField = schema.derived(Derivation.SOURCE_FILE).name();
        this.recordField = schema.derived(Derivation.SOURCE_RECORD).name();
        this.fields = Set.of(fileField, recordField);
    }

    /** The committed state of {@code dir}, or an empty one for a new index. */
    static CommittedEvents open(Directory dir, Schema schema) throws IOException {
        return new CommittedEvents(DirectoryReader.indexExists(dir) ? DirectoryReader.open(dir) : null, schema);
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

    /** Where the committed event with {@code key} came from, or null if there is none (a hash collision). */
    Location locate(String key) throws IOException {
        if (searcher == null) {
            return null;
        }
        TopDocs td = searcher.search(new TermQuery(KeywordTerms.term(keyField, key)), 1);
        if (td.scoreDocs.length == 0) {
            return null;
        }
        Document d = searcher.storedFields().document(td.scoreDocs[0].doc, fields);
        IndexableField record = d.getField(recordField);
        return new Location(d.get(fileField), record == null ? -1 : record.numericValue().longValue());
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
