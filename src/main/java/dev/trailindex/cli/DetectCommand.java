package dev.trailindex.cli;

import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.query.StoredEvent;
import dev.trailindex.search.SearchBackend;
import dev.trailindex.sigma.Detector;
import dev.trailindex.sigma.Plan;
import dev.trailindex.sigma.RuleLoader;
import dev.trailindex.sigma.RuleResult;
import dev.trailindex.sigma.SigmaException;
import dev.trailindex.sigma.SigmaRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "detect", mixinStandardHelpOptions = true,
        header = "Run Sigma rules (aws/cloudtrail) over the index: hits per rule, or one rule's events.",
        description = "Loads every .yml/.yaml Sigma rule under --rules whose logsource is aws/cloudtrail (and "
                + "correlation rules), translates each to a Lucene query and reports, per rule, its hits and first "
                + "and last hit with its id, level, status, ATT&CK tags and author (the Detection Rule License asks "
                + "for the author in every report of matches). With RULE (an id, file or title) its matching events, "
                + "as 'search' prints them. Rules that cannot run are listed as untranslatable with the reason.",
        footer = ExitCodes.FOOTER)
final class DetectCommand extends Subcommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Mixin
    TimeRangeOptions time;

    @Option(names = "--rules", paramLabel = "DIR", required = true, arity = "1..*",
            description = "Folders (searched recursively) or files of Sigma rules.")
    List<Path> rules;

    @Option(names = "--placeholders", paramLabel = "FILE",
            description = "YAML map of placeholder name -> values, for rules with |expand %name%.")
    Path placeholders;

    @Option(names = "--level", paramLabel = "L", description = "Only rules of this level or higher (informational, low, medium, high, critical).")
    String level;

    @Option(names = "--tag", paramLabel = "T", description = "Only rules with this tag (e.g. attack.t1078 or attack.persistence; 'attack.' may be left out).")
    String tag;

    @Option(names = "--explain", description = "Print each rule's query in trailindex's query language and its post-filter parts.")
    boolean explain;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Events shown for one RULE (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue a RULE's events after the page that printed this cursor.")
    String cursor;

    @Mixin
    ReportFormatOption format;

    @Parameters(arity = "0..1", paramLabel = "RULE", description = "One rule (id, file or title) whose events to show.")
    String rule;

    private static final List<String> LEVELS = List.of("informational", "low", "medium", "high", "critical");

    @Override
    public Integer call() throws IOException {
        if (level != null && !LEVELS.contains(level.toLowerCase(Locale.ROOT))) {
            throw new UsageError("--level takes one of " + String.join(", ", LEVELS) + ", not '" + level + "'");
        }
        RuleLoader.Loaded loaded;
        try {
            Map<String, List<String>> ph = placeholders == null ? Map.of() : RuleLoader.placeholders(placeholders);
            loaded = new RuleLoader(ph).load(rules);
        } catch (SigmaException e) {
            throw new UsageError(e.getMessage());
        }
        loaded.warnings().forEach(w -> err().println("trailindex: " + w));
        List<SigmaRule> chosen = loaded.rules().stream().filter(this::wanted).toList();
        SearchRequest range = time.request("", limit, dev.trailindex.query.Order.OLDEST, cursor);
        try (SearchBackend backend = openIndex(index, opensearch)) {
            Detector detector = new Detector(backend);
            if (rule != null) {
                SigmaRule one = find(loaded.rules());
                return new DetectRuleView(this, detector, backend).show(one, range, limit, format);
            }
            List<RuleResult> results = detector.run(chosen, range);
            if (format.json()) {
                DetectJson.print(this, results, range);
            } else {
                table(results, range);
            }
        }
        return ExitCodes.OK;
    }

    private boolean wanted(SigmaRule r) {
        if (level != null) {
            int have = r.level() == null ? -1 : LEVELS.indexOf(r.level().toLowerCase(Locale.ROOT));
            if (have < LEVELS.indexOf(level.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        if (tag != null) {
            String t = tag.toLowerCase(Locale.ROOT);
            return r.tags().stream().map(x -> x.toLowerCase(Locale.ROOT)).anyMatch(x -> x.equals(t) || x.equals("attack." + t));
        }
        return true;
    }

    private SigmaRule find(List<SigmaRule> all) {
        List<SigmaRule> hit = all.stream().filter(r -> rule.equals(r.id()) || rule.equalsIgnoreCase(String.valueOf(r.title()))
                || r.file().toString().equals(rule) || r.file().getFileName().toString().equals(rule)
                || r.file().getFileName().toString().equals(rule + ".yml")).toList();
        if (hit.isEmpty()) {
            throw new UsageError("no rule '" + rule + "' under " + rules + " (give its id, file name or title)");
        }
        return hit.get(0);
    }

    private void table(List<RuleResult> results, SearchRequest range) {
        Table t = new Table(List.of("level", "hits", "first", "last", "rule", "author")).whole(0, 1);
        List<String> failing = new ArrayList<>();
        for (RuleResult r : results) {
            SigmaRule s = r.rule();
            String hits = r.ok() ? Formats.number(r.hits()) : "-";
            t.row(List.of(String.valueOf(s.level()), hits, Formats.time(r.first(), range.zone()), Formats.time(r.last(), range.zone()),
                    s.title() + " (" + s.file().getFileName() + ")", String.valueOf(s.author())));
            if (!r.ok()) {
                failing.add(s.file() + ": untranslatable: " + r.reason());
            }
        }
        t.print(out());
        long fired = results.stream().filter(r -> r.hits() > 0).count();
        out().printf("%n%s, %s fired, %s untranslatable%n", Formats.count(results.size(), "rule"), Formats.number(fired),
                Formats.number(failing.size()));
        failing.forEach(out()::println);
        var attack = dev.trailindex.sigma.DetectionsJson.AttackCounts.of(results);
        if (!attack.tactics().isEmpty() || !attack.techniques().isEmpty()) {
            out().println("fired by ATT&CK tactic: " + counts(attack.tactics()));
            out().println("fired by ATT&CK technique: " + counts(attack.techniques()));
        }
        if (explain) {
            for (RuleResult r : results) {
                explain(r);
            }
        }
    }

    void explain(RuleResult r) {
        out().printf("%n%s (%s)%n", r.rule().title(), r.rule().file().getFileName());
        if (r.rule().correlation() != null) {
            out().println("  correlation: " + r.rule().correlation().describe());
            r.windows().forEach(w -> out().printf("  fired: %s %s .. %s, %d%n", w.group(), Formats.time(w.start()),
                    Formats.time(w.end()), w.count()));
        }
        Plan p = r.plan();
        if (p == null) {
            if (!r.ok()) {
                out().println("  untranslatable: " + r.reason());
            }
            return;
        }
        out().println("  query: " + p.text());
        p.postFilter().forEach(x -> out().println("  post-filter: " + x));
        p.unindexed().forEach(x -> out().println("  not in the index: " + x + " (CloudTrail may never have it)"));
        p.notes().forEach(x -> out().println("  note: " + x));
    }

    /** The newest {@code limit} events of a rule whose plan needs the post-filter, with their number. */
    static SearchResult matches(Detector d, SigmaRule r, Plan p, SearchRequest range, int limit) {
        // Newest first, as search shows them: the last `limit` matches of the oldest-first stream, reversed.
        java.util.ArrayDeque<StoredEvent> newest = new java.util.ArrayDeque<>();
        long[] n = {0};
        d.each(r, p, range, m -> {
            n[0]++;
            newest.addFirst(m.stored());
            if (newest.size() > limit) {
                newest.removeLast();
            }
        });
        return new SearchResult(n[0], new ArrayList<>(newest), null);
    }

    private static String counts(Map<String, Long> m) {
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** Reads every event (or most): memory-mapped files serve long sequential reads best. */
    @Override
    dev.trailindex.query.SearchService.Reads reads() {
        return dev.trailindex.query.SearchService.Reads.MAPPED;
    }
}
