package dev.trailindex.trace;

import dev.trailindex.index.KeywordTerms;
import dev.trailindex.query.Order;
import dev.trailindex.query.QueryException;
import dev.trailindex.query.Row;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.TraceFields;
import dev.trailindex.search.SearchBackend;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Credential chains on the backend seam: every hop is a term query on the schema's trace fields (the key an event
 * was made with, the key it issued, who that key acts as), run through {@link SearchBackend#scan}, so a trace works
 * on any backend that runs a Lucene query.
 */
public final class Tracer {
    /** The calls whose sessions start a chain of their own (eventName values). */
    private static final String SAML = "AssumeRoleWithSAML";
    private static final String WEB_IDENTITY = "AssumeRoleWithWebIdentity";
    private static final String LONG_TERM_PREFIX = "AKIA";
    /** Terms per query, well under Lucene's clause limit. */
    private static final int BATCH = 512;
    /** Keys in one trace's tree at most, whatever the logs hold. */
    public static final int MAX_KEYS = 10_000;

    private final SearchBackend backend;
    private final TraceFields f;

    /**
     * How far to look.
     *
     * @param from  earliest event time, epoch millis, or null
     * @param to    first event time excluded, or null
     * @param depth levels of descendants (null: all)
     */
    public record Options(Long from, Long to, Integer depth) {
        public Options {
            if (depth != null && depth < 0) {
                throw new QueryException("--depth must be 0 or more");
            }
        }

        public static Options all() {
            return new Options(null, null, null);
        }
    }

    /**
     * The answer for one CREDENTIAL: one trace per key it stands for, in order of first use.
     *
     * @param query  what was asked
     * @param traces the traces
     */
    public record Report(Credential query, List<Trace> traces) {
    }

    public Tracer(SearchBackend backend) {
        this.backend = backend;
        this.f = backend.schema().traceFields();
    }

    /** Traces {@code credential}; an unknown credential is a {@link QueryException}. */
    public Report trace(String credential, Options options) {
        Credential c = Credential.parse(credential);
        Run run = new Run(options);
        List<String> keys = c.isKey() ? List.of(c.value()) : run.keysOf(c);
        List<Trace> traces = new ArrayList<>();
        for (String key : keys) {
            traces.add(run.trace(key));
        }
        if (traces.isEmpty() || (c.isKey() && run.unknown(c.value()))) {
            throw new UnknownCredentialException("no event in " + backend.describe() + " was made with, issued or mentions "
                    + c.value() + (options.from() != null || options.to() != null ? " in that time range" : ""));
        }
        if (!c.isKey()) {
            traces.sort(Comparator.comparing((Trace t) -> run.firstSeen(t.credential()), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Trace::credential));
        }
        return new Report(c, List.copyOf(traces));
    }

    /** One trace request: its caches, so a key's events are read once. */
    private final class Run {
        private final Options options;
        private final Map<String, KeyFacts> facts = new HashMap<>();
        private final Map<String, Issuing> issuing = new HashMap<>();
        private final Set<String> issuingLooked = new java.util.HashSet<>();

        Run(Options options) {
            this.options = options;
        }

        Trace trace(String key) {
            List<Trace.Link> chain = chain(key);
            Set<String> seen = new LinkedHashSet<>();
            chain.forEach(l -> seen.add(l.credential()));
            List<Trace.Descendant> tree = descendants(key, seen);
            List<String> all = new ArrayList<>(seen);
            tree.forEach(d -> all.add(d.credential()));
            loadFacts(all);
            Map<String, List<String>> mentions = mentions(all);
            Map<String, Trace.Activity> activity = new LinkedHashMap<>();
            for (String k : all) {
                activity.put(k, activity(k, mentions.getOrDefault(k, List.of())));
            }
            return new Trace(key, chain, tree, activity, mentions.getOrDefault(key, List.of()));
        }

        boolean unknown(String key) {
            KeyFacts kf = facts(key);
            return kf.events == 0 && issuing(key) == null && mentions(List.of(key)).isEmpty();
        }

        Long firstSeen(String key) {
            KeyFacts kf = facts(key);
            if (kf.first != null) {
                return kf.first;
            }
            Issuing is = issuing(key);
            return is == null ? null : is.time;
        }

        /** The keys an ARN or principalId stands for. */
        List<String> keysOf(Credential c) {
            FieldSpec by = switch (c.kind()) {
                case SESSION -> f.session();
                case USER, ROOT, FEDERATED_USER -> f.arn();
                case PRINCIPAL_ID -> f.principalId();
                case ACCESS_KEY -> throw new IllegalStateException("a key stands for itself");
            };
            Set<String> keys = new LinkedHashSet<>();
            scan(KeywordTerms.exact(by, c.value()), List.of(f.accessKey().name()), r -> {
                String k = KeyFacts.upper(r.first(f.accessKey().name()));
                if (k != null) {
                    keys.add(k);
                }
            });
            scan(KeywordTerms.exact(f.issuedTo(), c.value()), List.of(f.issuedKey().name()), r -> {
                String k = KeyFacts.upper(r.first(f.issuedKey().name()));
                if (k != null) {
                    keys.add(k);
                }
            });
            return List.copyOf(keys);
        }

        /** Upward from {@code key}, top first. */
        private List<Trace.Link> chain(String key) {
            List<Trace.Link> chain = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (String cur = key; cur != null && seen.add(cur); ) {
                KeyFacts kf = facts(cur);
                Issuing is = issuing(cur);
                String next = null;
                Origin origin;
                if (cur.startsWith(LONG_TERM_PREFIX)) {
                    origin = kf.root ? Origin.ROOT : Origin.LONG_TERM;
                } else if (is != null) {
                    if (SAML.equals(is.eventName)) {
                        origin = Origin.SAML;
                    } else if (WEB_IDENTITY.equals(is.eventName)) {
                        origin = Origin.WEB_IDENTITY;
                    } else if (is.callerKey != null) {
                        origin = Origin.ISSUED;
                        next = is.callerKey;
                    } else {
                        origin = is.service ? Origin.SERVICE : Origin.ISSUED;
                    }
                } else if (kf.console) {
                    origin = Origin.CONSOLE;
                } else if (kf.ec2) {
                    origin = Origin.SERVICE;
                } else if (kf.root) {
                    origin = Origin.ROOT;
                } else if (kf.webIdentity) {
                    origin = Origin.WEB_IDENTITY;
                } else {
                    origin = Origin.UNKNOWN;
                }
                chain.add(0, new Trace.Link(cur, origin, is == null ? null : is.issue()));
                cur = next;
            }
            return List.copyOf(chain);
        }

        /** Downward from {@code key}, breadth first, each level in order of issue. */
        private List<Trace.Descendant> descendants(String key, Set<String> seen) {
            List<Trace.Descendant> out = new ArrayList<>();
            List<String> level = List.of(key);
            for (int depth = 1; !level.isEmpty() && (options.depth() == null || depth <= options.depth()); depth++) {
                loadFacts(level);
                List<KeyFacts.Child> children = new ArrayList<>();
                Map<String, String> parents = new HashMap<>();
                for (String p : level) {
                    for (KeyFacts.Child c : facts(p).children) {
                        if (seen.size() < MAX_KEYS && seen.add(c.key())) {
                            children.add(c);
                            parents.put(c.key(), p);
                        }
                    }
                }
                children.sort(Comparator.comparing(KeyFacts.Child::time, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(KeyFacts.Child::key));
                loadIssuing(children.stream().map(KeyFacts.Child::key).toList());
                List<String> next = new ArrayList<>();
                for (KeyFacts.Child c : children) {
                    Issuing is = issuing(c.key());
                    List<String> ids = is == null ? List.of(c.eventId()) : List.copyOf(is.eventIds);
                    out.add(new Trace.Descendant(c.key(), parents.get(c.key()), depth, c.eventName(), ids, c.time()));
                    next.add(c.key());
                }
                level = next;
            }
            return List.copyOf(out);
        }

        private Trace.Activity activity(String key, List<String> mentionedIn) {
            KeyFacts kf = facts(key);
            Issuing is = issuing(key);
            String principal = kf.principal != null ? kf.principal : is == null ? null : is.issuedTo;
            String account = accountOf(principal);
            return new Trace.Activity(principal, account != null ? account : kf.account, kf.events, kf.first, kf.last,
                    List.copyOf(kf.ips), List.copyOf(kf.regions), List.copyOf(kf.services), kf.errors, mentionedIn);
        }

        /** Events that only mention each key, oldest first. */
        private Map<String, List<String>> mentions(List<String> keys) {
            Set<String> set = new LinkedHashSet<>(keys);
            Map<String, TreeSet<Mention>> found = new HashMap<>();
            for (String k : keys) {
                for (KeyFacts.Mention m : facts(k).mentions) {
                    for (String named : m.keys()) {
                        if (set.contains(named)) {
                            found.computeIfAbsent(named, x -> new TreeSet<>()).add(new Mention(m.time(), m.eventId()));
                        }
                    }
                }
            }
            List<String> fields = List.of(f.relatedKey().name(), f.issuedKey().name(), f.accessKey().name());
            for (List<String> batch : batches(keys)) {
                // Events made with one of the keys were looked at above; leave them out here (by query when the
                // clauses fit in one, else row by row).
                Query q = keys.size() > BATCH ? anyOf(f.relatedKey(), batch) : new BooleanQuery.Builder()
                        .add(anyOf(f.relatedKey(), batch), BooleanClause.Occur.MUST)
                        .add(anyOf(f.accessKey(), keys), BooleanClause.Occur.MUST_NOT).build();
                scan(q, fields, r -> {
                    if (set.contains(KeyFacts.upper(r.first(f.accessKey().name())))) {
                        return;
                    }
                    String issued = KeyFacts.upper(r.first(f.issuedKey().name()));
                    for (String named : r.get(f.relatedKey().name())) {
                        String u = KeyFacts.upper(named);
                        if (set.contains(u) && !u.equals(issued)) {
                            found.computeIfAbsent(u, x -> new TreeSet<>()).add(new Mention(r.time(), r.key()));
                        }
                    }
                });
            }
            Map<String, List<String>> out = new HashMap<>();
            found.forEach((k, v) -> out.put(k, v.stream().map(Mention::eventId).distinct().toList()));
            return out;
        }

        private KeyFacts facts(String key) {
            loadFacts(List.of(key));
            return facts.get(key);
        }

        private Issuing issuing(String key) {
            loadIssuing(List.of(key));
            return issuing.get(key);
        }

        /** Reads the events of every key not read yet, one query per batch. */
        private void loadFacts(Collection<String> keys) {
            List<String> missing = keys.stream().filter(k -> !facts.containsKey(k)).distinct().toList();
            missing.forEach(k -> facts.put(k, new KeyFacts()));
            for (List<String> batch : batches(missing)) {
                scan(anyOf(f.accessKey(), batch), KeyFacts.fields(f), r -> {
                    String k = KeyFacts.upper(r.first(f.accessKey().name()));
                    KeyFacts kf = facts.get(k);
                    if (kf != null) {
                        kf.add(r, f, k);
                    }
                });
            }
        }

        private void loadIssuing(Collection<String> keys) {
            List<String> missing = keys.stream().filter(issuingLooked::add).distinct().toList();
            for (List<String> batch : batches(missing)) {
                scan(anyOf(f.issuedKey(), batch), Issuing.fields(f), r -> {
                    String k = KeyFacts.upper(r.first(f.issuedKey().name()));
                    if (k != null && missing.contains(k)) {
                        issuing.computeIfAbsent(k, x -> new Issuing()).add(r, f);
                    }
                });
            }
        }

        private void scan(Query filter, List<String> fields, Consumer<Row> each) {
            SearchRequest req = new SearchRequest("", options.from(), options.to(), 0, Order.OLDEST).withFilter(filter);
            backend.scan(req, fields, each);
        }
    }

    /** A mention, ordered by time (events without one last), then id. */
    private record Mention(Long time, String eventId) implements Comparable<Mention> {
        @Override
        public int compareTo(Mention o) {
            int c = Comparator.nullsLast(Comparator.<Long>naturalOrder()).compare(time, o.time);
            return c != 0 ? c : eventId.compareTo(o.eventId);
        }
    }

    private static Query anyOf(FieldSpec field, Collection<String> values) {
        if (values.size() == 1) {
            return KeywordTerms.exact(field, values.iterator().next());
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String v : values) {
            b.add(KeywordTerms.exact(field, v), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private static List<List<String>> batches(List<String> keys) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += BATCH) {
            out.add(keys.subList(i, Math.min(keys.size(), i + BATCH)));
        }
        return out;
    }

    /** The account part of an ARN, or null. */
    static String accountOf(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : null;
    }
}
