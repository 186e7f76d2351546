package dev.trailindex.cli;

import dev.trailindex.query.Printable;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trailindex.index.Indexer;
import dev.trailindex.query.Durations;
import dev.trailindex.index.IngestReport;
import dev.trailindex.ingest.FileOutcome;
import dev.trailindex.ingest.IngestLimits;
import dev.trailindex.ingest.Reason;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "index", mixinStandardHelpOptions = true,
        header = "Index CloudTrail logs from files, folders and standard input, plain or gzip'd, in any of "
                + "CloudTrail's shapes.",
        description = "Index CloudTrail logs: files and folders (walked recursively), plain or gzip'd, in any of "
                + "CloudTrail's shapes: {\"Records\":[...]} delivery files, JSON arrays, single events, JSON "
                + "lines, and 'aws cloudtrail lookup-events' output. Re-running reads only new or changed files "
                + "and adds only events not yet in the index; a killed run is completed by running it again. "
                + "Broken files are reported with their path and reason and never stop the run.",
        footer = ExitCodes.FOOTER)
final class IndexCommand extends Subcommand implements Callable<Integer> {
    private static final int LIST_LIMIT = 20;

    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Log files or folders; - reads standard input (a pipe is read once, never skipped as unchanged).")
    List<Path> paths;

    @Option(names = "--threads", paramLabel = "N", description = "Files read at once (default: the number of cores).")
    Integer threads;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Summary as table or json (json lists every problem file).")
    ReportFormat format;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Option(names = "--full", description = "Read every file again, even those already ingested and unchanged (events are still never duplicated).")
    boolean full;

    @Option(names = "--commit-interval", paramLabel = "AGE", defaultValue = "10s",
            description = "Commit this often during a run; a killed run loses at most this much work. 0 commits after every file: "
                    + "the most durable and the slowest (default: ${DEFAULT-VALUE}).")
    String commitInterval;

