package dev.trailindex.cli;

import dev.trailindex.index.IndexCheck;
import dev.trailindex.query.FacetCounts;
import dev.trailindex.query.IndexStats;
import dev.trailindex.query.JsonViews;
import dev.trailindex.query.SearchService;
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

    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Values shown per field (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    ReportFormatOption format;

    @Option(names = "--check", description = "First verify the checksum of every index file (as 'trailindex check' does).")
    boolean check;

    @Override
    public Integer call() throws IOException {
        if (check) {
            IndexCheck.Result r = IndexCheck.check(index.path(), false);
            if (!r.clean()) {
                throw new dev.trailindex.index.IndexException("the index at " + index.path() + " is damaged: " + r.problem()
                        + "; rebuild it with 'trailindex index' into a new folder");
            }
        }
        try (SearchService search = openIndex(index)) {
            IndexStats s = search.stats(top);
            if (format.json()) {
                printStats(s);
            } else {
                PrintWriter out = out();
                out.printf("index:        %s%n", index.path());
                out.printf("events:       %s%n", Formats.number(s.events()));
                out.printf("time span:    %s .. %s%n", s.first() == null ? "-" : Formats.time(s.first()),
                        s.last() == null ? "-" : Formats.time(s.last()));
                out.printf("without time: %s%n", Formats.number(s.withoutTime()));
                out.printf("source files: %s%n", Formats.number(s.files()));
                for (FacetCounts c : s.top()) {
                    out.println();
                    FacetsCommand.printFacet(out, c);
                }
            }
        }
        return ExitCodes.OK;
    }

    private void printStats(IndexStats s) throws IOException {
        printJson(true, g -> {
            g.writeStartObject();
            g.writeStringField("index", index.path().toString());
            JsonViews.stats(g, s);
            g.writeEndObject();
        });
    }
}
