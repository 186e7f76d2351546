package dev.trailindex.query;

import dev.trailindex.schema.FieldSpec;
import dev.trailindex.schema.FieldType;
import dev.trailindex.schema.Schema;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps a field name a user typed to a schema field: exact names, names in any case ({@code eventname}), aliases
 * ({@code ip}), and dotted paths inside flattened fields ({@code requestParameters.bucketName}); suggests the
 * closest names when there is no such field.
 */
public final class FieldResolver {

    /**
     * A resolved name.
     *
     * @param spec the schema field
     * @param path for a flattened field, the dotted path inside it; otherwise null
     */
    public record Resolved(FieldSpec spec, String path) {
    }

    private final Schema schema;

    public FieldResolver(Schema schema) {
        this.schema = schema;
    }

    /** Whether {@code name} names a field (or a path inside one). */
    public boolean knows(String name) {
        return find(name).isPresent();
    }

    public Resolved resolve(String name) {
        return find(name).orElseThrow(() -> new QueryException(
                "unknown field '" + name + "'" + suggestions(name) + " ('trailindex fields' lists them all)"));
    }

    private Optional<Resolved> find(String name) {
        Optional<FieldSpec> direct = schema.find(name);
        if (direct.isPresent()) {
            return Optional.of(new Resolved(direct.get(), null));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (FieldSpec f : schema.fields()) {
            String prefix = f.name().toLowerCase(Locale.ROOT) + ".";
            if (f.type() == FieldType.FLATTENED && lower.startsWith(prefix) && lower.length() > prefix.length()) {
                return Optional.of(new Resolved(f, name.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }

    /** "; did you mean a, b or c?" for the nearest field names and aliases, or "" if none is near. */
    String suggestions(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> near = schema.fields().stream()
                .flatMap(f -> java.util.stream.Stream.concat(java.util.stream.Stream.of(f.name()), f.aliases().stream()))
                .filter(n -> distance(lower, n.toLowerCase(Locale.ROOT)) <= Math.max(2, lower.length() / 3)
                        || n.toLowerCase(Locale.ROOT).endsWith("." + lower))
                .sorted(Comparator.comparingInt((String n) -> distance(lower, n.toLowerCase(Locale.ROOT))).thenComparing(n -> n))
                .limit(3)
                .toList();
        int dot = name.indexOf('.');
        if (near.isEmpty() && dot > 0) {
            // A mistyped nested object: requestParamters.bucketName -> requestParameters.bucketName.
            String head = name.substring(0, dot).toLowerCase(Locale.ROOT);
            near = schema.fields().stream().filter(f -> f.type() == FieldType.FLATTENED)
                    .filter(f -> distance(head, f.name().toLowerCase(Locale.ROOT)) <= Math.max(2, head.length() / 3))
                    .map(f -> f.name() + name.substring(dot)).limit(3).toList();
        }
        if (near.isEmpty()) {
            return "";
        }
        if (near.size() == 1) {
            return "; did you mean " + near.get(0) + "?";
        }
        return "; did you mean " + String.join(", ", near.subList(0, near.size() - 1)) + " or " + near.getLast() + "?";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
