package dev.trailindex.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Aligned text columns; long cells are cut with an ellipsis. */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final int maxWidth;

    Table(List<String> header, int maxWidth) {
        this.header = header;
        this.maxWidth = maxWidth;
    }

    Table row(List<String> cells) {
        rows.add(cells);
        return this;
    }

    void print(PrintWriter out) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], Math.min(maxWidth, clean(r.get(i)).length()));
            }
        }
        line(out, header, w);
        for (List<String> r : rows) {
            line(out, r, w);
        }
    }

    private void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = clean(cells.get(i));
            if (c.length() > w[i]) {
                c = c.substring(0, w[i] - 1) + "\u2026";
            }
            sb.append(c);
            if (i < w.length - 1) {
                sb.append(" ".repeat(w[i] - c.length() + 2));
            }
        }
        out.println(sb.toString().stripTrailing());
    }

    /** Control characters from logs never reach the terminal: they are shown escaped. */
    private static String clean(String s) {
        return Printable.escape(s);
    }
}
