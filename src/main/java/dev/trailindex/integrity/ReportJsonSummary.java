package dev.trailindex.integrity;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The {@code summary} of the JSON report: the verdict and the counts. */
final class ReportJsonSummary {
    private ReportJsonSummary() {
    }

    static void write(JsonGenerator g, VerifyReport r) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeStringField("verdict", r.verdict());
        g.writeNumberField("problems", r.problems().size());
        ReportJson.counts(g, "problemsByKind", r.problems(), Problem::kind, Problem.Kind.values());
        g.writeBooleanField("signaturesChecked", r.keysGiven());
        g.writeObjectFieldStart("digests");
        g.writeNumberField("total", r.digests().size());
        ReportJson.counts(g, "presence", r.digests(), DigestVerdict::presence, Presence.values());
        ReportJson.counts(g, "hash", r.digests().stream().filter(DigestVerdict::present).toList(), DigestVerdict::hash,
                HashStatus.values());
        ReportJson.counts(g, "signature", r.digests().stream().filter(DigestVerdict::present).toList(),
                DigestVerdict::signature, SignatureStatus.values());
        g.writeEndObject();
        g.writeObjectFieldStart("logFiles");
        g.writeNumberField("total", r.logFiles().size());
        ReportJson.counts(g, "status", r.logFiles(), LogVerdict::status, LogStatus.values());
        ReportJson.counts(g, "reason", r.logFiles().stream().filter(l -> l.reason() != null).toList(), LogVerdict::reason,
                UnlistedReason.values());
        g.writeNumberField("read", r.filesRead());
        g.writeNumberField("reusedFromIndex", r.filesReused());
        g.writeEndObject();
        g.writeNumberField("chains", r.chains().size());
        g.writeNumberField("breaks", r.breaks().size());
        g.writeNumberField("events", r.events());
        g.writeNumberField("otherFiles", r.otherFiles());
        g.writeArrayFieldStart("unreadable");
        for (String u : r.unreadable()) {
            g.writeString(u);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
