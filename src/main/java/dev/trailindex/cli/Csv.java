package dev.trailindex.cli;

import dev.trailindex.query.Printable;

import java.io.PrintWriter;
import java.util.List;

/**
 * CSV (RFC 4180) that is safe to open in a spreadsheet: a cell beginning with '=', '+', '-', '@', a tab or a
 * carriage return would be read as a formula, so it is prefixed with a single quote; control characters a terminal
 * would obey (ESC above all) are written as {@code \\uXXXX}, while tabs and line breaks stay, quoted.
 */
final class Csv {
    private Csv() {
    }

    static void row(PrintWriter out, List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        out.print(sb.append("\r\n"));
    }

    static String cell(String value) {
        String v = Printable.escapeKeepingLines(value);
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
