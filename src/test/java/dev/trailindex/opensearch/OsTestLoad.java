package dev.trailindex.opensearch;

import dev.trailindex.TestSupport;
import java.nio.file.Path;
import java.util.List;

/** Loads an input into the shared node with os-load's setup and loader, as {@code trailindex index --opensearch} does. */
final class OsTestLoad {
    private OsTestLoad() {
    }

    static OpenSearchBackend load(OpenSearchNode node, String alias, Path input) {
        OsConnection c = OsConnection.of(node.url(), alias);
        try (OsClient client = new OsClient(c)) {
            OsSetup.install(client, TestSupport.SCHEMA, new IndexTemplate(TestSupport.SCHEMA), alias);
            new BulkLoader(TestSupport.SCHEMA, client, alias, BulkLoader.Options.defaults()).run(List.of(input), null);
            client.refresh(alias);
        }
        return OpenSearchBackend.open(c, TestSupport.SCHEMA);
    }
}
