package dev.trailindex.cli;

import dev.trailindex.index.IndexPaths;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared --index option. */
final class IndexOption {
    @Option(names = "--index", paramLabel = "DIR",
            description = "Index folder (default: $" + IndexPaths.ENV + ", else ./" + IndexPaths.DEFAULT_DIR + ").")
    Path index;

    Path path() {
        return index != null ? index : IndexPaths.defaultIndex();
    }
}
