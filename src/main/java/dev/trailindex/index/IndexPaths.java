package dev.trailindex.index;

import java.nio.file.Path;

/** Where the index lives when the user does not say. */
public final class IndexPaths {
    /** Environment variable that overrides the default index folder. */
    public static final String ENV = "TRAILINDEX_INDEX";
    /** The default folder, relative to the working directory. */
    public static final String DEFAULT_DIR = "trailindex-index";

    private IndexPaths() {
    }

    public static Path defaultIndex() {
        String env = System.getenv(ENV);
        return Path.of(env != null && !env.isBlank() ? env : DEFAULT_DIR);
    }
}
