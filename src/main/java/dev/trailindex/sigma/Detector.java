package dev.trailindex.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.query.StoredEvent;
import dev.trailindex.search.SearchBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs rules on the backend seam, so detection works on any backend: an exact rule is a count and two one-hit
 * searches; a rule with post-filter parts pages through its candidates' stored JSON; correlations stream their
 * rules' events oldest first ({@link Correlations}).
 */
public final class Detector {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;

    private final SearchBackend backend;
    private final Translator translator;

    public Detector(SearchBackend backend) {
        this.backend = backend;
        this.translator = new Translator(backend.schema());
    }

    /** One matching event. */
    public record Match(String key, Long time, JsonNode event, StoredEvent stored) {
    }

    /** The translation of a rule's detection; throws SigmaException when the rule cannot run. */
    public Plan plan(SigmaRule rule) {
        if (!rule.runnable()) {
            throw new SigmaException(rule.untranslatable());
        }
        if (rule.detection() == null) {
            throw new SigmaException("a correlation has no query of its own");
        }
        return translator.translate(rule.detection());
    }

    /** Runs every rule within {@code range} (its time range; the query text is ignored). */
    public List<RuleResult> run(List<SigmaRule> rules, SearchRequest range) {
        List<RuleResult> out = new ArrayList<>();
        Correlations corr = new Correlations(this, rules);
        for (SigmaRule r : rules) {
            out.add(run(r, range, corr));
        }
        return out;
    }

    private RuleResult run(SigmaRule r, SearchRequest range, Correlations corr) {
        if (!r.runnable()) {
            return RuleResult.failed(r, r.untranslatable());
        }
        try {
            if (r.correlation() != null) {
                return corr.run(r, range);
            }
            Plan p = plan(r);
            SearchRequest req = request(range, p);
            if (p.exact()) {
                long hits = backend.count(req);
                if (hits == 0) {
                    return new RuleResult(r, p, null, 0, null, null, List.of());
                }
                Long first = time(backend.search(one(req, Order.OLDEST)));
                Long last = time(backend.search(one(req, Order.NEWEST)));
                return new RuleResult(r, p, null, hits, first, last, List.of());
            }
            long[] n = {0};
            Long[] span = {null, null};
            each(r, p, range, m -> {
                n[0]++;
                if (m.time() != null) {
                    span[0] = span[0] == null ? m.time() : Math.min(span[0], m.time());
                    span[1] = span[1] == null ? m.time() : Math.max(span[1], m.time());
                }
            });
            return new RuleResult(r, p, null, n[0], span[0], span[1], List.of());
        } catch (SigmaException e) {
            return RuleResult.failed(r, e.getMessage());
        }
    }

    /** The rule's candidates within {@code range} (its time range and query text): the request that pages them. */
    static SearchRequest request(SearchRequest range, Plan p) {
        return new SearchRequest(range.query(), range.from(), range.to(), PAGE, Order.OLDEST, null, range.zone(), p.query());
    }

    /** Every event matching the rule, oldest first, each checked on its stored JSON when the plan is not exact. */
    public void each(SigmaRule r, Plan p, SearchRequest range, Consumer<Match> out) {
        SearchRequest req = request(range, p);
        SearchResult page = backend.search(req);
        while (true) {
            for (StoredEvent e : page.hits()) {
                JsonNode tree = p.exact() ? null : parse(e);
                if (p.exact() || EventMatcher.matches(r.detection(), tree)) {
                    out.accept(new Match(e.key(), e.time(), tree, e));
                }
            }
            if (page.nextCursor() == null) {
                return;
            }
            page = backend.search(req.page(page.nextCursor()));
        }
    }

    private static SearchRequest one(SearchRequest r, Order order) {
        return new SearchRequest(r.query(), r.from(), r.to(), 1, order, null, r.zone(), r.filter());
    }

    SearchBackend backend() {
        return backend;
    }

    static JsonNode parse(StoredEvent e) {
        try {
            return JSON.readTree(e.json());
        } catch (IOException ex) {
            throw new UncheckedIOException("event " + e.key() + " has a stored original that is not JSON", ex);
        }
    }

    private static Long time(SearchResult r) {
        return r.hits().isEmpty() ? null : r.hits().get(0).time();
    }
}
