package dev.trailindex.cli;

import dev.trailindex.query.Printable;

import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.query.JsonViews;
import dev.trailindex.query.StoredEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Write the events matching QUERY, oldest first, as a CloudTrail delivery file "
                + "{\"Records\":[...]}, each event byte for byte.",
        description = "Write the events matching QUERY, oldest first, as a CloudTrail delivery file "
                + "{\"Records\":[...]} that other tools read: gzip'd when FILE ends in .gz. Each event is its "
                + "original JSON, byte for byte. The file appears only when complete; an existing one is replaced "
                + "only with --force.",
        footer = ExitCodes.FOOTER)
final class ExportCommand extends Subcommand implements Callable<Integer> {
    private static final int PAGE = 1000;
    private static final byte[] NEWLINE = "\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMA_NEWLINE = ",\n".getBytes(StandardCharsets.UTF_8);

    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Mixin
    TimeRangeOptions time;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "The file to write (e.g. incident.json.gz), or - for standard output. A device or FIFO "
                    + "is written directly; a file appears only when complete.")
    String out;

    @Option(names = {"-f", "--force"}, description = "Replace FILE if it exists (its permissions are kept).")
    boolean force;

    @Mixin
    QueryParameter query;

    @Override
    public Integer call() throws IOException {
        String q = query.text();
        SearchRequest req = time.request(q, PAGE, Order.OLDEST, null);
        OutputTarget target = OutputTarget.resolve(out, force);
        long n = 0;
        try (SearchBackend search = openIndex(index, opensearch)) {
            // A bad query fails here, before the file is opened.
            search.count(req);
            out().flush();
            try (OutputTarget.Sink sink = target.open(main.rawOut())) {
                OutputStream gz = target.gzip() ? new GZIPOutputStream(sink.stream(), 1 << 16) : null;
                OutputStream file = new BufferedOutputStream(gz != null ? gz : sink.stream(), 1 << 16);
                file.write("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
                try {
                    n = search.stream(req, new java.util.function.Consumer<StoredEvent>() {
                        private long written;

                        @Override
                        public void accept(StoredEvent e) {
                            try {
                                file.write(written++ == 0 ? NEWLINE : COMMA_NEWLINE);
                                file.write(JsonViews.bareEvent(search.schema(), e));
                            } catch (IOException x) {
                                throw new java.io.UncheckedIOException(x);
                            }
                        }
                    });
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
                file.write("\n]}\n".getBytes(StandardCharsets.UTF_8));
                file.flush();
                if (gz != null) {
                    ((GZIPOutputStream) gz).finish();
                }
                sink.commit();
            }
        }
        (target.isStdout() ? err() : out()).printf("exported %s to %s%n", Formats.count(n, "event"), Printable.escape(out));
        return ExitCodes.OK;
    }

    /** Reads every event (or most): memory-mapped files serve long sequential reads best. */
    @Override
    dev.trailindex.query.SearchService.Reads reads() {
        return dev.trailindex.query.SearchService.Reads.MAPPED;
    }
}
