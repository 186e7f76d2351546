package dev.trailindex.sigma;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * A detection translated for the index.
 *
 * @param query      the Lucene query; when {@code exact}, its hits are the rule's hits, otherwise a superset of them
 *                   (the candidates) that the post-filter narrows on each event's stored JSON
 * @param exact      whether the query alone gives the exact answer
 * @param text       the query in trailindex's query language ({@code trailindex search} takes it); parts the
 *                   language cannot write are in [brackets] and named in {@code notes}
 * @param postFilter the parts checked on the stored JSON, one line each
 * @param unindexed  rule fields the index does not hold (checked on the stored JSON; CloudTrail may never have them)
 * @param notes      other things the reader should know, one line each
 */
public record Plan(Query query, boolean exact, String text, List<String> postFilter, List<String> unindexed, List<String> notes) {
    public Plan {
        postFilter = List.copyOf(postFilter);
        unindexed = List.copyOf(unindexed);
        notes = List.copyOf(notes);
    }
}
