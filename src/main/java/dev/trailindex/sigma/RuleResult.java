package dev.trailindex.sigma;

import java.util.List;

/**
 * What one rule found.
 *
 * @param plan    the translation (null when untranslatable or a correlation of other rules)
 * @param reason  why it is untranslatable, or null
 * @param hits    matching events (for a correlation: windows that fired)
 * @param first   time of the first hit (epoch millis) or null
 * @param last    time of the last hit or null
 * @param windows for a correlation, each group and window that fired
 */
public record RuleResult(SigmaRule rule, Plan plan, String reason, long hits, Long first, Long last, List<Window> windows) {
    public RuleResult {
        windows = List.copyOf(windows);
    }

    /** A correlation's firing: its group (the group-by values), its window and the number counted. */
    public record Window(List<String> group, long start, long end, long count, List<String> keys) {
        public Window {
            group = List.copyOf(group);
            keys = List.copyOf(keys);
        }
    }

    public boolean ok() {
        return reason == null;
    }

    static RuleResult failed(SigmaRule rule, String reason) {
        return new RuleResult(rule, null, reason, 0, null, null, List.of());
    }
}
