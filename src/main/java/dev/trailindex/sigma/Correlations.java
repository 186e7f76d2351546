package dev.trailindex.sigma;

import dev.trailindex.query.QueryException;
import dev.trailindex.query.Row;
import dev.trailindex.query.SearchRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sigma 2 correlations (event_count, value_count, temporal, temporal_ordered with group-by, timespan, condition,
 * aliases) and Sigma v1 aggregation pipes run as the same thing: the correlated rules' events are streamed oldest
 * first through the seam's scan, grouped, and every window of {@code timespan} that passes the condition is
 * reported. Windows do not overlap: after one fires, the next starts after its last event.
 */
final class Correlations {
    private final Detector detector;
    private final List<SigmaRule> all;

    Correlations(Detector detector, List<SigmaRule> all) {
        this.detector = detector;
        this.all = all;
    }

    /** One correlated event: when, which rule (its position in the correlation), its group and counted value. */
    private record Event(long time, int rule, List<String> group, List<String> values, String key) {
    }

    RuleResult run(SigmaRule r, SearchRequest range) {
        Correlation c = r.correlation();
        List<SigmaRule> bases = bases(r);
        List<Event> events = new ArrayList<>();
        Plan firstPlan = null;
        for (int i = 0; i < bases.size(); i++) {
            SigmaRule b = bases.get(i);
            Plan p = detector.plan(b);
            firstPlan = firstPlan == null ? p : firstPlan;
            collect(b, i, p, c, range, events);
        }
        events.sort(Comparator.comparingLong(Event::time).thenComparing(Event::key));
        Map<List<String>, List<Event>> groups = new LinkedHashMap<>();
        events.forEach(e -> groups.computeIfAbsent(e.group(), k -> new ArrayList<>()).add(e));
        List<RuleResult.Window> fired = new ArrayList<>();
        groups.forEach((g, evs) -> fired.addAll(windows(c, bases.size(), g, evs)));
        fired.sort(Comparator.comparingLong(RuleResult.Window::start));
        Long first = fired.isEmpty() ? null : fired.get(0).start();
        Long last = fired.stream().map(RuleResult.Window::end).max(Long::compare).orElse(null);
        return new RuleResult(r, r.detection() == null ? null : firstPlan, null, fired.size(), first, last, fired);
    }

    private List<SigmaRule> bases(SigmaRule r) {
        if (r.correlation().rules().isEmpty()) {
            return List.of(r);
        }
        List<SigmaRule> out = new ArrayList<>();
        for (String ref : r.correlation().rules()) {
            SigmaRule b = all.stream().filter(x -> x != r && (ref.equals(x.name()) || ref.equals(x.id()) || ref.equals(x.title())))
                    .findFirst().orElseThrow(() -> new SigmaException("correlation names rule '" + ref + "', which is not loaded"));
            if (!b.runnable()) {
                throw new SigmaException("correlated rule '" + ref + "' cannot run: " + b.untranslatable());
            }
            out.add(b);
        }
        return out;
    }

    /** The field of rule {@code b} that stands for group-by name {@code g} (an alias, or the name itself). */
    private static String field(Correlation c, SigmaRule b, String g) {
        Map<String, String> per = c.aliases().get(g);
        if (per == null) {
            return g;
        }
        for (String ref : List.of(String.valueOf(b.name()), String.valueOf(b.id()), String.valueOf(b.title()))) {
            if (per.containsKey(ref)) {
                return per.get(ref);
            }
        }
        return g;
    }

    private void collect(SigmaRule b, int idx, Plan p, Correlation c, SearchRequest range, List<Event> out) {
        List<String> fields = new ArrayList<>();
        c.groupBy().forEach(g -> fields.add(field(c, b, g)));
        if (c.field() != null) {
            fields.add(c.field());
        }
        if (p.exact()) {
            try {
                detector.backend().scan(Detector.request(range, p), fields, row -> add(row, idx, fields, c, out));
                return;
            } catch (QueryException e) {
                // A field the scan cannot name (not in the schema): read it from the stored JSON instead.
            }
        }
        detector.each(b, p, range, m -> {
            if (m.time() != null) {
                var tree = m.event() != null ? m.event() : Detector.parse(m.stored());
                out.add(event(m.time(), idx, m.key(), fields, c, f -> EventValues.of(tree, f)));
            }
        });
    }

    private static void add(Row row, int idx, List<String> fields, Correlation c, List<Event> out) {
        if (row.time() != null) {
            out.add(event(row.time(), idx, row.key(), fields, c, row::get));
        }
    }

    /** One counted event: its group (the group-by fields' values) and the counted field's values, however read. */
    private static Event event(long time, int idx, String key, List<String> fields, Correlation c,
            java.util.function.Function<String, List<String>> valuesOf) {
        List<String> group = new ArrayList<>();
        for (int i = 0; i < c.groupBy().size(); i++) {
            group.add(String.join(",", valuesOf.apply(fields.get(i))));
        }
        List<String> values = c.field() == null ? List.of() : valuesOf.apply(c.field());
        return new Event(time, idx, group, values, key);
    }

    private static List<RuleResult.Window> windows(Correlation c, int rules, List<String> group, List<Event> evs) {
        List<RuleResult.Window> out = new ArrayList<>();
        long span = c.timespan().toMillis();
        int i = 0;
        while (i < evs.size()) {
            long start = evs.get(i).time();
            int j = i;
            while (j < evs.size() && evs.get(j).time() - start <= span) {
                j++;
            }
            List<Event> in = evs.subList(i, j);
            long n = measure(c, rules, in);
            boolean fires = c.type() == Correlation.Type.TEMPORAL || c.type() == Correlation.Type.TEMPORAL_ORDERED
                    ? (c.op() == null ? n >= rules : c.passes(n)) : c.passes(n);
            if (fires) {
                out.add(new RuleResult.Window(group, start, in.get(in.size() - 1).time(), n,
                        in.stream().map(Event::key).toList()));
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    /** What the condition counts in one window. */
    private static long measure(Correlation c, int rules, List<Event> in) {
        return switch (c.type()) {
            case EVENT_COUNT -> in.size();
            case VALUE_COUNT -> {
                Set<String> distinct = new HashSet<>();
                in.forEach(e -> distinct.addAll(e.values()));
                yield distinct.size();
            }
            case TEMPORAL -> in.stream().map(Event::rule).distinct().count();
            case TEMPORAL_ORDERED -> {
                int next = 0;
                for (Event e : in) {
                    if (next < rules && e.rule() == next) {
                        next++;
                    }
                }
                yield next;
            }
        };
    }
}
