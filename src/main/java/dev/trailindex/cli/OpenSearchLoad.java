package dev.trailindex.cli;

import dev.trailindex.index.IngestReport;
import dev.trailindex.opensearch.BulkLoader;
import dev.trailindex.opensearch.OsClient;
import dev.trailindex.opensearch.OsConnection;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code index --opensearch}: a load into a cluster, with the local run's progress lines and Ctrl-C message. */
final class OpenSearchLoad {
    /** Prints the report; returns the exit status. */
    @FunctionalInterface
    interface Reporter {
        int print(IngestReport r) throws IOException;
    }

    private final OsConnection connection;
    private final Schema schema;
    private final PrintWriter err;
    private final boolean quiet;

    OpenSearchLoad(OsConnection connection, Schema schema, PrintWriter err, boolean quiet) {
        this.connection = connection;
        this.schema = schema;
        this.err = err;
        this.quiet = quiet;
    }

    int run(List<Path> paths, BulkLoader.Options options, Reporter reporter) throws IOException {
        if (paths.stream().anyMatch(p -> p.toString().equals(dev.trailindex.ingest.InputWalker.STDIN))) {
            throw new UsageError("standard input (-) cannot be loaded into OpenSearch: a killed load must be able to read "
                    + "its input again; save it to a file first");
        }
        try (OsClient client = new OsClient(connection)) {
            BulkLoader loader = new BulkLoader(schema, client, connection.index(), options);
            Thread onStop = new Thread(() -> {
                loader.stop();
                err.println("trailindex: stopped; files whose events were all acknowledged are recorded on the cluster; "
                        + "run the same command again to finish (nothing is duplicated)");
                err.flush();
            }, "trailindex-stop");
            Runtime.getRuntime().addShutdownHook(onStop);
            IngestReport report;
            try {
                report = loader.run(paths, quiet ? null : (done, files, events, indexed) ->
                        err.printf("loading: %s of %s files, %s events read, %s new%n", Formats.number(done),
                                Formats.number(files), Formats.number(events), Formats.number(indexed)));
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onStop);
                } catch (IllegalStateException shuttingDown) {
                    // The hook runs and says what happened.
                }
            }
            return reporter.print(report);
        }
    }
}
