package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The load bookkeeping beside the events ({@link OsManifest}'s {@code NAME-files}, one document per file loaded): how
 * many files the loads recorded, for {@code stats}. Loads into a cluster record no digest files (they are skipped
 * as locally, but not kept), so that count is 0.
 */
final class OsFiles {
    private final OsCalls calls;
    private final String filesIndex;

    OsFiles(OsCalls calls, String filesIndex) {
        this.calls = calls;
        this.filesIndex = filesIndex;
    }

    record Recorded(long files, long digests) {
    }

    Recorded recorded() {
        JsonNode r = calls.call("POST", "/" + filesIndex + "/_count?ignore_unavailable=true&allow_no_indices=true",
                QueryTranslator.NODES.objectNode().set("query", QueryTranslator.one("match_all", QueryTranslator.NODES.objectNode())));
        return new Recorded(r.path("count").asLong(), 0);
    }
}
