package dev.trailindex.opensearch;

import dev.trailindex.TestSupport;
import java.nio.file.Path;
import java.util.List;

/** Loads an input into the shared node with os-load's loader, as {@code trailindex index --opensearch} does. */
final class OsTestLoad {
    private OsTestLoad() {
    }

    static OpenSearchBackend load(OpenSearchNode node, String alias, Path input) {
        OsConnection c = OsConnection.of(node.url(), alias);
        OsClient client = new OsClient(c);
        client.checked("PUT", "/_index_template/" + IndexTemplate.templateName(alias), new IndexTemplate(TestSupport.SCHEMA).body(alias));
        new BulkLoader(TestSupport.SCHEMA, client, alias, BulkLoader.Options.defaults()).run(List.of(input), null);
        client.refresh(alias);
        return OpenSearchBackend.open(c, TestSupport.SCHEMA);
    }
}