    @Option(names = "--max-event-size", paramLabel = "BYTES", defaultValue = "8m",
            description = "Largest event (or JSON line) accepted, in bytes or with k, m, g; larger ones are rejected (default: 8m).")
    String maxEventSize;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "500", description = "Deepest JSON nesting accepted, at most 1000 (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "4g",
            description = "Most bytes read from one file after decompression, against gzip bombs, in bytes or with k, m, g (default: 4g).")
    String maxFileSize;

    @Override
    public Integer call() throws IOException {
        Indexer.Options defaults = Indexer.Options.defaults();
        int n = threads == null ? defaults.threads() : threads;
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        long maxFileBytes = Formats.size(maxFileSize, "--max-file-size");
        long eventBytes = Formats.size(maxEventSize, "--max-event-size");
        if (eventBytes > Integer.MAX_VALUE - (1 << 20)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-event-size must be below 2g");
        }
        int maxEventBytes = (int) eventBytes;
        if (maxEventBytes < 1 || maxDepth < 1 || maxFileBytes < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-event-size, --max-depth and --max-file-size must be positive");
        }
        if (maxDepth > Indexer.MAX_DEPTH_LIMIT) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-depth must be at most " + Indexer.MAX_DEPTH_LIMIT
                    + ", not " + maxDepth + " (CloudTrail events nest about 10 levels deep)");
        }
        IngestLimits limits = new IngestLimits(maxEventBytes, maxDepth, maxFileBytes);
        if (opensearch.enabled()) {
            return new OpenSearchLoad(opensearch.connection(), main.schema(), err(), quiet)
                    .run(paths, new dev.trailindex.opensearch.BulkLoader.Options(Math.max(2, n), limits,
                            Durations.parseOrZero(commitInterval, "--commit-interval"), full), r -> report(r, opensearch.connection().base()
                                    + " (alias " + opensearch.index() + ")"));
        }
        Indexer indexer = new Indexer(main.schema(), new Indexer.Options(n, limits, defaults.ramBufferMb(),
                Durations.parseOrZero(commitInterval, "--commit-interval"), full));
        PrintWriter err = err();
        Indexer.Progress progress = quiet ? null : (done, files, events, indexed) ->
                err.printf("indexing: %s of %s files, %s events read, %s new%n", Formats.number(done),
                        Formats.number(files), Formats.number(events), Formats.number(indexed));
        // Ctrl-C (or a TERM signal): commit what is finished, say so, and let the process end.
        Thread onStop = new Thread(() -> {
            long held = indexer.stop();
            err.println(held < 0 ? "trailindex: stopped before anything was committed; run the same command again"
                    : "trailindex: stopped; what was read is committed (the index holds " + Formats.number(held)
                            + " events); run the same command again to finish: files already committed are not read again");
            err.flush();
        }, "trailindex-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        IngestReport report;
        try {
            report = indexer.run(index.path(), paths, progress);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onStop);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: it says what happened.
            }
        }
        return report(report, index.path().toString());
    }

    /** Prints the report of a run into {@code target}; the exit status. */
    private int report(IngestReport report, String target) throws IOException {
        if (format == ReportFormat.JSON) {
            printReport(report, target);
        } else {
            printTable(report, target, out());
        }
        return report.clean() ? ExitCodes.OK : ExitCodes.INPUT_FAILED;
    }

    private void printTable(IngestReport r, String target, PrintWriter out) {
        out.printf("indexed %s into %s in %.1f s%n", Formats.count(r.indexed(), "new event"), Printable.escape(target),
                r.millis() / 1000.0);
        out.printf("  files:      %s found, %s unchanged since the last run, %s read whole, %s skipped, %s failed%n",
                Formats.number(r.files()), Formats.number(r.filesUnchanged()), Formats.number(r.filesRead()),
                Formats.number(r.filesSkipped()), Formats.number(r.filesFailed()));
        out.printf("  events:     %s read, %s new, %s, %s, %s rejected%n", Formats.number(r.eventsRead()),
                Formats.number(r.indexed()), Formats.count(r.duplicates(), "duplicate"),
                Formats.count(r.conflicts(), "conflicting copy", "conflicting copies"), Formats.number(r.rejected()));
        if (r.partial() > 0) {
            out.printf("  partial:    %s salvaged from records cut short (ti.flags:partial)%n", Formats.count(r.partial(), "event"));
        }
        if (!r.rejectedByReason().isEmpty()) {
            out.printf("  rejected:   %s%n", byReason(r.rejectedByReason()));
        }
        if (!r.skippedByReason().isEmpty()) {
            out.printf("  skipped:    %s%n", byReason(r.skippedByReason()));
        }
        if (!r.failedByReason().isEmpty()) {
            out.printf("  failed:     %s%n", byReason(r.failedByReason()));
        }
        out.printf("  index:      %s%n", Formats.count(r.documents(), "event"));
        list(out, "failed", r.problems().stream().filter(FileOutcome::failed).toList());
        listConflicts(out, r.conflictPairs());
        list(out, "skipped", r.problems().stream().filter(FileOutcome::skipped).toList());
    }

    private static void list(PrintWriter out, String what, List<FileOutcome> files) {
        int shown = 0;
        for (FileOutcome o : files) {
            if (shown++ == LIST_LIMIT) {
                out.printf("%s: ... and %d more (--format json lists all)%n", what, files.size() - LIST_LIMIT);
                break;
            }
            out.printf("%s: %s: %s%s%s%n", what, Printable.escape(o.file()), label(o),
                    o.detail() == null ? "" : " (" + Printable.escape(o.detail()) + ")",
                    o.events() == 0 ? "" : o.reason() != null ? "; " + Formats.count(o.events() - o.partial(), "event")
                            + " before the break kept" + (o.partial() == 0 ? "" : ", " + Formats.count(o.partial(), "partial event") + " salvaged")
                            : "; its other " + Formats.count(o.events(), "event") + " kept");
        }
    }

    private static void listConflicts(PrintWriter out, List<IngestReport.Conflict> pairs) {
        int shown = 0;
        for (IngestReport.Conflict c : pairs) {
            if (shown++ == LIST_LIMIT) {
                out.printf("conflict: ... and %d more (--format json lists all)%n", pairs.size() - LIST_LIMIT);
                break;
            }
            out.printf("conflict: %s: indexed from %s #%d; differing copy in %s #%d (show --all-copies)%n", Printable.escape(c.eventID()),
                    Printable.escape(c.file()), c.record(), Printable.escape(c.copyFile()), c.copyRecord());
        }
    }

    private static String label(FileOutcome o) {
        if (o.reason() != null) {
            return o.reason().label();
        }
        return o.rejected().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }

    private static String byReason(Map<Reason, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().label() + " " + Formats.number(e.getValue())).collect(Collectors.joining(", "));
    }

    private void printReport(IngestReport r, String target) throws IOException {
        printJson(true, g -> {
            g.writeStartObject();
            g.writeStringField("index", target);
            g.writeNumberField("files", r.files());
            g.writeNumberField("filesUnchanged", r.filesUnchanged());
            g.writeNumberField("filesRead", r.filesRead());
            g.writeNumberField("filesSkipped", r.filesSkipped());
            g.writeNumberField("filesFailed", r.filesFailed());
            g.writeNumberField("eventsRead", r.eventsRead());
            g.writeNumberField("indexed", r.indexed());
            g.writeNumberField("duplicates", r.duplicates());
            g.writeNumberField("conflicts", r.conflicts());
            g.writeNumberField("partial", r.partial());
            g.writeNumberField("rejected", r.rejected());
            g.writeNumberField("documents", r.documents());
            g.writeNumberField("millis", r.millis());
            writeCounts(g, "skippedByReason", r.skippedByReason());
            writeCounts(g, "failedByReason", r.failedByReason());
            writeCounts(g, "rejectedByReason", r.rejectedByReason());
            g.writeArrayFieldStart("problems");
            for (FileOutcome o : r.problems()) {
                g.writeStartObject();
                g.writeStringField("file", o.file());
                g.writeStringField("outcome", o.skipped() ? "skipped" : "failed");
                if (o.reason() != null) {
                    g.writeStringField("reason", o.reason().label());
                }
                if (o.detail() != null) {
                    g.writeStringField("detail", o.detail());
                }
                g.writeNumberField("events", o.events());
                g.writeNumberField("partial", o.partial());
                writeCounts(g, "rejected", o.rejected());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("conflictingCopies");
            for (IngestReport.Conflict c : r.conflictPairs()) {
                g.writeStartObject();
                g.writeStringField("eventID", c.eventID());
                g.writeObjectFieldStart("indexed");
                g.writeStringField("file", c.file());
                g.writeNumberField("record", c.record());
                g.writeNumberField("offset", c.offset());
                g.writeEndObject();
                g.writeObjectFieldStart("copy");
                g.writeStringField("file", c.copyFile());
                g.writeNumberField("record", c.copyRecord());
                g.writeNumberField("offset", c.copyOffset());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void writeCounts(JsonGenerator g, String name, Map<Reason, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (var e : counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            g.writeNumberField(e.getKey().label(), e.getValue());
        }
        g.writeEndObject();
    }
}
