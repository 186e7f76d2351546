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
    private static final int CELL_WIDTH = 64;

    private HitTable() {
    }

    static List<List<String>> rows(List<Columns.Column> cols, SearchResult result, ZoneId zone) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (StoredEvent e : result.hits()) {
            JsonNode tree = Formats.JSON.readTree(e.json());
            List<String> cells = new ArrayList<>();
            for (Columns.Column c : cols) {
                cells.add(c.value(tree, e, zone));
            }
            rows.add(cells);
        }
        return rows;
    }

    static void table(PrintWriter out, List<Columns.Column> cols, SearchResult result, ZoneId zone) throws IOException {
        Table table = new Table(cols.stream().map(Columns.Column::header).toList(), CELL_WIDTH);
        rows(cols, result, zone).forEach(table::row);
        if (!result.hits().isEmpty()) {
            table.print(out);
        }
        out.printf("%s of %s matching events%s%n", Formats.number(result.hits().size()), Formats.number(result.total()),
                result.nextCursor() == null ? "" : "; next page: --cursor " + result.nextCursor());
    }

    static void csv(PrintWriter out, List<Columns.Column> cols, SearchResult result, ZoneId zone) throws IOException {
        Csv.row(out, cols.stream().map(Columns.Column::header).toList());
        for (List<String> row : rows(cols, result, zone)) {
            Csv.row(out, row);
        }
        out.flush();
    }
}
