package dev.trailindex.sigma;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trailindex.query.JsonViews;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of a detection run, for {@code detect --format json} and {@code GET /api/detections}:
 * {@code {"rules": [...], "summary": {...}}}, documented in the README.
 */
public final class DetectionsJson {
    private static final List<String> LEVELS = List.of("informational", "low", "medium", "high", "critical");

    private DetectionsJson() {
    }

    /** The whole document. */
    public static void write(JsonGenerator g, List<RuleResult> results, ZoneId zone) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("rules");
        for (RuleResult r : results) {
            rule(g, r, zone);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("rules", results.size());
        g.writeNumberField("ok", results.stream().filter(RuleResult::ok).count());
        g.writeNumberField("untranslatable", results.stream().filter(r -> !r.ok()).count());
        g.writeNumberField("fired", results.stream().filter(r -> r.hits() > 0).count());
        g.writeNumberField("hits", results.stream().mapToLong(RuleResult::hits).sum());
        g.writeObjectFieldStart("byLevel");
        for (String level : LEVELS) {
            long n = results.stream().filter(r -> r.hits() > 0 && level.equalsIgnoreCase(r.rule().level())).count();
            if (n > 0) {
                g.writeNumberField(level, n);
            }
        }
        g.writeEndObject();
        AttackCounts a = AttackCounts.of(results);
        counts(g, "tactics", a.tactics());
        counts(g, "techniques", a.techniques());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Fired rules per ATT&CK tactic and technique (from their attack.* tags). */
    public record AttackCounts(Map<String, Long> tactics, Map<String, Long> techniques) {
        public static AttackCounts of(List<RuleResult> results) {
            Map<String, Long> tactics = new TreeMap<>();
            Map<String, Long> techniques = new TreeMap<>();
            for (RuleResult r : results) {
                if (r.hits() == 0) {
                    continue;
                }
                for (String t : r.rule().attack()) {
                    boolean technique = t.matches("(?i)t\\d{4}(\\.\\d{3})?");
                    (technique ? techniques : tactics).merge(technique ? t.toUpperCase(java.util.Locale.ROOT) : t, 1L, Long::sum);
                }
            }
            return new AttackCounts(tactics, techniques);
        }
    }

    /** The fields every report of a rule carries (the author among them: the Detection Rule License asks for it). */
    public static void ruleFields(JsonGenerator g, SigmaRule s) throws IOException {
        g.writeStringField("id", s.id());
        g.writeStringField("title", s.title());
        g.writeStringField("file", s.file().toString());
        g.writeStringField("level", s.level());
        g.writeStringField("status", s.status());
        strings(g, "tags", s.tags());
        g.writeStringField("author", s.author());
    }

    private static void rule(JsonGenerator g, RuleResult r, ZoneId zone) throws IOException {
        g.writeStartObject();
        ruleFields(g, r.rule());
        g.writeStringField("state", r.ok() ? "ok" : "untranslatable");
        g.writeStringField("reason", r.reason());
        g.writeNumberField("hits", r.hits());
        g.writeStringField("first", r.first() == null ? null : JsonViews.time(r.first(), zone));
        g.writeStringField("last", r.last() == null ? null : JsonViews.time(r.last(), zone));
        Plan p = r.plan();
        g.writeStringField("query", p == null ? null : p.text());
        if (p != null) {
            g.writeBooleanField("exact", p.exact());
            strings(g, "postFilter", p.postFilter());
            strings(g, "unindexed", p.unindexed());
        }
        if (r.rule().correlation() != null) {
            g.writeStringField("correlation", r.rule().correlation().describe());
            g.writeArrayFieldStart("windows");
            for (RuleResult.Window w : r.windows()) {
                g.writeStartObject();
                strings(g, "group", w.group());
                g.writeStringField("start", JsonViews.time(w.start(), zone));
                g.writeStringField("end", JsonViews.time(w.end(), zone));
                g.writeNumberField("count", w.count());
                strings(g, "events", w.keys());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, String name, Map<String, Long> m) throws IOException {
        g.writeObjectFieldStart(name);
        for (var e : m.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
