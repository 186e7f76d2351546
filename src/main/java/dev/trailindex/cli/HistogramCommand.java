package dev.trailindex.cli;

import dev.trailindex.query.Durations;
import dev.trailindex.query.Histogram;
import dev.trailindex.query.JsonViews;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "histogram", mixinStandardHelpOptions = true,
        header = "Matching events over time, as a bar chart or JSON.",
        description = "Buckets are aligned to the interval in UTC; empty buckets between the first and the last match "
                + "are shown.",
        footer = ExitCodes.FOOTER)
final class HistogramCommand extends Subcommand implements Callable<Integer> {
    private static final int BAR = 50;
    /** Past this many buckets the chart leaves out empty ones. */
    private static final int MAX_LINES = 200;

    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Mixin
    TimeRangeOptions time;

    @Option(names = "--interval", paramLabel = "I", defaultValue = "auto", description = "auto (default, about 60 buckets), or e.g. 1m, 5m, 1h, 1d, 1w, 1mo, 1y; days and longer start at midnight in --tz.")
    String interval;

    @Mixin
    ReportFormatOption format;

    @Mixin
    QueryParameter query;

    @Override
    public Integer call() throws IOException {
        String q = query.text();
        SearchRequest req = time.request(q, 0, Order.NEWEST, null);
        try (SearchBackend search = openIndex(index, opensearch)) {
            Histogram h = search.histogram(req, dev.trailindex.query.Interval.parseOrAuto(interval));
            if (format.json()) {
                printJson(format.pretty(), g -> JsonViews.histogram(g, h, req.zone()));
            } else {
                chart(out(), h, req.zone());
            }
        }
        return ExitCodes.OK;
    }

    private static void chart(PrintWriter out, Histogram h, ZoneId zone) {
        long max = h.buckets().stream().mapToLong(Histogram.Bucket::count).max().orElse(0);
        int width = Formats.number(max).length();
        out.printf("%s, interval %s%s%n", Formats.count(h.total(), "event"), h.interval(), h.withoutTime() > 0 ? ", " + Formats.number(h.withoutTime()) + " without a time" : "");
        boolean sparse = h.buckets().size() > MAX_LINES;
        if (sparse) {
            out.printf("(%s buckets: empty ones are not shown; use a larger --interval for a continuous chart)%n",
                    Formats.number(h.buckets().size()));
        }
        for (Histogram.Bucket b : h.buckets()) {
            if (sparse && b.count() == 0) {
                continue;
            }
            int len = max == 0 ? 0 : (int) Math.round((double) b.count() * BAR / max);
            String bar = "#".repeat(len);
            if (len == 0 && b.count() > 0) {
                bar = ".";
            }
            out.printf("%s  %" + width + "s  %s%n", Formats.time(b.start(), zone), Formats.number(b.count()), bar);
        }
    }
}
