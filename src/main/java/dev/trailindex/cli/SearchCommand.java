package dev.trailindex.cli;

import dev.trailindex.query.JsonViews;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.query.StoredEvent;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "search", mixinStandardHelpOptions = true,
        header = "Search the index with Lucene query syntax over CloudTrail's field names, newest first.",
        description = "Field names, aliases and keyword values match in any case: eventname:consolelogin, "
                + "ip:203.0.113.50. Nested values by dotted path: requestParameters.bucketName:my-bucket. "
                + "Wildcards: eventName:Delete*. Unquoted values may hold ':' and '/': "
                + "userIdentity.arn:*role/Admin*, sourceIPAddress:10.0.0.0/8. Existence and negation: errorCode:*, "
                + "_exists_:errorCode, NOT errorCode:*. Time: eventTime:[2024-03-01T02:00 TO 2024-03-01T02:30]. "
                + "related.arn / related.accessKey / related.account / related.ip find a value anywhere in the "
                + "event. Words without a field search the full text. 'trailindex fields' lists fields and "
                + "aliases.",
        footer = ExitCodes.FOOTER)
final class SearchCommand extends Subcommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Mixin
    TimeRangeOptions time;

    @Option(names = "--limit", paramLabel = "N|all", defaultValue = "20",
            description = "Most events per page (default: ${DEFAULT-VALUE}); all prints every match (pages are read in turn).")
    String limit;

    private static final int ALL_PAGE = 1000;

    @Option(names = "--count", description = "Print only the number of matching events.")
    boolean count;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "newest",
            description = "newest (default), oldest or relevance; eventID breaks ties in time.")
    Order order;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue after the page that printed this cursor.")
    String cursor;

    @Option(names = "--fields", paramLabel = "F,G", split = ",", description = "Columns of table and csv output (default: the schema's display set).")
    List<String> fields;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json (hits with eventID, time, provenance and the event), ndjson (the original events, one per line) or csv (spreadsheet-safe).")
    OutputFormat format;

    @Mixin
    QueryParameter query;

    @Override
    public Integer call() throws IOException {
        String q = query.text();
        boolean all = limit.strip().equalsIgnoreCase("all");
        SearchRequest req = time.request(q, count ? 0 : all ? ALL_PAGE : limit(), order, cursor);
        List<Columns.Column> cols = Columns.of(main.schema(), fields);
        try (SearchBackend search = openIndex(index, opensearch)) {
            if (count) {
                out().println(search.count(req));
                return ExitCodes.OK;
            }
            if (all && (format == OutputFormat.NDJSON || format == OutputFormat.CSV)) {
                // Streamed in one pass over the hits, printed in batches: any number of events in bounded memory.
                List<StoredEvent> batch = new java.util.ArrayList<>(ALL_PAGE);
                boolean[] first = {true};
                Runnable flush = () -> {
                    try {
                        SearchResult part = new SearchResult(batch.size(), batch, null);
                        if (format == OutputFormat.NDJSON) {
                            printNdjson(search.schema(), part, main.rawOut());
                        } else {
                            HitTable.csv(out(), cols, part, req.zone(), first[0]);
                        }
                        first[0] = false;
                        batch.clear();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                };
                try {
                    search.stream(req, e -> {
                        batch.add(e);
                        if (batch.size() == ALL_PAGE) {
                            flush.run();
                        }
                    });
                    if (!batch.isEmpty() || first[0]) {
                        flush.run();
                    }
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
                return ExitCodes.OK;
            }
            SearchResult result = all ? everything(search, req) : search.search(req);
            switch (format) {
                case TABLE -> HitTable.table(out(), cols, result, req.zone());
                case CSV -> HitTable.csv(out(), cols, result, req.zone());
                case JSON -> printHits(search.schema(), result, req.zone());
                case NDJSON -> printNdjson(search.schema(), result, main.rawOut());
            }
            if (result.nextCursor() != null && format != OutputFormat.TABLE && format != OutputFormat.JSON) {
                err().println("next page: --cursor " + result.nextCursor());
            }
        }
        return ExitCodes.OK;
    }

    private int limit() {
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit takes a number of events or all, not '" + limit + "'");
    }

    /** Every match, page after page, as one result. */
    private static SearchResult everything(SearchBackend search, SearchRequest req) {
        List<dev.trailindex.query.StoredEvent> hits = new java.util.ArrayList<>();
        long n = search.stream(req, hits::add);
        return new SearchResult(req.cursor() == null ? n : search.count(req), hits, null);
    }

    private void printHits(Schema schema, SearchResult result, ZoneId zone) throws IOException {
        printJson(false, g -> {
            JsonViews.result(g, schema, result, zone);
            g.writeEndObject();
        });
    }

    /**
     * The original events, one per line (a partial event as its whole fields, with its flags). Events from pretty-printed files contain line breaks between tokens
     * (never inside strings, where JSON escapes them); those become spaces so each event stays on one line.
     */
    static void printNdjson(dev.trailindex.schema.Schema schema, SearchResult result, OutputStream raw) throws IOException {
        for (StoredEvent e : result.hits()) {
            raw.write(oneLine(JsonViews.bareEvent(schema, e)));
            raw.write('\n');
        }
        raw.flush();
    }

    static byte[] oneLine(byte[] json) {
        byte[] out = null;
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '\n' || json[i] == '\r') {
                if (out == null) {
                    out = json.clone();
                }
                out[i] = ' ';
            }
        }
        return out == null ? json : out;
    }
}
