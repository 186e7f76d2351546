package dev.trailindex.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trailindex.query.JsonViews;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.sigma.Plan;
import dev.trailindex.sigma.RuleResult;
import dev.trailindex.sigma.SigmaRule;
import java.io.IOException;
import java.util.List;

/** The JSON of {@code detect --format json}: {"rules": [...], "summary": {...}}, documented in the README. */
final class DetectJson {
    private DetectJson() {
    }

    static void print(DetectCommand cmd, List<RuleResult> results, SearchRequest range) throws IOException {
        cmd.printJson(cmd.format.pretty(), g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("rules");
            for (RuleResult r : results) {
                rule(g, r, range);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            g.writeNumberField("rules", results.size());
            g.writeNumberField("ok", results.stream().filter(RuleResult::ok).count());
            g.writeNumberField("untranslatable", results.stream().filter(r -> !r.ok()).count());
            g.writeNumberField("fired", results.stream().filter(r -> r.hits() > 0).count());
            g.writeNumberField("hits", results.stream().mapToLong(RuleResult::hits).sum());
            g.writeObjectFieldStart("byLevel");
            for (String level : List.of("informational", "low", "medium", "high", "critical")) {
                long n = results.stream().filter(r -> r.hits() > 0 && level.equalsIgnoreCase(r.rule().level())).count();
                if (n > 0) {
                    g.writeNumberField(level, n);
                }
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    static void ruleFields(JsonGenerator g, SigmaRule s) throws IOException {
        g.writeStringField("id", s.id());
        g.writeStringField("title", s.title());
        g.writeStringField("file", s.file().toString());
        g.writeStringField("level", s.level());
        g.writeStringField("status", s.status());
        g.writeArrayFieldStart("tags");
        for (String t : s.tags()) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeStringField("author", s.author());
    }

    private static void rule(JsonGenerator g, RuleResult r, SearchRequest range) throws IOException {
        g.writeStartObject();
        ruleFields(g, r.rule());
        g.writeStringField("state", r.ok() ? "ok" : "untranslatable");
        g.writeStringField("reason", r.reason());
        g.writeNumberField("hits", r.hits());
        g.writeStringField("first", r.first() == null ? null : JsonViews.time(r.first(), range.zone()));
        g.writeStringField("last", r.last() == null ? null : JsonViews.time(r.last(), range.zone()));
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
                g.writeStringField("start", JsonViews.time(w.start(), range.zone()));
                g.writeStringField("end", JsonViews.time(w.end(), range.zone()));
                g.writeNumberField("count", w.count());
                strings(g, "events", w.keys());
                g.writeEndObject();
            }
            g.writeEndArray();
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
