package dev.trailindex.cli;

import dev.trailindex.query.ActorSummary;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.JsonViews;
import dev.trailindex.search.SearchBackend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "summary", mixinStandardHelpOptions = true,
        header = "An actor sheet: per top value of --by (a principal, key or IP), events, errors, first and last "
                + "seen, and distinct IPs, keys, regions and agents.",
        description = "An investigator's actor sheet: for each of the most frequent values of --by (a principal ARN, "
                + "an access key, an IP) among the matching events, the first and last time seen, the events, the "
                + "errors, and how many distinct IPs, access keys, regions and user agents it used.",
        footer = ExitCodes.FOOTER)
final class SummaryCommand extends Subcommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Mixin
    TimeRangeOptions time;

    @Option(names = "--by", required = true, paramLabel = "FIELD", description = "The field to summarise by, e.g. userIdentity.arn, key, ip.")
    String by;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Values shown (default: ${DEFAULT-VALUE}).")
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
            List<ActorSummary> rows = search.summary(req, by, top);
            if (format.json()) {
                printJson(format.pretty(), g -> {
                    g.writeStartObject();
                    g.writeNumberField("version", JsonViews.VERSION);
                    g.writeStringField("by", by);
                    g.writeArrayFieldStart("rows");
                    for (ActorSummary a : rows) {
                        g.writeStartObject();
                        g.writeStringField("value", a.value());
                        g.writeNumberField("events", a.events());
                        g.writeStringField("firstSeen", a.first() == null ? null : Formats.time(a.first(), req.zone()));
                        g.writeStringField("lastSeen", a.last() == null ? null : Formats.time(a.last(), req.zone()));
                        g.writeNumberField("errors", a.errors());
                        g.writeObjectFieldStart("distinct");
                        for (Map.Entry<String, Integer> e : a.distinct().entrySet()) {
                            g.writeNumberField(e.getKey(), e.getValue());
                        }
                        g.writeEndObject();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
                return ExitCodes.OK;
            }
            List<String> header = new ArrayList<>(List.of(by, "events", "errors", "first seen", "last seen"));
            // Short headers (the fields' aliases, plural), with what they count said once below the table.
            List<String> distinct = main.schema().actorSheet().distinct().stream().map(SummaryCommand::shortName).toList();
            header.addAll(distinct);
            Table t = new Table(header).whole(1, 2, 3, 4);
            for (ActorSummary a : rows) {
                List<String> row = new ArrayList<>(List.of(a.value(), Formats.number(a.events()), Formats.number(a.errors()),
                        Formats.time(a.first(), req.zone()), Formats.time(a.last(), req.zone())));
                a.distinct().values().forEach(n -> row.add(Formats.number(n)));
                t.row(row);
            }
            t.print(out());
            out().println(String.join(", ", distinct) + ": distinct values of " + main.schema().actorSheet().distinct().stream()
                    .map(dev.trailindex.schema.FieldSpec::name).collect(java.util.stream.Collectors.joining(", ")));
            if (!rows.isEmpty()) {
                TraceHint.print(out(), main.schema(), by, rows.get(0).value());
            }
        }
        return ExitCodes.OK;
    }

    private static String shortName(dev.trailindex.schema.FieldSpec f) {
        String n = f.aliases().isEmpty() ? f.name().substring(f.name().lastIndexOf('.') + 1) : f.aliases().get(0);
        return n.endsWith("s") ? n : n + "s";
    }
}
