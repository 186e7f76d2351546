package dev.trailindex.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.index.IpLiterals;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a detection on one event's JSON, with the same semantics as the Lucene translation: the exact answer
 * for the parts Lucene cannot express (regular expressions, case-kept matches, field references, fields the index
 * does not hold), applied to the candidates the index found.
 */
public final class EventMatcher {
    private EventMatcher() {
    }

    /** Whether {@code event} matches the detection. */
    public static boolean matches(Detection d, JsonNode event) {
        return eval(d.condition(), d, event, new HashMap<>());
    }

    private static boolean eval(Condition c, Detection d, JsonNode e, Map<String, Boolean> seen) {
        return switch (c) {
            case Condition.And a -> a.all().stream().allMatch(x -> eval(x, d, e, seen));
            case Condition.Or o -> o.any().stream().anyMatch(x -> eval(x, d, e, seen));
            case Condition.Not n -> !eval(n.inner(), d, e, seen);
            case Condition.Ref r -> seen.computeIfAbsent(r.name(), k -> search(d.searches().get(k), e));
        };
    }

    static boolean search(Search s, JsonNode e) {
        return s.groups().stream().anyMatch(g -> g.stream().allMatch(i -> item(i, e)));
    }

    static boolean item(Item item, JsonNode e) {
        List<String> have = EventValues.of(e, item.field());
        if (item.all()) {
            return item.values().stream().allMatch(v -> value(v, have, e));
        }
        return item.values().stream().anyMatch(v -> value(v, have, e));
    }

    private static boolean value(Value v, List<String> have, JsonNode e) {
        return switch (v) {
            case Value.Null n -> have.isEmpty();
            case Value.Exists x -> have.isEmpty() != x.present();
            case Value.Text t -> have.stream().anyMatch(t.pattern()::matches);
            case Value.Regex r -> have.stream().anyMatch(s -> r.compiled().matcher(s).find());
            case Value.Cidr c -> have.stream().anyMatch(s -> inNetwork(s, c));
            case Value.Compare c -> have.stream().anyMatch(s -> number(s) != null && c.test(number(s)));
            case Value.FieldRef f -> {
                List<String> other = EventValues.of(e, f.field());
                yield have.stream().anyMatch(s -> other.stream().anyMatch(o -> refMatch(s, o, f)));
            }
        };
    }

    private static boolean refMatch(String value, String ref, Value.FieldRef f) {
        if (f.before() && f.after()) {
            return value.contains(ref);
        }
        if (f.before()) {
            return value.endsWith(ref);
        }
        return f.after() ? value.startsWith(ref) : value.equals(ref);
    }

    static boolean inNetwork(String s, Value.Cidr c) {
        InetAddress ip = IpLiterals.parse(s);
        if (ip == null || ip.getAddress().length != c.network().getAddress().length) {
            return false;
        }
        byte[] a = ip.getAddress();
        byte[] n = c.network().getAddress();
        for (int bit = 0; bit < c.bits(); bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
