package dev.trailindex.integrity;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Writes a {@link VerifyReport} as the JSON contract documented in the README: {@code digests}, {@code logFiles},
 * {@code chains}, {@code breaks}, {@code loggingStopped}, {@code hours}, {@code problems}, {@code notes} and
 * {@code summary}. Times are ISO-8601 UTC; absent values are null.
 */
public final class ReportJson {
    private ReportJson() {
    }

    public static void write(JsonGenerator g, VerifyReport r) throws IOException {
        g.writeStartObject();
        g.writeStringField("verdict", r.verdict());
        g.writeArrayFieldStart("digests");
        for (DigestVerdict d : r.digests()) {
            digest(g, d);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("logFiles");
        for (LogVerdict l : r.logFiles()) {
            log(g, l);
        }
        g.writeEndArray();
        parts(g, r);
        g.writeEndObject();
    }

    /**
     * The coverage document recorded for {@code serve}: {@code recordedAt}, {@code verdict}, {@code chains},
     * {@code breaks}, {@code loggingStopped}, {@code hours}, {@code problems}, {@code notes} and {@code summary}, as in
     * the full report but without the (long) digest and log-file lists.
     */
    public static void writeCoverage(JsonGenerator g, VerifyReport r, Instant recordedAt) throws IOException {
        g.writeStartObject();
        g.writeStringField("recordedAt", recordedAt.toString());
        g.writeStringField("verdict", r.verdict());
        parts(g, r);
        g.writeEndObject();
    }

    /** Roots to summary: what the full report and the coverage document share. */
    private static void parts(JsonGenerator g, VerifyReport r) throws IOException {
        g.writeArrayFieldStart("roots");
        for (java.nio.file.Path p : r.roots()) {
            g.writeString(p.toString());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("chains");
        for (Chain c : r.chains()) {
            ReportJsonParts.chain(g, c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("breaks");
        for (ChainBreak b : r.breaks()) {
            ReportJsonParts.chainBreak(g, b);
        }
        g.writeEndArray();
        ReportJsonParts.stops(g, r.breaks());
        g.writeArrayFieldStart("hours");
        for (HourCell h : r.hours()) {
            ReportJsonParts.hour(g, h);
        }
        g.writeEndArray();
        ReportJsonParts.problems(g, r.problems());
        g.writeArrayFieldStart("notes");
        for (String n : r.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        ReportJsonSummary.write(g, r);
    }

    private static void digest(JsonGenerator g, DigestVerdict d) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", d.key());
        g.writeStringField("presence", d.presence().label());
        g.writeStringField("hash", label(d.hash()));
        g.writeStringField("signature", label(d.signature()));
        g.writeStringField("format", d.format());
        g.writeStringField("location", d.present() ? (d.moved() ? "moved" : "ok") : null);
        DigestKey k = d.where();
        g.writeStringField("account", k.account());
        g.writeStringField("region", k.region());
        g.writeStringField("trail", k.trail());
        g.writeStringField("homeRegion", k.homeRegion());
        g.writeStringField("organization", k.org());
        g.writeBooleanField("backfill", k.backfill());
        time(g, "startTime", d.start());
        time(g, "endTime", d.end());
        if (d.logFiles() >= 0) {
            g.writeNumberField("logFiles", d.logFiles());
        } else {
            g.writeNullField("logFiles");
        }
        g.writeStringField("namedBy", d.namedBy());
        g.writeStringField("detail", d.detail());
        g.writeEndObject();
    }

    private static void log(JsonGenerator g, LogVerdict l) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", l.key());
        g.writeStringField("status", l.status().label());
        g.writeStringField("reason", label(l.reason()));
        g.writeStringField("digest", l.digest());
        g.writeStringField("trust", label(l.trust()));
        g.writeStringField("account", l.where() == null ? null : l.where().account());
        g.writeStringField("region", l.where() == null ? null : l.where().region());
        if (l.where() == null) {
            g.writeNullField("nameTime");
        } else {
            time(g, "nameTime", l.where().stamp());
        }
        g.writeNumberField("events", l.events());
        g.writeStringField("detail", l.detail());
        g.writeEndObject();
    }

    static String label(Labelled l) {
        return l == null ? null : l.label();
    }

    static void time(JsonGenerator g, String name, long millis) throws IOException {
        g.writeStringField(name, Instant.ofEpochMilli(millis).toString());
    }

    /** Counts of {@code list} by each value of {@code values}, as an object keyed by label. */
    static <T, E extends Enum<E> & Labelled> void counts(JsonGenerator g, String name, List<T> list, Function<T, E> get,
            E[] values) throws IOException {
        g.writeObjectFieldStart(name);
        for (E v : values) {
            g.writeNumberField(v.label(), list.stream().filter(x -> get.apply(x) == v).count());
        }
        g.writeEndObject();
    }
}
