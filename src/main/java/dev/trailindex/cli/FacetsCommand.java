package dev.trailindex.cli;

import dev.trailindex.query.FacetCounts;
import dev.trailindex.query.JsonViews;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "facets", mixinStandardHelpOptions = true,
        header = "Top values with counts of one or more fields over the events matching QUERY (all events without "
                + "a query).",
        description = "Facetable fields are marked in 'trailindex fields'.",
        footer = ExitCodes.FOOTER)
final class FacetsCommand extends Subcommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Mixin
    TimeRangeOptions time;

    @Option(names = "--field", required = true, paramLabel = "FIELD", description = "Field to count (repeatable).")
    List<String> fields;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Values shown per field (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    ReportFormatOption format;

    @Mixin
    QueryParameter query;

    @Override
    public Integer call() throws IOException {
        String q = query.text();
        SearchRequest req = time.request(q, 0, Order.NEWEST, null);
        try (SearchBackend search = openIndex(index, opensearch)) {
            long total = search.count(req);
            List<FacetCounts> counts = search.facets(req, fields, top);
            if (format.json()) {
                printJson(format.pretty(), g -> JsonViews.facets(g, total, counts));
            } else {
                printTable(out(), total, counts);
            }
        }
        return ExitCodes.OK;
    }

    static void printTable(PrintWriter out, long total, List<FacetCounts> counts) {
        out.printf("%s%n", Formats.count(total, "matching event"));
        for (FacetCounts c : counts) {
            out.println();
            printFacet(out, c);
        }
    }

    static void printFacet(PrintWriter out, FacetCounts c) {
        out.printf("%s  (%s with a value, %s distinct)%n", c.field(), Formats.count(c.events(), "event"), Formats.number(c.distinct()));
        Table t = new Table(List.of("count", "value")).whole(0);
        for (FacetCounts.ValueCount v : c.top()) {
            t.row(List.of(Formats.number(v.count()), v.value()));
        }
        if (c.other() > 0) {
            t.row(List.of(Formats.number(c.other()), "(other values)"));
        }
        t.print(out);
    }
}
