package dev.trailindex.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Sigma rule (a YAML document as a Jackson tree) into a {@link SigmaRule}. A part that cannot be run
 * (an unknown modifier, a placeholder without values, {@code near}) makes the rule untranslatable with a one-line
 * reason naming the part; the rest of the run goes on.
 */
final class RuleParser {
    private static final java.util.regex.Pattern V1_COUNT = java.util.regex.Pattern.compile(
            "count\\(\\s*([\\w.]*)\\s*\\)\\s*(?:by\\s+([\\w.]+(?:\\s*,\\s*[\\w.]+)*))?\\s*(<=|>=|==|<|>|=)\\s*(\\d+)");

    private final Values values;

    RuleParser(Map<String, List<String>> placeholders) {
        this.values = new Values(placeholders);
    }

    /** The rule in {@code doc} read from {@code file}; a malformed one comes back untranslatable with the reason. */
    SigmaRule parse(Path file, JsonNode doc) {
        List<String> tags = new ArrayList<>();
        doc.path("tags").forEach(t -> tags.add(t.asText()));
        SigmaRule bare = new SigmaRule(file, text(doc, "id"), text(doc, "name"), text(doc, "title"), text(doc, "level"),
                text(doc, "status"), tags, text(doc, "author"), null, null, null);
        try {
            if (doc.has("correlation")) {
                return new SigmaRule(file, bare.id(), bare.name(), bare.title(), bare.level(), bare.status(), tags,
                        bare.author(), null, correlation(doc.get("correlation")), null);
            }
            JsonNode det = doc.get("detection");
            if (det == null || !det.isObject()) {
                throw new SigmaException("it has no 'detection' map");
            }
            return detection(bare, det);
        } catch (SigmaException e) {
            return bare.failing(e.getMessage());
        }
    }

