package dev.trailindex.cli;

import dev.trailindex.query.Printable;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aligned text columns that fit the terminal ({@link Terminal#width()}). Columns whose values fit keep their
 * width; the widest give way first, down to their header's width. A value too long for its column is cut in the
 * middle, keeping both ends ({@code arn:aws:sts::…:assumed-role/Ops/ops-maint}), and never so that two different
 * values of a column read the same: the cut moves, or the column widens, until they differ.
 */
final class Table {
    private static final String GAP = "  ";
    private static final char CUT = '\u2026';
    /** A column is not squeezed below this (or its header), so that a cut value still says something. */
    private static final int MIN_COLUMN = 10;
    /** The narrowest a wrapped prose column gets. */
    private static final int PROSE = 24;

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final java.util.Set<Integer> whole = new java.util.HashSet<>();

    Table(List<String> header) {
        this.header = header;
    }

    private boolean wrapLast;

    /** The last column is prose (a description): it takes the room that is left and wraps instead of being cut. */
    Table wrapLast() {
        this.wrapLast = true;
        return this;
    }

    /** Columns that are never cut (times, counts): they keep their width and the others give way. */
    Table whole(int... columns) {
        for (int c : columns) {
            whole.add(c);
        }
        return this;
    }

    Table row(List<String> cells) {
        List<String> clean = new ArrayList<>(cells.size());
        cells.forEach(c -> clean.add(Printable.escape(c)));
        rows.add(clean);
        return this;
    }

    void print(PrintWriter out) {
        print(out, Terminal.width());
    }

    void print(PrintWriter out, int width) {
        int n = header.size();
        int[] natural = new int[n];
        int[] least = new int[n];
        for (int i = 0; i < n; i++) {
            natural[i] = header.get(i).length();
            for (List<String> r : rows) {
                natural[i] = Math.max(natural[i], r.get(i).length());
            }
            least[i] = whole.contains(i) ? natural[i] : Math.min(natural[i], MIN_COLUMN);
        }
        if (wrapLast) {
            // The prose column needs at least a readable measure; the others fit in what is left.
            least[n - 1] = Math.min(natural[n - 1], PROSE);
        }
        int room = width - GAP.length() * (n - 1);
        int[] base = fit(natural, least, room);
        int[] w = base.clone();
        List<Map<String, String>> cuts = cutAll(w, natural);
        // Keeping values distinct may have widened a column: the others give that room back where they have slack.
        for (int round = 0; round < 3 && sum(w) > room; round++) {
            int over = sum(w) - room;
            boolean gave = false;
            for (int i = 0; i < n && over > 0; i++) {
                int give = Math.min(over, w[i] - least[i]);
                if (w[i] == base[i] && give > 0 && !(wrapLast && i == n - 1)) {
                    w[i] -= give;
                    base[i] = w[i];
                    over -= give;
                    gave = true;
                }
            }
            if (!gave) {
                break;
            }
            cuts = cutAll(w, natural);
        }
        line(out, header, w, null);
        for (List<String> r : rows) {
            if (!wrapLast) {
                line(out, r, w, cuts);
                continue;
            }
            List<String> parts = wrap(r.get(n - 1), w[n - 1]);
            List<String> cells = new ArrayList<>(r);
            cells.set(n - 1, parts.get(0));
            line(out, cells, w, cuts);
            int indent = 0;
            for (int i = 0; i < n - 1; i++) {
                indent += w[i] + GAP.length();
            }
            for (String more : parts.subList(1, parts.size())) {
                out.println(" ".repeat(indent) + more);
            }
        }
    }

    private List<Map<String, String>> cutAll(int[] w, int[] natural) {
        List<Map<String, String>> cuts = new ArrayList<>(w.length);
        for (int i = 0; i < w.length; i++) {
            cuts.add(wrapLast && i == w.length - 1 ? null : cutColumn(i, w, natural[i]));
        }
        return cuts;
    }

    private static int sum(int[] w) {
        int s = 0;
        for (int x : w) {
            s += x;
        }
        return s;
    }

    /** {@code text} broken at spaces into lines of at most {@code width} (a longer word gets a line of its own). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        List<String> words = new ArrayList<>();
        for (String word : text.split(" ")) {
            // A word longer than the column (a dotted path, a URL) is broken where it must be.
            for (int i = 0; i < word.length(); i += width) {
                words.add(word.substring(i, Math.min(word.length(), i + width)));
            }
        }
        for (String word : words) {
            if (cur.length() > 0 && cur.length() + 1 + word.length() > width) {
                lines.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) {
                cur.append(' ');
            }
            cur.append(word);
        }
        lines.add(cur.toString());
        return lines;
    }

    /**
     * Widths within {@code room}: the largest cap L such that every column gets min(natural, L) (and at least its
     * least width) and the sum fits; what is left of the room goes to the capped columns, widest need first.
     */
    static int[] fit(int[] natural, int[] least, int room) {
        int n = natural.length;
        int total = 0;
        for (int x : natural) {
            total += x;
        }
        if (total <= room) {
            return natural.clone();
        }
        int[] w = new int[n];
        int cap = 0;
        for (int c = 1; ; c++) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += Math.max(least[i], Math.min(natural[i], c));
            }
            if (sum > room) {
                break;
            }
            cap = c;
            int max = 0;
            for (int x : natural) {
                max = Math.max(max, x);
            }
            if (c >= max) {
                break;
            }
        }
        int used = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(least[i], Math.min(natural[i], cap));
            used += w[i];
        }
        for (int i = 0; i < n && used < room; i++) {
            if (w[i] < natural[i]) {
                w[i]++;
                used++;
            }
        }
        return w;
    }

    /**
     * The shown text of every value of column {@code i} at width {@code w[i]}: cut in the middle, with the cut
     * placed so that no two different values read the same; if no placement does that, the column widens.
     */
    private Map<String, String> cutColumn(int i, int[] w, int natural) {
        List<String> values = new ArrayList<>();
        for (List<String> r : rows) {
            values.add(r.get(i));
        }
        for (; w[i] < natural; w[i]++) {
            int keep = w[i] - 1;
            int preferred = keep * 2 / 5;
            for (int d = 0; d <= keep; d++) {
                for (int head : new int[] {preferred - d, preferred + d}) {
                    if (head < 0 || head > keep || (d > 0 && head == preferred)) {
                        continue;
                    }
                    Map<String, String> shown = distinct(values, w[i], head);
                    if (shown != null) {
                        return shown;
                    }
                }
            }
        }
        return null;                                  // natural width: nothing is cut
    }

    /** Every value cut to {@code width} keeping {@code head} leading characters, or null if two would read alike. */
    private static Map<String, String> distinct(List<String> values, int width, int head) {
        Map<String, String> shown = new HashMap<>();
        Map<String, String> back = new HashMap<>();
        for (String v : values) {
            String s = cut(v, width, head);
            String had = back.putIfAbsent(s, v);
            if (had != null && !had.equals(v)) {
                return null;
            }
            shown.put(v, s);
        }
        return shown;
    }

    /** {@code v} in {@code width} characters: whole if it fits, else head, an ellipsis, and the tail. */
    static String cut(String v, int width, int head) {
        if (v.length() <= width) {
            return v;
        }
        int tail = width - 1 - head;
        return v.substring(0, head) + CUT + v.substring(v.length() - tail);
    }

    private static void line(PrintWriter out, List<String> cells, int[] w, List<Map<String, String>> cuts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            if (cuts != null && cuts.get(i) != null) {
                c = cuts.get(i).get(c);
            } else if (c.length() > w[i]) {
                c = cut(c, w[i], (w[i] - 1) * 2 / 5);
            }
            sb.append(c);
            if (i < w.length - 1) {
                sb.append(" ".repeat(Math.max(0, w[i] - c.length()))).append(GAP);
            }
        }
        out.println(sb.toString().stripTrailing());
    }
}
