package dev.trailindex.integrity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists the integrity problems of a report, grouped by kind. */
final class Problems {
    private Problems() {
    }

    static List<Problem> of(List<DigestVerdict> digests, List<LogVerdict> logs, List<ChainBreak> breaks) {
        List<Problem> out = new ArrayList<>();
        for (DigestVerdict d : digests) {
            addDigest(out, d);
        }
        for (ChainBreak b : breaks) {
            if (ChainBreak.RESTART.equals(b.kind()) && b.problem()) {
                out.add(new Problem(Problem.Kind.UNEXPLAINED_RESTART, b.before(), b.from(), b.to(), b.note()));
            } else if (ChainBreak.UNLINKED.equals(b.kind())) {
                out.add(new Problem(Problem.Kind.UNLINKED_DIGEST, b.after(), b.from(), b.to(), b.note()));
            }
        }
        for (LogVerdict l : logs) {
            Problem.Kind k = switch (l.status()) {
                case MISSING -> Problem.Kind.MISSING_LOG;
                case MODIFIED -> Problem.Kind.MODIFIED_LOG;
                case TRAILING_DATA -> Problem.Kind.TRAILING_DATA;
                case NOT_IN_ANY_DIGEST -> l.reason() == UnlistedReason.IN_COVERED_WINDOW ? Problem.Kind.ADDED_LOG : null;
                case VALID -> null;
            };
            if (k != null) {
                Long t = l.where() == null ? null : l.where().stamp();
                out.add(new Problem(k, l.key(), t, null, l.detail()));
            }
        }
        out.sort(Comparator.comparing(Problem::kind));
        return List.copyOf(out);
    }

    private static void addDigest(List<Problem> out, DigestVerdict d) {
        if (!d.present()) {
            out.add(new Problem(Problem.Kind.MISSING_DIGEST, d.key(), d.start(), d.end(), d.detail()));
            return;
        }
        if (d.hash() == HashStatus.MODIFIED) {
            out.add(new Problem(Problem.Kind.MODIFIED_DIGEST, d.key(), d.start(), d.end(), d.detail()));
        }
        if (d.signature() == SignatureStatus.INVALID) {
            out.add(new Problem(Problem.Kind.INVALID_SIGNATURE, d.key(), d.start(), d.end(), d.detail()));
        }
        if (d.signature() == SignatureStatus.KEY_NOT_FOUND) {
            String fp = d.facts().content() == null ? null : d.facts().content().fingerprint();
            out.add(new Problem(Problem.Kind.UNKNOWN_SIGNING_KEY, d.key(), d.start(), d.end(), "its key fingerprint " + fp
                    + " is in no --public-keys file (list-public-keys --region " + d.where().region() + " gives that region's)"));
        }
        if (d.moved()) {
            out.add(new Problem(Problem.Kind.MOVED_DIGEST, d.key(), d.start(), d.end(), d.detail()));
        }
        if (!DigestVerdict.FORMAT_OK.equals(d.format())) {
            out.add(new Problem(Problem.Kind.CORRUPT_DIGEST, d.key(), d.start(), d.end(), d.detail()));
        }
    }
}
