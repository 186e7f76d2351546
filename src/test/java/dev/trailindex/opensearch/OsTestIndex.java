package dev.trailindex.opensearch;

import dev.trailindex.TestSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An input loaded into the shared test node once per test run, beside its local index ({@link TestSupport#indexed}),
 * each input under its own alias, and the OpenSearch backend over it.
 */
public final class OsTestIndex {
    private static final Map<Path, OpenSearchBackend> LOADED = new HashMap<>();

    private OsTestIndex() {
    }

    /** The backend over {@code input} on the shared node, loading it on first use. */
    public static synchronized OpenSearchBackend backend(Path input) throws IOException {
        Path key = input.toAbsolutePath().normalize();
        OpenSearchBackend have = LOADED.get(key);
        if (have == null) {
            OpenSearchNode node = OpenSearchNode.shared();
            String alias = "ti-" + Integer.toHexString(key.toString().hashCode()) + "-"
                    + key.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            have = OsTestLoad.load(node, alias, key);
            LOADED.put(key, have);
        }
        return have;
    }
}
