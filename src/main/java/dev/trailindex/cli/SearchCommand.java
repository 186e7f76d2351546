package dev.trailindex.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.index.FieldValues;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.query.SearchService;
import dev.trailindex.query.StoredEvent;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.Schema;
import dev.trailindex.schema.FieldType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the index with Lucene query syntax over CloudTrail's field names, newest first.",
                "Keyword fields match exactly as written: eventName:ConsoleLogin, errorCode:AccessDenied.",
                "Nested request and response values by dotted path: requestParameters.bucketName:my-bucket.",
                "Quote values holding ':' or '/': userIdentity.arn:\"arn:aws:iam::123456789012:user/alice\".",
                "Words without a field search the full text of every event. 'trailindex fields' lists the fields."},
        footer = ExitCodes.FOOTER)
final class SearchCommand extends Subcommand implements Callable<Integer> {
    private static final int CELL_WIDTH = 64;

    @Mixin
    IndexOption index;

    @Mixin
    TimeRangeOptions time;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Most events shown (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--count", description = "Print only the number of matching events.")
    boolean count;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "newest",
            description = "newest (default), oldest or relevance.")
    Order order;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json (hits with eventID, time, provenance and the event) or ndjson (the original events, one per line).")
    OutputFormat format;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query (several words are joined; none matches everything).")
    List<String> query;

    @Override
    public Integer call() throws IOException {
        String q = query == null ? "" : String.join(" ", query);
        SearchRequest req = new SearchRequest(q, time.fromMillis(), time.toMillis(), count ? 0 : limit, order);
        try (SearchService search = SearchService.open(index.path(), main.schema())) {
            PrintWriter out = out();
            if (count) {
                out.println(search.count(req));
                return ExitCodes.OK;
            }
            SearchResult result = search.search(req);
            switch (format) {
                case TABLE -> printTable(search, result, out);
                case JSON -> printHits(search.schema(), result);
                case NDJSON -> printNdjson(result, main.rawOut());
            }
        }
        return ExitCodes.OK;
    }

    private void printTable(SearchService search, SearchResult result, PrintWriter out) throws IOException {
        List<FieldSpec> cols = search.schema().display();
        Table table = new Table(cols.stream().map(FieldSpec::name).toList(), CELL_WIDTH);
        for (StoredEvent e : result.hits()) {
            JsonNode tree = Formats.JSON.readTree(e.json());
            List<String> cells = new ArrayList<>();
            for (FieldSpec c : cols) {
                cells.add(c.type() == FieldType.TIME ? Formats.time(e.time()) : String.join(",", FieldValues.of(tree, c)));
            }
            table.row(cells);
        }
        if (!result.hits().isEmpty()) {
            table.print(out);
        }
        out.printf("%s of %s matching events%n", Formats.number(result.hits().size()), Formats.number(result.total()));
    }

    private void printHits(Schema schema, SearchResult result) throws IOException {
        printJson(false, g -> {
            g.writeStartObject();
            g.writeNumberField("total", result.total());
            g.writeArrayFieldStart("hits");
            for (StoredEvent e : result.hits()) {
                writeHit(g, schema, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** One hit: key, time, provenance and the original event embedded verbatim. */
    static void writeHit(JsonGenerator g, Schema schema, StoredEvent e) throws IOException {
        g.writeStartObject();
        // Named as CloudTrail names them: the key's source field (eventID) and the time field (eventTime).
        g.writeStringField(schema.derived(Derivation.EVENT_KEY).from().get(0), e.key());
        String time = schema.timeField().name();
        if (e.time() != null) {
            g.writeStringField(time, Formats.time(e.time()));
        } else {
            g.writeNullField(time);
        }
        g.writeObjectFieldStart("source");
        g.writeStringField("file", e.file());
        g.writeNumberField("record", e.record());
        g.writeNumberField("offset", e.offset());
        g.writeNumberField("line", e.line());
        g.writeEndObject();
        g.writeFieldName("event");
        g.writeRawValue(new String(e.json(), StandardCharsets.UTF_8));
        g.writeEndObject();
    }

    /**
     * The original events, one per line. Events from pretty-printed files contain line breaks between tokens
     * (never inside strings, where JSON escapes them); those become spaces so each event stays on one line.
     */
    static void printNdjson(SearchResult result, OutputStream raw) throws IOException {
        for (StoredEvent e : result.hits()) {
            raw.write(oneLine(e.json()));
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
