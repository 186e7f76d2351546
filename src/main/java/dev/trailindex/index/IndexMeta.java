package dev.trailindex.index;

import dev.trailindex.schema.Schema;
import java.nio.file.Path;
import java.util.Map;

/** What an index records about the schema it was built with, in its commit data, and the check on open. */
public final class IndexMeta {
    private static final String SCHEMA_VERSION = "trailindex.schemaVersion";
    private static final String SCHEMA_FINGERPRINT = "trailindex.schemaFingerprint";

    private IndexMeta() {
    }

    static Map<String, String> of(Schema schema) {
        return Map.of(SCHEMA_VERSION, Integer.toString(schema.version()), SCHEMA_FINGERPRINT, schema.fingerprint());
    }

    /** Whether commit data was written by trailindex (of any schema version). */
    static boolean isOurs(Map<String, String> userData) {
        return userData.containsKey(SCHEMA_VERSION);
    }

    /** Fails with a clear message unless {@code userData} says the index was built with {@code schema}. */
    public static void check(Path dir, Map<String, String> userData, Schema schema) {
        String version = userData.get(SCHEMA_VERSION);
        String fingerprint = userData.get(SCHEMA_FINGERPRINT);
        if (version == null) {
            throw new IndexException(dir + " is not a trailindex index (no schema version recorded); "
                    + "point --index at a new folder or remove it and re-index");
        }
        if (!version.equals(Integer.toString(schema.version())) || !schema.fingerprint().equals(fingerprint)) {
            throw new IndexException(dir + " was built with schema version " + version + " (" + fingerprint
                    + "), but this trailindex uses schema version " + schema.version() + " (" + schema.fingerprint()
                    + "): re-index: remove " + dir + " and run trailindex index again");
        }
    }
}
