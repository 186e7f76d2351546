package dev.trailindex.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trailindex.TestSupport;
import java.util.List;
import java.util.Map;

/** A trace in the shape trace_expectations.py prints, for exact comparison. */
final class TraceViews {
    private TraceViews() {
    }

    static JsonNode report(Tracer.Report r) {
        ObjectNode o = TestSupport.JSON.createObjectNode();
        o.put("queryKind", r.query().kind().label());
        ArrayNode traces = o.putArray("traces");
        r.traces().forEach(t -> traces.add(trace(t)));
        // Re-read, so numbers get the node types a parsed document has (int where it fits), as the expectation's.
        try {
            return TestSupport.JSON.readTree(TestSupport.JSON.writeValueAsString(o));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode trace(Trace t) {
        ObjectNode o = TestSupport.JSON.createObjectNode();
        o.put("credential", t.credential());
        ArrayNode chain = o.putArray("chain");
        for (Trace.Link l : t.chain()) {
            ObjectNode c = chain.addObject();
            c.put("credential", l.credential());
            c.put("origin", l.origin().label());
            if (l.issuedBy() == null) {
                c.putNull("issuedBy");
            } else {
                ObjectNode i = c.putObject("issuedBy");
                i.put("eventName", l.issuedBy().eventName());
                strings(i.putArray("eventIDs"), l.issuedBy().eventIDs().stream().sorted().toList());
                i.put("credential", l.issuedBy().credential());
            }
        }
        ArrayNode tree = o.putArray("descendants");
        for (Trace.Descendant d : t.descendants()) {
            ObjectNode c = tree.addObject();
            c.put("credential", d.credential());
            c.put("parent", d.parent());
            c.put("depth", d.depth());
            c.put("eventName", d.eventName());
            strings(c.putArray("eventIDs"), d.eventIDs().stream().sorted().toList());
        }
        ObjectNode creds = o.putObject("credentials");
        for (Map.Entry<String, Trace.Activity> e : t.credentials().entrySet()) {
            Trace.Activity a = e.getValue();
            ObjectNode c = creds.putObject(e.getKey());
            c.put("events", a.events());
            c.put("first", a.first());
            c.put("last", a.last());
            strings(c.putArray("sourceIPs"), a.sourceIPs().stream().sorted().toList());
            strings(c.putArray("regions"), a.regions().stream().sorted().toList());
            c.put("errors", a.errors());
            strings(c.putArray("mentionedIn"), a.mentionedIn());
        }
        strings(o.putArray("mentionedIn"), t.mentionedIn());
        return o;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
