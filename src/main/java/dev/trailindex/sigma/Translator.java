package dev.trailindex.sigma;

import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import dev.trailindex.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Translates a detection into Lucene {@link Query} objects, straight from the parsed rule. Each part is exact when
 * the index can answer it as Sigma means it; otherwise it becomes a superset (the candidates), and the whole
 * detection is then checked again on each candidate's stored JSON by {@link EventMatcher}, so a rule never gets a
 * different answer from the index than from its own semantics. Purely negative parts are built as "every event
 * except", never as a bare MUST_NOT.
 */
public final class Translator {
    private final Targets targets;

    public Translator(Schema schema) {
        this.targets = new Targets(schema);
    }

    /** A translated part: its query, whether it is exact, and how the query language writes it. */
    private record Part(Query query, boolean exact, String text) {
    }

    /** The state of one translation: post-filter parts and fields the index lacks. */
    private static final class Work {
        final Set<String> post = new LinkedHashSet<>();
        final Set<String> unindexed = new LinkedHashSet<>();
        final Set<String> notes = new LinkedHashSet<>();
    }

    public Plan translate(Detection d) {
        Work w = new Work();
        Part p = condition(d.condition(), d, w);
        return new Plan(p.query(), p.exact(), p.text(), List.copyOf(w.post), List.copyOf(w.unindexed), List.copyOf(w.notes));
    }

    private Part condition(Condition c, Detection d, Work w) {
        return switch (c) {
            case Condition.And a -> and(a.all().stream().map(x -> condition(x, d, w)).toList());
            case Condition.Or o -> or(o.any().stream().map(x -> condition(x, d, w)).toList());
            case Condition.Not n -> not(condition(n.inner(), d, w));
            case Condition.Ref r -> search(d.searches().get(r.name()), w);
        };
    }

    private Part search(Search s, Work w) {
        return or(s.groups().stream().map(g -> and(g.stream().map(i -> item(i, w)).toList())).toList());
    }

    private Part item(Item item, Work w) {
        List<Part> parts = item.values().stream().map(v -> value(item, v, w)).toList();
        return item.all() ? and(parts) : or(parts);
    }

    private Part value(Item item, Value v, Work w) {
        if (item.field() == null) {
            w.post.add("keywords '" + item.key() + "': " + describe(v) + " (searched in every value of the stored event)");
            return new Part(new MatchAllDocsQuery(), false, "*:*");
        }
        Targets.Target t = targets.of(item.field());
        return switch (t) {
            case Targets.Keyword k -> keyword(item, k.spec(), v, w);
            case Targets.Flat f -> flat(item, f, v, w);
            case Targets.Coarse c -> coarse(item, c.spec(), v, w);
            case Targets.Unindexed u -> {
                w.unindexed.add(u.field());
                w.post.add(item.key() + " " + describe(v) + " (the index does not hold " + u.field() + ")");
                yield new Part(new MatchAllDocsQuery(), false, "*:*");
            }
        };
    }

    private Part keyword(Item item, FieldSpec f, Value v, Work w) {
        String name = f.name();
        return switch (v) {
            case Value.Text t -> {
                Pattern ci = new Pattern(t.pattern().parts(), false);
                Part q = new Part(LeafQueries.keyword(f, ci), LeafQueries.keywordExact(f, ci), QuerySyntax.field(name, ci));
                if (t.pattern().cased() && f.caseInsensitive()) {
                    w.post.add(item.key() + " " + describe(v) + " (case kept: the index holds " + name + " in lower case)");
                    yield new Part(q.query(), false, q.text());
                }
                if (!q.exact()) {
                    w.post.add(item.key() + " " + describe(v) + " (" + name + " holds compact ids: only exact values and prefixes)");
                }
                yield q;
            }
            case Value.Null n -> not(exists(f));
            case Value.Exists x -> x.present() ? exists(f) : not(exists(f));
            case Value.Cidr c when f.type() == FieldType.IP ->
                    new Part(LeafQueries.cidr(f, c), true, name + ":" + QuerySyntax.escape(c.source()));
            case Value.Regex r when !f.compactIds() && RegexLiterals.required(r.source()) != null -> {
                // Every match holds the expression's literal run: the index narrows to values containing it.
                Pattern lit = Pattern.literal(RegexLiterals.required(r.source()), false).wrap(true, true);
                yield approx(item, v, new Part(LeafQueries.keyword(f, lit), true, QuerySyntax.field(name, lit)), w);
            }
            default -> approx(item, v, exists(f), w);
        };
    }

