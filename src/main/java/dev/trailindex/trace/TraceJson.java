package dev.trailindex.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trailindex.schema.TraceFields;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A trace report as JSON, the same for the command line and the HTTP API. */
public final class TraceJson {
    private TraceJson() {
    }

    /** Writes the whole report as one object. */
    public static void write(JsonGenerator g, Tracer.Report report, TraceFields fields) throws IOException {
        g.writeStartObject();
        g.writeStringField("query", report.query().value());
        g.writeStringField("queryKind", report.query().kind().label());
        g.writeArrayFieldStart("traces");
        for (Trace t : report.traces()) {
            trace(g, t, fields);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void trace(JsonGenerator g, Trace t, TraceFields fields) throws IOException {
        g.writeStartObject();
        g.writeStringField("credential", t.credential());
        g.writeArrayFieldStart("chain");
        for (Trace.Link l : t.chain()) {
            Trace.Activity a = t.credentials().get(l.credential());
            g.writeStartObject();
            g.writeStringField("credential", l.credential());
            g.writeStringField("origin", l.origin().label());
            g.writeStringField("principal", a == null ? null : a.principal());
            g.writeStringField("account", a == null ? null : a.account());
            if (l.issuedBy() == null) {
                g.writeNullField("issuedBy");
            } else {
                Trace.Issue i = l.issuedBy();
                g.writeObjectFieldStart("issuedBy");
                g.writeStringField(fields.action().name(), i.eventName());
                strings(g, "eventIDs", i.eventIDs());
                g.writeStringField("credential", i.credential());
                g.writeStringField("principal", i.principal());
                g.writeStringField("time", time(i.time()));
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("descendants");
        for (Trace.Descendant d : t.descendants()) {
            g.writeStartObject();
            g.writeStringField("credential", d.credential());
            g.writeStringField("parent", d.parent());
            g.writeNumberField("depth", d.depth());
            g.writeStringField(fields.action().name(), d.eventName());
            strings(g, "eventIDs", d.eventIDs());
            g.writeStringField("time", time(d.time()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("credentials");
        for (Map.Entry<String, Trace.Activity> e : t.credentials().entrySet()) {
            Trace.Activity a = e.getValue();
            g.writeObjectFieldStart(e.getKey());
            g.writeStringField("principal", a.principal());
            g.writeStringField("account", a.account());
            g.writeNumberField("events", a.events());
            g.writeStringField("first", time(a.first()));
            g.writeStringField("last", time(a.last()));
            strings(g, "sourceIPs", a.sourceIPs());
            strings(g, "regions", a.regions());
            strings(g, "services", a.services());
            g.writeNumberField("errors", a.errors());
            strings(g, "mentionedIn", a.mentionedIn());
            g.writeStringField("search", search(fields, e.getKey()));
            g.writeEndObject();
        }
        g.writeEndObject();
        strings(g, "mentionedIn", t.mentionedIn());
        g.writeEndObject();
    }

    /** The query that finds the events made with {@code key}. */
    public static String search(TraceFields fields, String key) {
        return fields.accessKey().name() + ":" + key;
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static String time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
