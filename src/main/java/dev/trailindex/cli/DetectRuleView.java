package dev.trailindex.cli;

import dev.trailindex.query.JsonViews;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.sigma.Detector;
import dev.trailindex.sigma.Plan;
import dev.trailindex.sigma.RuleResult;
import dev.trailindex.sigma.SigmaException;
import dev.trailindex.sigma.SigmaRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** {@code detect RULE}: one rule, what it is, and its matching events as {@code search} prints them. */
final class DetectRuleView {
    private final DetectCommand cmd;
    private final Detector detector;
    private final SearchBackend backend;

    DetectRuleView(DetectCommand cmd, Detector detector, SearchBackend backend) {
        this.cmd = cmd;
        this.detector = detector;
        this.backend = backend;
    }

    int show(SigmaRule r, SearchRequest range, int limit, ReportFormatOption format) throws IOException {
        if (!r.runnable()) {
            throw new UsageError(r.file() + ": untranslatable: " + r.untranslatable());
        }
        if (r.correlation() != null) {
            RuleResult res = detector.run(List.of(r), range).get(0);
            if (!res.ok()) {
                throw new UsageError(r.file() + ": untranslatable: " + res.reason());
            }
            if (format.json()) {
                DetectJson.print(cmd, List.of(res), range);
            } else {
                header(r);
                cmd.explain(res);
            }
            return ExitCodes.OK;
        }
        Plan p;
        try {
            p = detector.plan(r);
        } catch (SigmaException e) {
            throw new UsageError(r.file() + ": untranslatable: " + e.getMessage());
        }
        SearchResult page;
        if (p.exact()) {
            SearchRequest req = new SearchRequest("", range.from(), range.to(), limit, Order.NEWEST, range.cursor(), range.zone(), p.query());
            page = backend.search(req);
        } else {
            page = DetectCommand.matches(detector, r, p, range, limit);
        }
        if (format.json()) {
            cmd.printJson(format.pretty(), g -> {
                JsonViews.result(g, backend.schema(), page, range.zone());
                g.writeObjectFieldStart("rule");
                dev.trailindex.sigma.DetectionsJson.ruleFields(g, r);
                g.writeStringField("query", p.text());
                g.writeEndObject();
                g.writeEndObject();
            });
            return ExitCodes.OK;
        }
        header(r);
        PrintWriter out = cmd.out();
        out.println("query:  " + p.text());
        p.postFilter().forEach(x -> out.println("post-filter: " + x));
        out.println();
        HitTable.table(out, Columns.of(backend.schema(), null), page, range.zone());
        return ExitCodes.OK;
    }

    private void header(SigmaRule r) {
        cmd.out().printf("%s%nid:     %s%nlevel:  %s (%s)%ntags:   %s%nauthor: %s%nfile:   %s%n", r.title(), r.id(), r.level(),
                r.status(), String.join(", ", r.tags()), r.author(), r.file());
    }
}
