package dev.trailindex.query;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trailindex.schema.Derivation;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The JSON shapes of results, shared by the CLI's --format json and the HTTP API. */
public final class JsonViews {
    private JsonViews() {
    }

    /** An event time in {@code zone}: UTC as ...Z, other zones with their explicit offset; "" when absent. */
    public static String time(Long millis, ZoneId zone) {
        if (millis == null) {
            return "";
        }
        Instant t = Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.MILLIS);
        return zone == null || zone.equals(ZoneOffset.UTC) ? DateTimeFormatter.ISO_INSTANT.format(t)
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone));
    }

    /** A page of hits: total, hits, and the cursor of the next page; the object is left open for the caller to end. */
    /** The version of every JSON shape trailindex writes (documented in the README); it changes only with them. */
    public static final int VERSION = 1;

    public static void result(JsonGenerator g, Schema schema, SearchResult r, ZoneId zone) throws IOException {
        g.writeStartObject();
        g.writeNumberField("version", VERSION);
        g.writeNumberField("total", r.total());
        g.writeArrayFieldStart("hits");
        for (StoredEvent e : r.hits()) {
            hit(g, schema, e, zone);
        }
        g.writeEndArray();
        g.writeStringField("cursor", r.nextCursor());
    }

    /** One hit: key, time, provenance and the original event embedded verbatim. */
    public static void hit(JsonGenerator g, Schema schema, StoredEvent e, ZoneId zone) throws IOException {
        g.writeStartObject();
        // Named as CloudTrail names them: the key's source field (eventID) and the time field (eventTime).
        g.writeStringField(schema.derived(Derivation.EVENT_KEY).from().get(0), e.key());
        String timeName = schema.timeField().name();
        if (e.time() != null) {
            g.writeStringField(timeName, time(e.time(), zone));
        } else {
            g.writeNullField(timeName);
        }
        g.writeObjectFieldStart("source");
        g.writeStringField("file", e.file());
        g.writeNumberField("record", e.record());
        g.writeNumberField("offset", e.offset());
        g.writeNumberField("line", e.line());
        g.writeEndObject();
        g.writeFieldName("event");
        g.writeRawValue(new String(e.json(), StandardCharsets.UTF_8));
        g.writeEndObject();
    }

    public static void facet(JsonGenerator g, FacetCounts c) throws IOException {
        g.writeStartObject();
        g.writeStringField("field", c.field());
        g.writeNumberField("events", c.events());
        g.writeNumberField("distinct", c.distinct());
        g.writeArrayFieldStart("top");
        for (FacetCounts.ValueCount v : c.top()) {
            g.writeStartObject();
            g.writeStringField("value", v.value());
            g.writeNumberField("count", v.count());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("other", c.other());
        g.writeEndObject();
    }

    /** A facets answer: the number of matches and the counts per field. */
    public static void facets(JsonGenerator g, long total, java.util.List<FacetCounts> counts) throws IOException {
        g.writeStartObject();
        g.writeNumberField("version", VERSION);
        g.writeNumberField("total", total);
        g.writeArrayFieldStart("facets");
        for (FacetCounts c : counts) {
            facet(g, c);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The searchable fields of the schema with their types, aliases and descriptions. */
    public static void fields(JsonGenerator g, Schema schema) throws IOException {
        g.writeStartArray();
        for (dev.trailindex.schema.FieldSpec f : schema.fields()) {
            if (!f.index()) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("name", f.name());
            g.writeStringField("type", f.type().jsonName());
            g.writeBooleanField("facet", f.facet());
            g.writeBooleanField("sort", f.sort());
            g.writeBooleanField("fullText", f.fullText());
            g.writeArrayFieldStart("aliases");
            for (String a : f.aliases()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeStringField("description", f.description());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static void histogram(JsonGenerator g, Histogram h, ZoneId zone) throws IOException {
        g.writeStartObject();
        g.writeNumberField("version", VERSION);
        g.writeNumberField("intervalMs", h.intervalMillis());
        g.writeNumberField("intervalSeconds", h.intervalMillis() / 1000);
        g.writeStringField("interval", h.interval());
        g.writeNumberField("total", h.total());
        g.writeNumberField("withoutTime", h.withoutTime());
        g.writeArrayFieldStart("buckets");
        for (Histogram.Bucket b : h.buckets()) {
            g.writeStartObject();
            g.writeStringField("start", time(b.start(), zone));
            g.writeNumberField("count", b.count());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Index statistics; the top-level "events" is the number of events. */
    public static void stats(JsonGenerator g, IndexStats s) throws IOException {
        g.writeNumberField("version", VERSION);
        g.writeNumberField("events", s.events());
        g.writeStringField("firstEventTime", s.first() == null ? null : time(s.first(), null));
        g.writeStringField("lastEventTime", s.last() == null ? null : time(s.last(), null));
        g.writeNumberField("withoutTime", s.withoutTime());
        g.writeNumberField("files", s.files());
        g.writeNumberField("filesRecorded", s.filesRecorded());
        g.writeNumberField("digestFiles", s.digestFiles());
        g.writeArrayFieldStart("top");
        for (FacetCounts c : s.top()) {
            facet(g, c);
        }
        g.writeEndArray();
    }
}
