package dev.trailindex.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Sigma string value parsed into literal text and wildcards: {@code *} any run of characters, {@code ?} one
 * character. A backslash escapes {@code *}, {@code ?} and itself; before any other character it stays a plain
 * backslash (Sigma specification, "Escaping").
 *
 * @param parts literal strings and the {@link #ANY} / {@link #ONE} markers, in order
 * @param cased whether the match keeps case ({@code |cased}); Sigma strings otherwise ignore case
 */
public record Pattern(List<Part> parts, boolean cased) {
    /** One piece of a pattern. */
    public sealed interface Part {
    }

    /** Literal text. */
    public record Literal(String text) implements Part {
    }

    /** A wildcard. */
    public record Wild(boolean many) implements Part {
    }

    public static final Wild ANY = new Wild(true);
    public static final Wild ONE = new Wild(false);

    public Pattern {
        parts = normalise(parts);
    }

    /** Parses a Sigma string. */
    public static Pattern parse(String s, boolean cased) {
        List<Part> out = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "*?\\".indexOf(s.charAt(i + 1)) >= 0) {
                lit.append(s.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (!lit.isEmpty()) {
                    out.add(new Literal(lit.toString()));
                    lit.setLength(0);
                }
                out.add(c == '*' ? ANY : ONE);
            } else {
                lit.append(c);
            }
        }
        if (!lit.isEmpty()) {
            out.add(new Literal(lit.toString()));
        }
        return new Pattern(out, cased);
    }

    /** A pattern of literal text only. */
    public static Pattern literal(String s, boolean cased) {
        return new Pattern(s.isEmpty() ? List.of() : List.of(new Literal(s)), cased);
    }

    /** This pattern with {@code *} added before and/or after, unless one is already there (contains, startswith...). */
    public Pattern wrap(boolean before, boolean after) {
        List<Part> p = new ArrayList<>(parts);
        if (before && (p.isEmpty() || !p.get(0).equals(ANY))) {
            p.add(0, ANY);
        }
        if (after && (p.isEmpty() || !p.get(p.size() - 1).equals(ANY))) {
            p.add(ANY);
        }
        return new Pattern(p, cased);
    }

    /** Merges adjacent literals and collapses runs of {@code *}. */
    private static List<Part> normalise(List<Part> in) {
        List<Part> out = new ArrayList<>();
        for (Part p : in) {
            Part last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (p instanceof Literal l && last instanceof Literal prev) {
                out.set(out.size() - 1, new Literal(prev.text() + l.text()));
            } else if (p instanceof Literal l && l.text().isEmpty()) {
                continue;
            } else if (!(p.equals(ANY) && ANY.equals(last))) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** Whether the pattern is literal text only (no wildcard). */
    public boolean isLiteral() {
        return parts.stream().allMatch(p -> p instanceof Literal);
    }

    /** The literal text, for a literal pattern. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        parts.forEach(p -> sb.append(p instanceof Literal l ? l.text() : ""));
        return sb.toString();
    }

    /** Whether it is literal text followed by one {@code *}. */
    public boolean isPrefix() {
        return parts.size() >= 2 && parts.get(parts.size() - 1).equals(ANY)
                && new Pattern(parts.subList(0, parts.size() - 1), cased).isLiteral();
    }

    /** Whether it is exactly {@code *}: any value. */
    public boolean isAnything() {
        return parts.size() == 1 && parts.get(0).equals(ANY);
    }

    /** Whether {@code value} matches the whole pattern (case-insensitively unless cased). */
    public boolean matches(String value) {
        String v = cased ? value : value.toLowerCase(Locale.ROOT);
        List<Part> p = cased ? parts : lowered();
        return match(p, 0, v, 0);
    }

    private List<Part> lowered() {
        return parts.stream().map(x -> x instanceof Literal l ? (Part) new Literal(l.text().toLowerCase(Locale.ROOT)) : x).toList();
    }

    private static boolean match(List<Part> p, int pi, String v, int vi) {
        if (pi == p.size()) {
            return vi == v.length();
        }
        Part part = p.get(pi);
        if (part instanceof Literal l) {
            return v.startsWith(l.text(), vi) && match(p, pi + 1, v, vi + l.text().length());
        }
        if (part.equals(ONE)) {
            return vi < v.length() && match(p, pi + 1, v, vi + 1);
        }
        if (pi + 1 == p.size()) {
            return true;
        }
        for (int i = vi; i <= v.length(); i++) {
            if (match(p, pi + 1, v, i)) {
                return true;
            }
        }
        return false;
    }

    /** The pattern as Sigma writes it (wildcards bare, literal {@code * ? \} escaped). */
    public String sigma() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                sb.append(l.text().replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?"));
            } else {
                sb.append(p.equals(ANY) ? '*' : '?');
            }
        }
        return sb.toString();
    }
}
