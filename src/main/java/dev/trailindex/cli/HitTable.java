package dev.trailindex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.query.SearchResult;
import dev.trailindex.query.StoredEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Hits as rows of cells: an aligned table for the terminal, or CSV. */
final class HitTable {

    private HitTable() {
    }

    static List<List<String>> rows(List<Columns.Column> cols, SearchResult result, ZoneId zone) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (StoredEvent e : result.hits()) {
            JsonNode tree = Formats.JSON.readTree(e.eventJson());
            List<String> cells = new ArrayList<>();
            for (Columns.Column c : cols) {
                cells.add(c.value(tree, e, zone));
            }
            rows.add(cells);
        }
        return rows;
    }

    static void table(PrintWriter out, List<Columns.Column> cols, SearchResult result, ZoneId zone) throws IOException {
        table(out, cols, result, zone, result.nextCursor() == null ? "" : "; next page: --cursor " + result.nextCursor());
    }

    /** The table, then "N of M matching events" and {@code more} (how to see the rest). */
    static void table(PrintWriter out, List<Columns.Column> cols, SearchResult result, ZoneId zone, String more) throws IOException {
        Table table = new Table(cols.stream().map(Columns.Column::header).toList());
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).spec().type() == dev.trailindex.schema.FieldType.TIME || cols.get(i).spec().type() == dev.trailindex.schema.FieldType.NUMBER) {
                table.whole(i);
            }
        }
        List<List<String>> rows = rows(cols, result, zone);
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (result.hits().get(r).partial() && !row.isEmpty()) {
                row.set(0, row.get(0) + PARTIAL_MARK);
            }
            table.row(row);
        }
        if (!result.hits().isEmpty()) {
            table.print(out);
        }
        out.printf("%s of %s matching %s%s%n", Formats.number(result.hits().size()), Formats.number(result.total()),
                result.total() == 1 ? "event" : "events", more);
        long partial = result.hits().stream().filter(StoredEvent::partial).count();
        if (partial > 0) {
            out.printf("%s marked %s: cut short in a broken file, only the fields that were whole are indexed%n",
                    Formats.count(partial, "partial event"), PARTIAL_MARK.strip());
        }
    }

    /** After the first cell of a partial event's row, in tables (CSV has no marks: its rows are data). */
    static final String PARTIAL_MARK = " [partial]";

    static void csv(PrintWriter out, List<Columns.Column> cols, SearchResult result, ZoneId zone) throws IOException {
        csv(out, cols, result, zone, true);
    }

    /** CSV rows of one page; {@code header} for the first. */
    static void csv(PrintWriter out, List<Columns.Column> cols, SearchResult result, ZoneId zone, boolean header) throws IOException {
        if (header) {
            Csv.row(out, cols.stream().map(Columns.Column::header).toList());
        }
        for (List<String> row : rows(cols, result, zone)) {
            Csv.row(out, row);
        }
        out.flush();
    }
}
