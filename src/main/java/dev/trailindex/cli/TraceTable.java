package dev.trailindex.cli;

import dev.trailindex.schema.TraceFields;
import dev.trailindex.trace.Trace;
import dev.trailindex.trace.TraceJson;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** One trace as a tree a person reads at a glance: the chain top first, then the keys issued below. */
final class TraceTable {
    private static final int SHOWN_MENTIONS = 5;

    private TraceTable() {
    }

    static void print(PrintWriter out, Trace t, ZoneId zone, TraceFields fields) {
        out.println("trace of " + t.credential() + ": chain of " + t.chain().size() + ", "
                + Formats.count(t.descendants().size(), "issued key") + " below");
        Table table = new Table(List.of("credential", "origin", "account", "role or user", "first seen", "last seen",
                "events", "errors", "ips")).whole(0, 4, 5, 6, 7);
        int depth = 0;
        for (Trace.Link l : t.chain()) {
            String how = l.origin().label();
            if (l.issuedBy() != null) {
                how += " (" + l.issuedBy().eventName() + (l.issuedBy().credential() == null ? "" : " by " + l.issuedBy().credential()) + ")";
            }
            table.row(row(t, l.credential(), depth, how, l.credential().equals(t.credential()), zone));
            depth++;
        }
        subtree(table, t, t.credential(), depth, zone);
        table.print(out);
        for (Trace.Link l : t.chain()) {
            Trace.Issue by = l.issuedBy();
            if (by != null) {
                // The table may cut its cells to the terminal; where a key came from is the answer, so it is said whole.
                out.println(l.credential() + " came from " + by.eventName()
                        + (by.credential() == null ? "" : " made with " + by.credential())
                        + (by.principal() == null ? "" : " by " + by.principal())
                        + (by.time() == null ? "" : " at " + Formats.time(by.time(), zone))
                        + (by.eventIDs().isEmpty() ? "" : " (eventID " + String.join(", ", by.eventIDs()) + ")"));
            }
            if (l.issuedBy() == null && l.origin() == dev.trailindex.trace.Origin.UNKNOWN) {
                out.println("origin of " + l.credential() + " unknown: the event that issued it is not in the index");
            }
        }
        List<String> mentions = t.mentionedIn();
        if (!mentions.isEmpty()) {
            out.println("only mentioned (not used) in " + Formats.count(mentions.size(), "event") + ": "
                    + String.join(", ", mentions.subList(0, Math.min(SHOWN_MENTIONS, mentions.size())))
                    + (mentions.size() > SHOWN_MENTIONS ? ", ..." : ""));
        }
        out.println("events of a key: trailindex search '" + TraceJson.search(fields, t.credential()) + "'");
    }

    /** The keys issued by {@code parent}, each followed by its own. */
    private static void subtree(Table table, Trace t, String parent, int depth, ZoneId zone) {
        for (Trace.Descendant d : t.descendants()) {
            if (d.parent().equals(parent)) {
                table.row(row(t, d.credential(), depth, "issued (" + d.eventName() + ")", false, zone));
                subtree(table, t, d.credential(), depth + 1, zone);
            }
        }
    }

    private static List<String> row(Trace t, String key, int depth, String how, boolean traced, ZoneId zone) {
        Trace.Activity a = t.credentials().get(key);
        List<String> cells = new ArrayList<>();
        cells.add("  ".repeat(depth) + (depth > 0 ? "└ " : "") + key + (traced ? " *" : ""));
        cells.add(how);
        cells.add(a == null || a.account() == null ? "" : a.account());
        cells.add(a == null || a.principal() == null ? "" : a.principal());
        cells.add(a == null ? "" : Formats.time(a.first(), zone));
        cells.add(a == null ? "" : Formats.time(a.last(), zone));
        cells.add(a == null ? "0" : Formats.number(a.events()));
        cells.add(a == null ? "0" : Formats.number(a.errors()));
        cells.add(a == null ? "" : String.join(" ", a.sourceIPs()));
        return cells;
    }
}
