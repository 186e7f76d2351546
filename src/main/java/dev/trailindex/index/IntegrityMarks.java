package dev.trailindex.index;

import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * Writes {@code verify}'s verdict on each source file into the events read from it (the schema's fileIntegrity enum
 * field), in place: one numeric doc-values update per source file, by its {@code ti.file} term, so no event is
 * re-indexed. Every file the index holds gets a value in each run: the verdict of the files the run saw, the first
 * value (unverified) for the others, so the field always says what the last run found.
 */
public final class IntegrityMarks {
    /**
     * What was written.
     *
     * @param files      source files the index holds
     * @param filesMarked those of them the run had a verdict on
     * @param events     events of the files the run had a verdict on (other than unverified)
     * @param millis     time taken, the commit included
     */
    public record Result(long files, long filesMarked, long events, long millis) {
    }

    private IntegrityMarks() {
    }

    /**
     * Marks the events of the index at {@code indexDir}; {@code verdicts} maps a file's path (absolute, as the walk
     * found it) to a value of the enum field. Also records the digest files the run saw. Paths the index spells alike
     * but for case share one term: the value with the higher code (the worse verdict) wins for both.
     */
    public static Result write(Path indexDir, Schema schema, Map<String, String> verdicts, Collection<Path> digests)
            throws IOException {
        long started = System.nanoTime();
        FieldSpec field = schema.integrityField().orElseThrow(() -> new IndexException(
                "the schema has no field that derives 'fileIntegrity'; verdicts cannot be recorded in the index"));
        FieldSpec file = schema.derived(Derivation.SOURCE_FILE);
        Map<BytesRef, Integer> codes = new HashMap<>();
        for (Map.Entry<String, String> v : verdicts.entrySet()) {
            int code = field.code(v.getValue());
            if (code < 0) {
                throw new IllegalArgumentException("'" + v.getValue() + "' is not a value of " + field.name());
            }
            codes.merge(KeywordTerms.of(file, v.getKey()), code, Math::max);
        }
        try (Directory dir = FSDirectory.open(indexDir); IndexWriter writer = open(dir, indexDir, schema)) {
            long files = 0;
            long marked = 0;
            long events = 0;
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                Terms terms = MultiTerms.getTerms(reader, file.name());
                TermsEnum te = terms == null ? TermsEnum.EMPTY : terms.iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    Integer code = codes.get(t);
                    files++;
                    if (code != null) {
                        marked++;
                        events += code == 0 ? 0 : te.docFreq();
                    }
                    writer.updateNumericDocValue(new Term(file.name(), BytesRef.deepCopyOf(t)), field.name(),
                            code == null ? 0 : code);
                }
            }
            writer.setLiveCommitData(IndexMeta.of(schema).entrySet());
            writer.commit();
            FileManifest.load(indexDir).appendDigests(digests.stream().map(Path::toString).toList());
            return new Result(files, marked, events, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static IndexWriter open(Directory dir, Path indexDir, Schema schema) throws IOException {
        if (!DirectoryReader.indexExists(dir)) {
            throw new IndexException("no index at " + indexDir);
        }
        IndexMeta.check(indexDir, SegmentInfos.readLatestCommit(dir).getUserData(), schema);
        IndexWriterConfig cfg = new IndexWriterConfig(Analyzers.forSchema(schema));
        cfg.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
        // The same codec as the indexer's: the doc-values updates are written with it.
        cfg.setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
        cfg.setCommitOnClose(false);
        cfg.setMergeScheduler(new QuietMergeScheduler());
        try {
            return new IndexWriter(dir, cfg);
        } catch (LockObtainFailedException e) {
            throw new IndexException("the index at " + indexDir + " is being written by another process (its write.lock "
                    + "is held): run verify --index again when that indexer has finished", e);
        }
    }
}
