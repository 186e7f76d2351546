package dev.trailindex.sigma;

import java.nio.file.Path;
import java.util.List;

/**
 * One Sigma rule as loaded: what reports show (id, title, level, status, ATT&CK tags and the author, which the
 * Detection Rule License requires in every report of matches), and either a detection, a correlation, or both
 * (a Sigma v1 aggregation rule: its detection counted over time), or the reason it cannot run.
 *
 * @param name           Sigma 2's {@code name}, by which correlations may name rules; null if none
 * @param untranslatable one line saying why it cannot run (naming the part), or null
 */
public record SigmaRule(Path file, String id, String name, String title, String level, String status,
        List<String> tags, String author, Detection detection, Correlation correlation, String untranslatable) {
    public SigmaRule {
        tags = List.copyOf(tags);
    }

    public boolean runnable() {
        return untranslatable == null;
    }

    /** The ATT&CK tags (attack.*), without the prefix. */
    public List<String> attack() {
        return tags.stream().filter(t -> t.startsWith("attack.")).map(t -> t.substring("attack.".length())).toList();
    }

    /** This rule marked as not runnable, for {@code reason}. */
    public SigmaRule failing(String reason) {
        return new SigmaRule(file, id, name, title, level, status, tags, author, detection, correlation, reason);
    }
}
