package dev.trailindex.sigma;

import java.util.List;

/**
 * One detection item: a field (null for a keyword search over the whole event) and its values, any of which
 * matches ({@code all}: every one must).
 *
 * @param field  the event field, a dotted path, as the rule spells it; null for keywords
 * @param key    the item as written in the rule ({@code eventName|startswith}), for messages
 * @param values the values, modifiers applied
 * @param all    whether every value must match ({@code |all}); otherwise any one
 */
public record Item(String field, String key, List<Value> values, boolean all) {
    public Item {
        values = List.copyOf(values);
    }
}
