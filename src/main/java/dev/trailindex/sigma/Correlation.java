package dev.trailindex.sigma;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A correlation over the events of other rules (Sigma 2), or the equivalent of a Sigma v1 aggregation pipe
 * ({@code | count() by X > N} with {@code timeframe}).
 *
 * @param type      event_count, value_count, temporal or temporal_ordered
 * @param rules     the rules correlated, by name, id or title (for a v1 pipe: the rule itself)
 * @param groupBy   fields whose values make the groups (empty: one group)
 * @param timespan  the window
 * @param op        gt, gte, lt, lte, eq (or null for temporal without a condition: all rules seen)
 * @param threshold the number compared with
 * @param field     value_count: the field whose distinct values are counted
 * @param generate  whether the correlated rules also report their own hits
 * @param aliases   alias name -> (rule -> field in that rule's events), for group-by across rules
 */
public record Correlation(Type type, List<String> rules, List<String> groupBy, Duration timespan, String op,
        long threshold, String field, boolean generate, Map<String, Map<String, String>> aliases) {
    public enum Type {
        EVENT_COUNT, VALUE_COUNT, TEMPORAL, TEMPORAL_ORDERED;

        static Type of(String s) {
            for (Type t : values()) {
                if (t.name().equalsIgnoreCase(s)) {
                    return t;
                }
            }
            throw new SigmaException("unknown correlation type '" + s + "' (event_count, value_count, temporal, temporal_ordered)");
        }

        public String sigma() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Correlation {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        aliases = Map.copyOf(aliases);
    }

    /** Whether a count (or, for temporal, the number of distinct rules seen) passes the condition. */
    public boolean passes(long n) {
        return switch (op == null ? "gte" : op) {
            case "gt" -> n > threshold;
            case "gte" -> n >= threshold;
            case "lt" -> n < threshold;
            case "lte" -> n <= threshold;
            default -> n == threshold;
        };
    }

    /** The condition as text, e.g. "count >= 10 within 30m by sourceIPAddress". */
    public String describe() {
        String what = switch (type) {
            case EVENT_COUNT -> "events";
            case VALUE_COUNT -> "distinct " + field;
            case TEMPORAL, TEMPORAL_ORDERED -> "rules" + (type == Type.TEMPORAL_ORDERED ? " in order" : "");
        };
        String cond = op == null ? "all " + rules.size() : symbol(op) + " " + threshold;
        return what + " " + cond + " within " + Spans.format(timespan)
                + (groupBy.isEmpty() ? "" : " by " + String.join(", ", groupBy));
    }

    private static String symbol(String op) {
        return switch (op) {
            case "gt" -> ">";
            case "gte" -> ">=";
            case "lt" -> "<";
            case "lte" -> "<=";
            default -> "=";
        };
    }

    /** Sigma's time spans: 30s, 5m, 1h, 2d (also 1w, 1M, 1y as weeks, 30 days, 365 days). */
    static final class Spans {
        private Spans() {
        }

        static Duration parse(String s, String where) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*([smhdwMy])").matcher(s == null ? "" : s.strip());
            if (!m.matches()) {
                throw new SigmaException(where + " '" + s + "' is not a time span like 30s, 5m, 1h or 2d");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                case "w" -> Duration.ofDays(7 * n);
                case "M" -> Duration.ofDays(30 * n);
                default -> Duration.ofDays(365 * n);
            };
        }

        static String format(Duration d) {
            long s = d.getSeconds();
            if (s % 86400 == 0) {
                return s / 86400 + "d";
            }
            if (s % 3600 == 0) {
                return s / 3600 + "h";
            }
            return s % 60 == 0 ? s / 60 + "m" : s + "s";
        }
    }
}
