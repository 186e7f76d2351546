package dev.trailindex.cli;

import dev.trailindex.index.KeywordTerms;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.TimeRange;
import dev.trailindex.schema.TraceFields;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.trace.Trace;
import dev.trailindex.trace.TraceJson;
import dev.trailindex.trace.Tracer;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trace", mixinStandardHelpOptions = true,
        header = "Where a credential came from and everything its holder did: the chain of keys that issued it, "
                + "the keys it issued, and each key's events.",
        description = "CREDENTIAL is an access key id (AKIA..., ASIA...), a role-session ARN "
                + "(arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), an IAM user, root or federated-user ARN, or a "
                + "principalId (AROA...:session, AIDA...). An ARN or principalId may stand for several keys over "
                + "time: one trace per key, in order of first use. Upward, the chain: the event that issued each key "
                + "and the key that call was made with, to where the chain starts (issued, long-term, root, saml, "
                + "web-identity, console, service, unknown). Downward, the tree: every key it issued, recursively. "
                + "For every key: events, first and last seen, source IPs, errors, and the events that only mention it.",
        footer = ExitCodes.FOOTER)
final class TraceCommand extends Subcommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Mixin
    TimeRangeOptions time;

    @Option(names = "--depth", paramLabel = "N", description = "Levels of issued keys below each traced key (default: all).")
    Integer depth;

    @Option(names = "--events", paramLabel = "N", defaultValue = "0",
            description = "Also list up to N events of each key (newest first) as search does (default: none).")
    int events;

    @Mixin
    ReportFormatOption format;

    @Parameters(paramLabel = "CREDENTIAL", arity = "1..*", description = "Access key ids, ARNs or principalIds.")
    List<String> credentials;

    @Override
    public Integer call() throws IOException {
        TimeRange range = time.range();
        ZoneId zone = time.zone();
        Tracer.Options options = new Tracer.Options(range.from(), range.to(), depth);
        try (SearchBackend backend = openIndex(index, opensearch)) {
            Tracer tracer = new Tracer(backend);
            List<Tracer.Report> reports = new ArrayList<>();
            for (String c : credentials) {
                reports.add(tracer.trace(c, options));
            }
            TraceFields fields = backend.schema().traceFields();
            if (format.json()) {
                for (Tracer.Report r : reports) {
                    printJson(format.pretty(), g -> TraceJson.write(g, r, fields));
                }
                return ExitCodes.OK;
            }
            for (Tracer.Report r : reports) {
                List<Trace> traces = new ArrayList<>(r.traces());
                traces.sort(Comparator.comparingInt((Trace t) -> -t.chain().size()));
                for (Trace t : traces) {
                    TraceTable.print(out(), t, zone, fields);
                    if (events > 0) {
                        printEvents(backend, t, range, zone);
                    }
                    out().println();
                }
            }
        }
        return ExitCodes.OK;
    }

    /** Each key's events, through the normal search output. */
    private void printEvents(SearchBackend backend, Trace t, TimeRange range, ZoneId zone) throws IOException {
        TraceFields f = backend.schema().traceFields();
        List<Columns.Column> cols = Columns.of(main.schema(), null);
        for (String key : t.credentials().keySet()) {
            out().println("events of " + key + ":");
            SearchRequest req = new SearchRequest("", range.from(), range.to(), events, Order.NEWEST, null, zone)
                    .withFilter(KeywordTerms.exact(f.accessKey(), key));
            HitTable.table(out(), cols, backend.search(req), zone, "; all: trailindex search '" + TraceJson.search(f, key) + "'");
        }
    }
}
