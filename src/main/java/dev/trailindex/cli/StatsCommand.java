package dev.trailindex.cli;

import dev.trailindex.query.Printable;

import dev.trailindex.index.IndexCheck;
import dev.trailindex.query.FacetCounts;
import dev.trailindex.query.IndexStats;
import dev.trailindex.query.JsonViews;
import dev.trailindex.search.SearchBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true,
        header = "What the index holds: events, time span, source files and the top values of key fields.",
        footer = ExitCodes.FOOTER)
final class StatsCommand extends Subcommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Values shown per field (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    ReportFormatOption format;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Show times in ZONE (Europe/Berlin, -05:00); default UTC.")
    String tz;

    @Option(names = "--check", description = "First verify the checksum of every index file (as 'trailindex check' does).")
    boolean check;

    @Override
    public Integer call() throws IOException {
        if (check && opensearch.enabled()) {
            throw new UsageError("--check verifies the files of a local index; a cluster checks its own (drop --opensearch or --check)");
        }
        if (check) {
            IndexCheck.Result r = IndexCheck.check(index.path(), false);
            if (!r.clean()) {
                throw new dev.trailindex.index.IndexException("the index at " + index.path() + " is damaged: " + r.problem()
                        + "; rebuild it with 'trailindex index' into a new folder");
            }
        }
        try (SearchBackend search = openIndex(index, opensearch)) {
            IndexStats s = search.stats(top);
            if (format.json()) {
                printStats(s, search.describe());
            } else {
                PrintWriter out = out();
                java.time.ZoneId zone = TimeRangeOptions.zone(tz);
                out.printf("index:                         %s%n", Printable.escape(search.describe()));
                out.printf("events:                        %s%n", Formats.number(s.events()));
                out.printf("first and last event:          %s .. %s%n", s.first() == null ? "-" : Formats.time(s.first(), zone),
                        s.last() == null ? "-" : Formats.time(s.last(), zone));
                out.printf("events without a time:         %s%n", Formats.number(s.withoutTime()));
                out.printf("source files with kept events: %s%n", Formats.number(s.files()));
                out.printf("files read by 'index':         %s (with files that held no events, failed or were skipped)%n",
                        Formats.number(s.filesRecorded()));
                out.printf("digest files:                  %s (seen by 'index' and 'verify --index'; not events)%n",
                        Formats.number(s.digestFiles()));
                for (FacetCounts c : s.top()) {
                    out.println();
                    FacetsCommand.printFacet(out, c);
                }
            }
        }
        return ExitCodes.OK;
    }

    private void printStats(IndexStats s, String where) throws IOException {
        printJson(format.pretty(), g -> {
            g.writeStartObject();
            g.writeStringField("index", where);
            JsonViews.stats(g, s);
            g.writeEndObject();
        });
    }
}