    private SigmaRule detection(SigmaRule bare, JsonNode det) {
        Map<String, Search> searches = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : det.properties()) {
            if (!e.getKey().equals("condition") && !e.getKey().equals("timeframe")) {
                searches.put(e.getKey(), search(e.getKey(), e.getValue()));
            }
        }
        JsonNode cond = det.get("condition");
        if (cond == null || cond.isNull()) {
            throw new SigmaException("detection has no 'condition'");
        }
        List<String> texts = new ArrayList<>();
        if (cond.isArray()) {
            cond.forEach(c -> texts.add(c.asText()));
        } else {
            texts.add(cond.asText());
        }
        Correlation aggregation = null;
        List<Condition> any = new ArrayList<>();
        for (String t : texts) {
            int pipe = t.indexOf('|');
            String main = pipe < 0 ? t : t.substring(0, pipe);
            any.add(ConditionParser.parse(main, searches.keySet()));
            if (pipe >= 0) {
                if (texts.size() > 1) {
                    throw new SigmaException("an aggregation pipe in a list of conditions");
                }
                aggregation = aggregation(bare, t.substring(pipe + 1).strip(), det.get("timeframe"));
            }
        }
        if (aggregation == null && det.has("timeframe")) {
            throw new SigmaException("'timeframe' without an aggregation: its condition is per event, and "
                    + "it means a correlation over " + det.get("timeframe").asText() + "; write it as a Sigma correlation rule");
        }
        Condition c = any.size() == 1 ? any.get(0) : new Condition.Or(any);
        return new SigmaRule(bare.file(), bare.id(), bare.name(), bare.title(), bare.level(), bare.status(), bare.tags(),
                bare.author(), new Detection(searches, c, String.join(" or ", texts)), aggregation, null);
    }

    /** A Sigma v1 pipe ({@code count() by X > N} with timeframe) as the equivalent correlation over this rule. */
    private static Correlation aggregation(SigmaRule bare, String pipe, JsonNode timeframe) {
        if (pipe.startsWith("near")) {
            throw new SigmaException("'| " + pipe + "' (Sigma v1 near) is not supported: write it as a temporal correlation rule");
        }
        java.util.regex.Matcher m = V1_COUNT.matcher(pipe);
        if (!m.matches()) {
            throw new SigmaException("cannot read the aggregation '| " + pipe + "'");
        }
        if (timeframe == null) {
            throw new SigmaException("the aggregation '| " + pipe + "' has no 'timeframe'");
        }
        String op = switch (m.group(3)) {
            case ">" -> "gt";
            case ">=" -> "gte";
            case "<" -> "lt";
            case "<=" -> "lte";
            default -> "eq";
        };
        List<String> by = m.group(2) == null ? List.of() : Arrays.stream(m.group(2).split(",")).map(String::strip).toList();
        boolean distinct = !m.group(1).isEmpty();
        return new Correlation(distinct ? Correlation.Type.VALUE_COUNT : Correlation.Type.EVENT_COUNT, List.of(),
                by, Correlation.Spans.parse(timeframe.asText(), "timeframe"), op, Long.parseLong(m.group(4)),
                distinct ? m.group(1) : null, true, Map.of());
    }

    private Search search(String name, JsonNode body) {
        List<List<Item>> groups = new ArrayList<>();
        if (body.isObject()) {
            groups.add(items(name, body));
        } else if (body.isArray() && body.size() > 0 && body.get(0).isObject()) {
            for (JsonNode m : body) {
                if (!m.isObject()) {
                    throw new SigmaException("'" + name + "' mixes maps and plain values");
                }
                groups.add(items(name, m));
            }
        } else if (body.isArray() || body.isValueNode()) {
            // Keywords: plain values found anywhere in the event, inside any value (as pySigma's *value*).
            groups.add(List.of(new Item(null, name, values.of(name, List.of("contains"), body), false)));
        } else {
            throw new SigmaException("'" + name + "' is neither a map, a list of maps nor a list of keywords");
        }
        return new Search(name, groups);
    }

    private List<Item> items(String name, JsonNode map) {
        List<Item> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            String[] parts = e.getKey().split("\\|", -1);
            String field = parts[0];
            List<String> mods = Arrays.asList(parts).subList(1, parts.length);
            try {
                out.add(new Item(field.isEmpty() ? null : field, e.getKey(), values.of(e.getKey(), mods, e.getValue()),
                        mods.contains("all")));
            } catch (SigmaException ex) {
                throw new SigmaException(name + ": " + ex.getMessage());
            }
        }
        return out;
    }

    private static Correlation correlation(JsonNode c) {
        Correlation.Type type = Correlation.Type.of(c.path("type").asText(""));
        List<String> rules = strings(c.get("rules"));
        if (rules.isEmpty()) {
            throw new SigmaException("correlation has no 'rules'");
        }
        Duration span = Correlation.Spans.parse(c.path("timespan").asText(null), "correlation timespan");
        String op = null;
        long n = 0;
        String field = null;
        JsonNode cond = c.get("condition");
        if (cond != null && cond.isObject()) {
            for (Map.Entry<String, JsonNode> e : cond.properties()) {
                if (e.getKey().equals("field")) {
                    field = e.getValue().asText();
                } else if (List.of("gt", "gte", "lt", "lte", "eq").contains(e.getKey()) && e.getValue().canConvertToLong()) {
                    op = e.getKey();
                    n = e.getValue().asLong();
                } else {
                    throw new SigmaException("correlation condition has '" + e.getKey() + "'");
                }
            }
        }
        if (op == null && (type == Correlation.Type.EVENT_COUNT || type == Correlation.Type.VALUE_COUNT)) {
            throw new SigmaException("a " + type.sigma() + " correlation needs a condition like {gte: 10}");
        }
        if (type == Correlation.Type.VALUE_COUNT && field == null) {
            throw new SigmaException("a value_count correlation needs 'condition: field'");
        }
        Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
        c.path("aliases").properties().forEach(a -> {
            Map<String, String> per = new LinkedHashMap<>();
            a.getValue().properties().forEach(r -> per.put(r.getKey(), r.getValue().asText()));
            aliases.put(a.getKey(), per);
        });
        return new Correlation(type, rules, strings(c.get("group-by")), span, op, n, field,
                c.path("generate").asBoolean(false), aliases);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        } else if (n != null && n.isValueNode()) {
            out.add(n.asText());
        }
        return out;
    }

    private static String text(JsonNode doc, String key) {
        JsonNode n = doc.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            List<String> s = new ArrayList<>();
            n.forEach(x -> s.add(x.asText()));
            return String.join(", ", s);
        }
        return n.asText();
    }
}
