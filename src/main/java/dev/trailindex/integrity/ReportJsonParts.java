package dev.trailindex.integrity;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** The chains, breaks, stops, hours and problems of the JSON report. */
final class ReportJsonParts {
    private ReportJsonParts() {
    }

    static void chain(JsonGenerator g, Chain c) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeNumberField("root", c.root());
        DigestKey k = c.sample();
        g.writeStringField("account", k.account());
        g.writeStringField("region", k.region());
        g.writeStringField("trail", k.trail());
        g.writeStringField("homeRegion", k.homeRegion());
        g.writeStringField("organization", k.org());
        g.writeStringField("prefix", c.prefix());
        g.writeBooleanField("backfill", k.backfill());
        List<DigestVerdict> present = c.present();
        g.writeNumberField("present", present.size());
        g.writeNumberField("missing", c.entries().size() - present.size());
        ReportJson.time(g, "startTime", c.entries().get(0).start());
        ReportJson.time(g, "endTime", c.entries().get(c.entries().size() - 1).end());
        DigestVerdict newest = present.isEmpty() ? null : present.get(present.size() - 1);
        g.writeStringField("newest", newest == null ? null : newest.key());
        g.writeStringField("newestSignature", newest == null ? null : ReportJson.label(newest.signature()));
        g.writeEndObject();
    }

    static void chainBreak(JsonGenerator g, ChainBreak b) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", b.kind());
        g.writeStringField("chain", b.chain());
        g.writeStringField("after", b.after());
        g.writeStringField("before", b.before());
        ReportJson.time(g, "from", b.from());
        ReportJson.time(g, "to", b.to());
        g.writeNumberField("missing", b.missing());
        g.writeBooleanField("problem", b.problem());
        event(g, "explainedBy", b.stoppedBy());
        event(g, "restartedBy", b.restartedBy());
        g.writeStringField("note", b.note());
        g.writeEndObject();
    }

    /** The periods logging was stopped: restarts a StopLogging or DeleteTrail explains. */
    static void stops(JsonGenerator g, List<ChainBreak> breaks) throws IOException {
        g.writeArrayFieldStart("loggingStopped");
        for (ChainBreak b : breaks) {
            if (ChainBreak.RESTART.equals(b.kind()) && b.explained()) {
                g.writeStartObject();
                g.writeStringField("chain", b.chain());
                ReportJson.time(g, "from", b.from());
                ReportJson.time(g, "to", b.to());
                event(g, "stoppedBy", b.stoppedBy());
                event(g, "restartedBy", b.restartedBy());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private static void event(JsonGenerator g, String name, TrailEvent e) throws IOException {
        if (e == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("name", e.name());
        ReportJson.time(g, "time", e.time());
        g.writeStringField("trail", e.trail());
        g.writeStringField("region", e.region());
        g.writeStringField("logFile", e.logFile());
        g.writeEndObject();
    }

    static void hour(JsonGenerator g, HourCell h) throws IOException {
        g.writeStartObject();
        g.writeNumberField("root", h.place().root());
        g.writeStringField("account", h.place().account());
        g.writeStringField("region", h.place().region());
        g.writeStringField("organization", h.place().org());
        g.writeStringField("prefix", h.place().prefix());
        ReportJson.time(g, "hour", h.hour());
        g.writeStringField("status", h.status().label());
        g.writeNumberField("events", h.events());
        g.writeBooleanField("loggingStopped", h.stopped());
        g.writeEndObject();
    }

    static void problems(JsonGenerator g, List<Problem> problems) throws IOException {
        g.writeArrayFieldStart("problems");
        for (Problem p : problems) {
            g.writeStartObject();
            g.writeStringField("kind", p.kind().label());
            g.writeStringField("key", p.key());
            if (p.from() != null) {
                ReportJson.time(g, "from", p.from());
            }
            if (p.to() != null) {
                ReportJson.time(g, "to", p.to());
            }
            g.writeStringField("detail", p.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
