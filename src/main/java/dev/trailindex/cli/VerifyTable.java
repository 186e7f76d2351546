package dev.trailindex.cli;

import dev.trailindex.query.Printable;

import dev.trailindex.integrity.ChainBreak;
import dev.trailindex.integrity.DigestVerdict;
import dev.trailindex.integrity.HashStatus;
import dev.trailindex.integrity.LogStatus;
import dev.trailindex.integrity.Problem;
import dev.trailindex.integrity.SignatureStatus;
import dev.trailindex.integrity.TrailEvent;
import dev.trailindex.integrity.VerifyReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/**
 * The verify report for a person: the verdict first, then the problems grouped by kind with their keys and times, the
 * breaks in the chains, what could not be checked, and the coverage grid. Every path and detail is escaped.
 */
final class VerifyTable {
    private static final int LIST_LIMIT = 20;

    private final PrintWriter out;

    VerifyTable(PrintWriter out) {
        this.out = out;
    }

    void print(VerifyReport r) {
        verdict(r);
        problems(r.problems());
        stops(r.breaks());
        notes(r);
        new CoverageGrid(out, r.roots()).print(r.hours());
    }

    private void verdict(VerifyReport r) {
        List<DigestVerdict> present = r.digests().stream().filter(DigestVerdict::present).toList();
        String counted = Formats.count(present.size(), "digest") + " in " + Formats.count(r.chains().size(), "chain") + ", "
                + Formats.count(r.logFiles().size(), "log file") + ", " + Formats.count(r.events(), "event");
        if (r.intact() && present.isEmpty()) {
            out.println("verify: unverified: no digest files were found, so none of the " + Formats.number(r.logFiles().size())
                    + " log files can be checked (log file validation may be off for this trail)");
        } else if (r.intact()) {
            out.println("verify: intact: " + counted + " check out");
        } else {
            out.println("verify: " + Formats.number(r.problems().size()) + " problem" + (r.problems().size() == 1 ? "" : "s")
                    + " (" + counted + ")");
        }
        long hashOk = VerifyReport.count(present, DigestVerdict::hash, HashStatus.OK);
        out.printf("  digests:    %s hash-linked, %s vouched for by no later digest; signatures: %s%n", Formats.number(hashOk),
                Formats.number(VerifyReport.count(present, DigestVerdict::hash, HashStatus.UNANCHORED)), signatures(r, present));
        out.printf("  log files:  %s valid, %s not in any digest%n",
                Formats.number(VerifyReport.count(r.logFiles(), l -> l.status(), LogStatus.VALID)),
                Formats.number(VerifyReport.count(r.logFiles(), l -> l.status(), LogStatus.NOT_IN_ANY_DIGEST)));
        if (r.filesReused() > 0) {
            out.printf("  read:       %s log file%s read, %s known from the index (unchanged since it read them)%n",
                    Formats.number(r.filesRead()), r.filesRead() == 1 ? "" : "s", Formats.number(r.filesReused()));
        }
    }

    private static String signatures(VerifyReport r, List<DigestVerdict> present) {
        if (!r.keysGiven()) {
            return "not checked (no --public-keys)";
        }
        StringBuilder sb = new StringBuilder();
        for (SignatureStatus s : SignatureStatus.values()) {
            long n = VerifyReport.count(present, DigestVerdict::signature, s);
            if (n > 0) {
                sb.append(sb.isEmpty() ? "" : ", ").append(Formats.number(n)).append(' ').append(s.label());
            }
        }
        return sb.isEmpty() ? "none" : sb.toString();
    }

    private void problems(List<Problem> problems) {
        Problem.Kind kind = null;
        int shown = 0;
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            if (p.kind() != kind) {
                kind = p.kind();
                shown = 0;
                Problem.Kind k = kind;
                out.printf("%n%s (%d)%n", k.heading(), problems.stream().filter(x -> x.kind() == k).count());
            }
            if (shown++ == LIST_LIMIT) {
                Problem.Kind k = kind;
                out.printf("  ... and %d more (--format json lists all)%n",
                        problems.stream().filter(x -> x.kind() == k).count() - LIST_LIMIT);
            }
            if (shown <= LIST_LIMIT) {
                out.println("  " + Printable.escape(p.key()));
                String when = p.from() == null ? "" : time(p.from()) + (p.to() == null ? "" : " .. " + time(p.to()));
                String detail = p.detail() == null ? "" : Printable.escape(p.detail());
                String line = when.isEmpty() || detail.isEmpty() ? when + detail : when + ": " + detail;
                if (!line.isEmpty()) {
                    out.println("      " + line);
                }
            }
        }
    }

    private void stops(List<ChainBreak> breaks) {
        List<ChainBreak> stops = breaks.stream().filter(b -> !b.problem()).toList();
        if (stops.isEmpty()) {
            return;
        }
        out.printf("%nlogging stopped (%d)%n", stops.size());
        for (ChainBreak b : stops) {
            out.printf("  %s: %s .. %s%n", Printable.escape(b.chain()), time(b.from()), time(b.to()));
            out.println("      stopped by " + event(b.stoppedBy()));
            out.println("      restarted " + (b.restartedBy() == null ? "(no StartLogging found in the logs)"
                    : "by " + event(b.restartedBy())));
        }
    }

    private static String event(TrailEvent e) {
        return e.name() + " at " + time(e.time()) + " in " + Printable.escape(e.logFile());
    }

    private void notes(VerifyReport r) {
        if (r.notes().isEmpty() && r.unreadable().isEmpty()) {
            return;
        }
        out.printf("%nnotes%n");
        for (String n : r.notes()) {
            out.println("  - " + Printable.escape(n));
        }
        for (String u : r.unreadable()) {
            out.println("  - could not be read: " + Printable.escape(u));
        }
    }

    static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
