package dev.trailindex.integrity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a report says besides its problems: what could not be checked, and why that is not a problem. */
final class Notes {
    private Notes() {
    }

    static List<String> of(List<Chain> chains, List<LogVerdict> logs, VerifyOptions options, long otherFiles,
            boolean truncated) {
        List<String> out = new ArrayList<>();
        if (options.keys().isEmpty()) {
            out.add("no --public-keys given: digests are checked by their hash links only, which show changes but do not "
                    + "prove who wrote them (a chain rebuilt and re-signed with another key would look intact)");
        }
        out.addAll(options.keys().notes());
        for (Chain c : chains) {
            List<DigestVerdict> present = c.present();
            DigestVerdict newest = present.isEmpty() ? null : present.get(present.size() - 1);
            if (newest != null && newest.signature() == SignatureStatus.UNAVAILABLE) {
                out.add("the newest digest of " + c.name() + " (" + newest.key() + ") cannot be signature-checked offline: "
                        + "its signature lives only in its S3 object metadata (x-amz-meta-signature); --signatures can supply it");
            }
        }
        Map<UnlistedReason, Long> unlisted = new EnumMap<>(UnlistedReason.class);
        for (LogVerdict l : logs) {
            if (l.reason() != null && l.reason() != UnlistedReason.IN_COVERED_WINDOW) {
                unlisted.merge(l.reason(), 1L, Long::sum);
            }
        }
        unlisted.forEach((r, n) -> out.add(n + " log file" + (n == 1 ? "" : "s") + " not in any digest, " + r.label()
                + ": " + explain(r)));
        if (otherFiles > 0) {
            out.add(otherFiles + " file" + (otherFiles == 1 ? " is" : "s are") + " neither a CloudTrail digest nor a log file "
                    + "(by key) and " + (otherFiles == 1 ? "was" : "were") + " not checked");
        }
        if (truncated) {
            out.add("the coverage shows the last " + Coverage.MAX_HOURS / 24 + " days of each account and region; "
                    + "use --from and --to for older ones");
        }
        return List.copyOf(out);
    }

    private static String explain(UnlistedReason r) {
        return switch (r) {
            case IN_MISSING_DIGEST_WINDOW -> "delivered while a digest that is gone was open; they cannot be checked";
            case BEFORE_OLDEST_DIGEST -> "delivered before the oldest digest (before log file validation began)";
            case AFTER_NEWEST_DIGEST -> "delivered after the newest digest (not yet digested)";
            case IN_UNDIGESTED_GAP -> "delivered while no digests were written (logging or validation was off)";
            case NO_DIGESTS -> "their account and region have no digests";
            case IN_COVERED_WINDOW -> "added after the fact";
        };
    }
}