    private Part flat(Item item, Targets.Flat t, Value v, Work w) {
        FieldSpec f = t.spec();
        String shown = t.path() == null ? f.name() : f.name() + "." + t.path();
        Part any = new Part(LeafQueries.flatExists(f, t.path()), true, QuerySyntax.flatExists(shown, t.path() == null, w.notes));
        return switch (v) {
            case Value.Text x when !x.pattern().cased() ->
                    new Part(LeafQueries.flat(f, t.path(), x.pattern()), true, QuerySyntax.flat(shown, t.path() == null, x.pattern(), w.notes));
            case Value.Null n -> not(any);
            case Value.Exists x -> x.present() ? any : not(any);
            case Value.Regex r when RegexLiterals.required(r.source()) != null -> {
                Pattern lit = Pattern.literal(RegexLiterals.required(r.source()), false).wrap(true, true);
                yield approx(item, v, new Part(LeafQueries.flat(f, t.path(), lit), true,
                        QuerySyntax.flat(shown, t.path() == null, lit, w.notes)), w);
            }
            default -> approx(item, v, any, w);
        };
    }

    private Part coarse(Item item, FieldSpec f, Value v, Work w) {
        return switch (v) {
            case Value.Null n -> approx(item, v, new Part(new MatchAllDocsQuery(), false, "*:*"), w);
            case Value.Exists x when !x.present() -> approx(item, v, new Part(new MatchAllDocsQuery(), false, "*:*"), w);
            default -> approx(item, v, exists(f), w);
        };
    }

    private static Part exists(FieldSpec f) {
        return new Part(LeafQueries.exists(f), true, "_exists_:" + f.name());
    }

    /** A part the index can only narrow down: {@code candidates}, checked exactly afterwards. */
    private static Part approx(Item item, Value v, Part candidates, Work w) {
        w.post.add(item.key() + " " + describe(v));
        return new Part(candidates.query(), false, candidates.text());
    }

    static String describe(Value v) {
        return switch (v) {
            case Value.Text t -> "'" + t.pattern().sigma() + "'" + (t.pattern().cased() ? " (cased)" : "");
            case Value.Null n -> "null";
            case Value.Exists x -> "exists " + x.present();
            case Value.Regex r -> "/" + r.source() + "/";
            case Value.Cidr c -> "cidr " + c.source();
            case Value.Compare c -> c.op() + " " + c.number().toPlainString();
            case Value.FieldRef r -> "field " + r.field();
        };
    }

    private static Part and(List<Part> all) {
        // Every event AND x is x: parts that only say "any candidate" drop out (their exactness stays).
        List<Part> parts = all.stream().filter(p -> !(p.query() instanceof MatchAllDocsQuery)).toList();
        boolean exact = all.stream().allMatch(Part::exact);
        if (parts.isEmpty()) {
            return new Part(new MatchAllDocsQuery(), exact, "*:*");
        }
        if (parts.size() == 1) {
            Part p = parts.get(0);
            return new Part(p.query(), exact, p.text());
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        for (Part p : parts) {
            Query negated = negatedInner(p.query());
            if (negated == null) {
                positive = true;
            }
        }
        for (Part p : parts) {
            Query negated = negatedInner(p.query());
            if (positive && negated != null) {
                b.add(negated, BooleanClause.Occur.MUST_NOT);
            } else {
                b.add(p.query(), BooleanClause.Occur.MUST);
            }
        }
        return new Part(b.build(), exact, QuerySyntax.join(parts.stream().map(Part::text).toList(), "AND"));
    }

    private static Part or(List<Part> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        parts.forEach(p -> b.add(p.query(), BooleanClause.Occur.SHOULD));
        return new Part(b.build(), parts.stream().allMatch(Part::exact), QuerySyntax.join(parts.stream().map(Part::text).toList(), "OR"));
    }

    /** Every event except the part's: exact only if the part is (the complement of a superset is not one). */
    private static Part not(Part p) {
        if (!p.exact()) {
            return new Part(new MatchAllDocsQuery(), false, "*:*");
        }
        Query inner = negatedInner(p.query());
        if (inner != null) {
            return new Part(inner, true, "(" + p.text().replaceFirst("^\\(?NOT ", "") + ")");
        }
        Query q = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                .add(p.query(), BooleanClause.Occur.MUST_NOT).build();
        return new Part(q, true, "NOT " + QuerySyntax.group(p.text()));
    }

    /** X when {@code q} is "every event except X" as built by {@link #not}, else null. */
    private static Query negatedInner(Query q) {
        if (q instanceof BooleanQuery bq && bq.clauses().size() == 2
                && bq.clauses().get(0).query() instanceof MatchAllDocsQuery
                && bq.clauses().get(0).occur() == BooleanClause.Occur.FILTER
                && bq.clauses().get(1).occur() == BooleanClause.Occur.MUST_NOT) {
            return bq.clauses().get(1).query();
        }
        return null;
    }

    static List<String> list(Set<String> s) {
        return new ArrayList<>(s);
    }
}
