package dev.trailindex.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Parses a Sigma condition: {@code or} binds least, then {@code and}, {@code not}, {@code x of}, parentheses
 * (Sigma specification, "Condition"). {@code 1 of x*} / {@code all of x*} / {@code them} become Or / And of the
 * identifiers they name; identifiers starting with {@code _} are left out unless the pattern starts with one.
 */
final class ConditionParser {
    private static final java.util.regex.Pattern TOKEN =
            java.util.regex.Pattern.compile("\\s*(\\(|\\)|[^\\s()]+)");

    private final List<String> tokens = new ArrayList<>();
    private final Set<String> names;
    private int at;

    private ConditionParser(String text, Set<String> names) {
        this.names = names;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group(1));
        }
    }

    /** The condition tree of {@code text} over the search identifiers {@code names} (in rule order). */
    static Condition parse(String text, Set<String> names) {
        ConditionParser p = new ConditionParser(text, names);
        if (p.tokens.isEmpty()) {
            throw new SigmaException("the condition is empty");
        }
        Condition c = p.or();
        if (p.at < p.tokens.size()) {
            throw new SigmaException("unexpected '" + p.tokens.get(p.at) + "' in condition '" + text + "'");
        }
        return c;
    }

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private boolean take(String word) {
        if (word.equalsIgnoreCase(peek())) {
            at++;
            return true;
        }
        return false;
    }

    private Condition or() {
        List<Condition> any = new ArrayList<>(List.of(and()));
        while (take("or")) {
            any.add(and());
        }
        return any.size() == 1 ? any.get(0) : new Condition.Or(any);
    }

    private Condition and() {
        List<Condition> all = new ArrayList<>(List.of(not()));
        while (take("and")) {
            all.add(not());
        }
        return all.size() == 1 ? all.get(0) : new Condition.And(all);
    }

    private Condition not() {
        return take("not") ? new Condition.Not(not()) : primary();
    }

    private Condition primary() {
        String t = peek();
        if (t == null) {
            throw new SigmaException("the condition ends too early");
        }
        at++;
        if (t.equals("(")) {
            Condition c = or();
            if (!take(")")) {
                throw new SigmaException("a '(' in the condition is not closed");
            }
            return c;
        }
        if ((t.equals("1") || t.equalsIgnoreCase("any") || t.equalsIgnoreCase("all")) && take("of")) {
            String target = peek();
            if (target == null || target.equals("(") || target.equals(")")) {
                throw new SigmaException("'" + t + " of' needs an identifier pattern or 'them'");
            }
            at++;
            List<Condition> refs = selected(target).stream().map(n -> (Condition) new Condition.Ref(n)).toList();
            if (refs.size() == 1) {
                return refs.get(0);
            }
            return t.equalsIgnoreCase("all") ? new Condition.And(refs) : new Condition.Or(refs);
        }
        if (t.equals(")") || Set.of("and", "or", "of").contains(t.toLowerCase(java.util.Locale.ROOT))) {
            throw new SigmaException("unexpected '" + t + "' in the condition");
        }
        if (!names.contains(t)) {
            throw new SigmaException("the condition names '" + t + "', which the detection does not define");
        }
        return new Condition.Ref(t);
    }

    private List<String> selected(String pattern) {
        List<String> out = new ArrayList<>();
        if (pattern.equals("them")) {
            names.stream().filter(n -> !n.startsWith("_")).forEach(out::add);
        } else {
            StringBuilder re = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                re.append(c == '*' ? ".*" : java.util.regex.Pattern.quote(String.valueOf(c)));
            }
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(re.toString());
            boolean underscore = pattern.startsWith("_");
            names.stream().filter(n -> p.matcher(n).matches() && (underscore || !n.startsWith("_"))).forEach(out::add);
        }
        if (out.isEmpty()) {
            throw new SigmaException("'of " + pattern + "' in the condition names no search identifier");
        }
        return out;
    }
}
