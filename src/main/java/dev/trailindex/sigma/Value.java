package dev.trailindex.sigma;

import java.math.BigDecimal;
import java.net.InetAddress;

/** One value of a detection item, after its modifiers are applied: what an event value is compared with. */
public sealed interface Value {
    /** A string (with wildcards): the usual case; numbers and booleans are matched as their text. */
    record Text(Pattern pattern) implements Value {
    }

    /** {@code null}: the field has no value (absent, JSON null or empty). */
    record Null() implements Value {
    }

    /** {@code |exists}: whether the field has a value. */
    record Exists(boolean present) implements Value {
    }

    /** {@code |re}: a regular expression found anywhere in the value, case-sensitive unless {@code |i}. */
    record Regex(String source, java.util.regex.Pattern compiled) implements Value {
    }

    /** {@code |cidr}: the value is an IP address in this network. */
    record Cidr(String source, InetAddress network, int bits) implements Value {
    }

    /** {@code |lt}, {@code |lte}, {@code |gt}, {@code |gte}: the value is a number compared with this one. */
    record Compare(String op, BigDecimal number) implements Value {
        public boolean test(BigDecimal v) {
            int c = v.compareTo(number);
            return switch (op) {
                case "lt" -> c < 0;
                case "lte" -> c <= 0;
                case "gt" -> c > 0;
                default -> c >= 0;
            };
        }
    }

    /**
     * {@code |fieldref}: the value equals (or contains, starts or ends with) a value of another field of the same
     * event, with case kept (as sigma-rust compares).
     */
    record FieldRef(String field, boolean before, boolean after) implements Value {
    }
}
