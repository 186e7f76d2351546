package dev.trailindex.cli;

import dev.trailindex.query.Printable;

import dev.trailindex.query.FacetCounts;
import dev.trailindex.query.HuntResult;
import dev.trailindex.query.Hunts;
import dev.trailindex.query.Order;
import dev.trailindex.query.QueryException;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.JsonViews;
import dev.trailindex.query.SearchResult;
import dev.trailindex.search.SearchBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "hunt", mixinStandardHelpOptions = true,
        header = "Run the named forensic searches shipped with trailindex (index-schema/hunts.json), or show one "
                + "with its events.",
        description = "Run the named forensic searches shipped with trailindex (index-schema/hunts.json): root "
                + "activity, sign-ins without MFA, CloudTrail tampering, new keys, policy changes, exposed "
                + "security groups, and more. Without NAME, a table of hits per hunt; with NAME, why it matters "
                + "and its events.",
        footer = ExitCodes.FOOTER)
final class HuntCommand extends Subcommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Mixin
    TimeRangeOptions time;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Events shown for one hunt (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Grouped values shown (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    ReportFormatOption format;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "One hunt to show.")
    String name;

    @Override
    public Integer call() throws IOException {
        Hunts hunts = Hunts.bundled();
        SearchRequest range = time.request("", 0, Order.NEWEST, null);
        List<Hunts.Hunt> chosen = name == null ? hunts.all() : List.of(hunts.get(name).orElseThrow(() ->
                new QueryException("no hunt named '" + name + "'; 'trailindex hunt' lists them")));
        try (SearchBackend search = openIndex(index, opensearch)) {
            List<HuntResult> results = new ArrayList<>();
            for (Hunts.Hunt h : chosen) {
                results.add(search.hunt(h, range, top));
            }
            if (format.json()) {
                printResults(results, name != null);
            } else if (name == null) {
                // A grouped hunt's answer is its groups (the rarest regions), not its events: both are shown.
                Table t = new Table(List.of("hunt", "hits", "groups", "title")).whole(0, 1, 2);
                results.forEach(r -> t.row(List.of(r.hunt().name(), Formats.number(r.hits()),
                        r.hunt().groupBy() == null ? "" : Formats.number(r.distinctGroups()) + " " + r.hunt().groupBy(), r.hunt().title())));
                t.print(out());
            } else {
                showOne(search, results.get(0), range);
            }
        }
        return ExitCodes.OK;
    }

    private void showOne(SearchBackend search, HuntResult r, SearchRequest range) throws IOException {
        PrintWriter out = out();
        String hits = Formats.number(r.hits()) + (r.hits() == 1 ? " event" : " events")
                + (r.hunt().groupBy() == null ? "" : " in " + Formats.number(r.distinctGroups()) + " " + r.hunt().groupBy() + " values");
        out.printf("%s: %s%nwhy:   %s%nquery: %s%nhits:  %s%n", r.hunt().name(), r.hunt().title(), r.hunt().why(),
                r.hunt().query().isBlank() ? "(every event)" : r.hunt().query(), hits);
        if (!r.groups().isEmpty()) {
            out.printf("%nby %s%s:%n", r.hunt().groupBy(), r.hunt().rarestFirst() ? " (rarest first)" : "");
            Table g = new Table(List.of("count", "value")).whole(0);
            r.groups().forEach(v -> g.row(List.of(Formats.number(v.count()), v.value())));
            g.print(out);
            TraceHint.print(out, main.schema(), r.hunt().groupBy(), r.groups().get(0).value());
        }
        if (r.hunt().query().isBlank() && !r.groups().isEmpty()) {
            // Every event matches: listing the newest says nothing. The events of one group are one search away.
            FacetCounts.ValueCount first = r.groups().get(0);
            out.printf("%nthe events of one value: trailindex search '%s:\"%s\"'%n", r.hunt().groupBy(),
                    Printable.escape(first.value()).replace("\"", "\\\""));
        } else if (r.hits() > 0 && limit > 0) {
            out.println();
            SearchRequest req = new SearchRequest(r.hunt().query(), range.from(), range.to(), limit, Order.NEWEST, null, range.zone());
            SearchResult page = search.search(req);
            String more = page.nextCursor() == null ? "" : "; all of them: trailindex search '" + r.hunt().query().replace("'", "'\\''") + "'";
            HitTable.table(out, Columns.of(main.schema(), null), page, range.zone(), more);
        }
    }

    private void printResults(List<HuntResult> results, boolean one) throws IOException {
        printJson(format.pretty(), g -> {
            if (!one) {
                g.writeStartObject();
                g.writeNumberField("version", JsonViews.VERSION);
                g.writeArrayFieldStart("hunts");
            }
            for (HuntResult r : results) {
                g.writeStartObject();
                if (one) {
                    g.writeNumberField("version", JsonViews.VERSION);
                }
                g.writeStringField("name", r.hunt().name());
                g.writeStringField("title", r.hunt().title());
                g.writeStringField("why", r.hunt().why());
                g.writeStringField("query", r.hunt().query());
                g.writeNumberField("hits", r.hits());
                if (r.hunt().groupBy() != null) {
                    g.writeStringField("groupBy", r.hunt().groupBy());
                    g.writeArrayFieldStart("groups");
                    for (FacetCounts.ValueCount v : r.groups()) {
                        g.writeStartObject();
                        g.writeStringField("value", v.value());
                        g.writeNumberField("count", v.count());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeNumberField("distinctGroups", r.distinctGroups());
                }
                g.writeEndObject();
            }
            if (!one) {
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }
}
