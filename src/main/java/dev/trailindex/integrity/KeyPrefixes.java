package dev.trailindex.integrity;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The S3 key prefix of each root, learned from the keys its digests claim ({@code digestS3Object}): a local copy does
 * not say where the bucket begins. A key is the prefix, then {@code AWSLogs/...}; a root without digests has none.
 */
final class KeyPrefixes {
    private static final String AWS_LOGS = "AWSLogs/";

    private final Map<Integer, String> byRoot = new HashMap<>();
    private final List<Path> roots;

    KeyPrefixes(List<Path> roots, Iterable<DigestFacts> digests) {
        this.roots = roots;
        for (DigestFacts d : digests) {
            if (d.content() != null && locationProblem(d) == null) {
                byRoot.putIfAbsent(d.root(), prefix(d.content().object()));
            }
        }
    }

    /** The key prefix of {@code root}: "" when it has none, or none is known. */
    String of(int root) {
        return byRoot.getOrDefault(root, "");
    }

    /** The row of the coverage a log file in {@code root} belongs to. */
    AccountRegion place(int root, LogKey k) {
        return new AccountRegion(root, of(root), k.org(), k.account(), k.region());
    }

    /** The S3 key of {@code tail} in {@code root}. */
    String key(int root, String tail) {
        String p = byRoot.getOrDefault(root, "");
        return p.isEmpty() ? tail : p + "/" + tail;
    }

    /** The part of {@code key} from {@code AWSLogs/} on, or null when it has none. */
    static String tail(String key) {
        if (key == null) {
            return null;
        }
        if (key.startsWith(AWS_LOGS)) {
            return key;
        }
        int at = key.lastIndexOf("/" + AWS_LOGS);
        return at < 0 ? null : key.substring(at + 1);
    }

    /** The part of {@code key} before {@code /AWSLogs/}: its prefix, empty when it has none. */
    static String prefix(String key) {
        String t = tail(key);
        return t == null || t.length() == key.length() ? "" : key.substring(0, key.length() - t.length() - 1);
    }

    /**
     * Why {@code d} does not sit at the key it claims, or null when it does: its claimed key must end in its local
     * path from {@code AWSLogs/} on, its claimed prefix must be the folders just above {@code AWSLogs}, and its
     * account and end time must be its key's.
     */
    String locationProblem(DigestFacts d) {
        DigestFile c = d.content();
        String claimedTail = tail(c.object());
        if (!d.key().tail().equals(claimedTail)) {
            return "it claims to be " + c.object() + " but sits at " + d.key().tail();
        }
        String prefix = prefix(c.object());
        String root = roots.get(d.root()).toString();
        if (!prefix.isEmpty() && !(root.equals("/" + prefix) || root.endsWith("/" + prefix))) {
            return "it claims the key prefix " + prefix + " but sits in " + root;
        }
        if (!c.accountId().equals(d.key().account())) {
            return "it names account " + c.accountId() + " but sits in the folder of " + d.key().account();
        }
        if (c.end() != d.key().end()) {
            return "its digestEndTime " + c.endTimeText() + " is not the time in its name";
        }
        return null;
    }
}
