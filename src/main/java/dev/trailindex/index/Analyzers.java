package dev.trailindex.index;

import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import dev.trailindex.schema.Schema;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/** The one analyzer used both to index and to parse queries, built from the schema. */
public final class Analyzers {
    private Analyzers() {
    }

    public static Analyzer forSchema(Schema schema) {
        // Text fields: standard word splitting, lower-cased, no stop words (in logs "not" and "no" matter).
        Analyzer text = new StandardAnalyzer(CharArraySet.EMPTY_SET);
        Map<String, Analyzer> perField = new HashMap<>();
        for (FieldSpec f : schema.fields()) {
            if (f.type() == FieldType.TEXT) {
                perField.put(f.name(), text);
            }
        }
        // Everything else is indexed as exact terms; the keyword analyzer keeps query terms exact too.
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }
}
