package dev.trailindex.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.index.IpLiterals;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a detection item's modifiers and raw YAML values into {@link Value}s (Sigma modifiers appendix). */
final class Values {
    static final Set<String> KNOWN = Set.of("contains", "startswith", "endswith", "all", "re", "i", "m", "s",
            "cidr", "exists", "base64", "base64offset", "windash", "lt", "lte", "gt", "gte", "fieldref", "expand", "cased");
    private static final String[] DASHES = {"-", "/", "\u2013", "\u2014", "\u2015"};
    private static final java.util.regex.Pattern WINDASH = java.util.regex.Pattern.compile("\\B[-/]\\b");
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("%([A-Za-z0-9_.-]+)%");

    private final Map<String, List<String>> placeholders;

    Values(Map<String, List<String>> placeholders) {
        this.placeholders = placeholders;
    }

    /** The values of item {@code key} ({@code field|mod|mod}) from {@code raw} (a scalar, null or a list). */
    List<Value> of(String key, List<String> mods, JsonNode raw) {
        for (String m : mods) {
            if (!KNOWN.contains(m)) {
                throw new SigmaException("unknown modifier '" + m + "' in '" + key + "'");
            }
        }
        if (mods.contains("re") && !mods.get(0).equals("re")) {
            throw new SigmaException("'re' must be the first modifier in '" + key + "'");
        }
        List<JsonNode> items = new ArrayList<>();
        if (raw != null && raw.isArray()) {
            raw.forEach(items::add);
        } else {
            items.add(raw);
        }
        List<Value> out = new ArrayList<>();
        for (JsonNode v : items) {
            if (v != null && (v.isObject() || v.isArray())) {
                throw new SigmaException("'" + key + "' has a nested list or map as a value");
            }
            out.addAll(one(key, mods, v));
        }
        return out;
    }

    private List<Value> one(String key, List<String> mods, JsonNode v) {
        if (mods.contains("exists")) {
            if (v == null || !v.isBoolean()) {
                throw new SigmaException("'" + key + "' needs true or false");
            }
            return List.of(new Value.Exists(v.booleanValue()));
        }
        if (v == null || v.isNull()) {
            return List.of(new Value.Null());
        }
        String s = v.asText();
        if (s.isEmpty() && !mods.contains("re") && !mods.contains("fieldref")) {
            // The index keeps no empty strings (an empty errorCode is no error code): an empty value means no value, as null.
            return List.of(new Value.Null());
        }
        boolean contains = mods.contains("contains");
        boolean before = contains || mods.contains("endswith");
        boolean after = contains || mods.contains("startswith");
        if (mods.contains("re")) {
            int flags = (mods.contains("i") ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE : 0)
                    | (mods.contains("m") ? java.util.regex.Pattern.MULTILINE : 0) | (mods.contains("s") ? java.util.regex.Pattern.DOTALL : 0);
            try {
                return List.of(new Value.Regex(s, java.util.regex.Pattern.compile(s, flags)));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new SigmaException("'" + key + "' has an invalid regular expression: " + e.getDescription());
            }
        }
        if (mods.contains("cidr")) {
            return List.of(cidr(key, s));
        }
        for (String op : List.of("lt", "lte", "gt", "gte")) {
            if (mods.contains(op)) {
                try {
                    return List.of(new Value.Compare(op, new BigDecimal(s.strip())));
                } catch (NumberFormatException e) {
                    throw new SigmaException("'" + key + "' needs a number, not '" + s + "'");
                }
            }
        }
        if (mods.contains("fieldref")) {
            return List.of(new Value.FieldRef(s, before, after));
        }
        boolean cased = mods.contains("cased");
        List<String> texts = mods.contains("expand") ? expand(key, s) : List.of(s);
        List<Value> out = new ArrayList<>();
        for (String t : texts) {
            for (Pattern p : transformed(mods, t, cased)) {
                out.add(new Value.Text(p.wrap(before, after)));
            }
        }
        return out;
    }

    /** base64, base64offset and windash, in Sigma's meaning; otherwise the string as a pattern. */
    private static List<Pattern> transformed(List<String> mods, String s, boolean cased) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (mods.contains("base64")) {
            return List.of(Pattern.literal(Base64.getEncoder().encodeToString(bytes), cased));
        }
        if (mods.contains("base64offset")) {
            // The three encodings of the value at byte offsets 0, 1 and 2, cut to the characters that do not
            // depend on the bytes around it (pySigma's SigmaBase64OffsetModifier).
            int[] start = {0, 2, 3};
            int[] end = {0, 3, 2};
            List<Pattern> out = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                byte[] shifted = new byte[bytes.length + i];
                java.util.Arrays.fill(shifted, 0, i, (byte) ' ');
                System.arraycopy(bytes, 0, shifted, i, bytes.length);
                String enc = Base64.getEncoder().encodeToString(shifted);
                int cut = end[(bytes.length + i) % 3];
                out.add(Pattern.literal(enc.substring(start[i], enc.length() - cut), cased));
            }
            return out;
        }
        if (mods.contains("windash")) {
            List<String> variants = new ArrayList<>(List.of(""));
            java.util.regex.Matcher m = WINDASH.matcher(s);
            int last = 0;
            while (m.find()) {
                String between = s.substring(last, m.start());
                List<String> next = new ArrayList<>();
                for (String v : variants) {
                    for (String d : DASHES) {
                        next.add(v + between + d);
                    }
                }
                variants = next;
                last = m.end();
            }
            String tail = s.substring(last);
            return variants.stream().map(v -> Pattern.parse(v + tail, cased)).toList();
        }
        return List.of(Pattern.parse(s, cased));
    }

    private List<String> expand(String key, String s) {
        List<String> out = new ArrayList<>(List.of(""));
        java.util.regex.Matcher m = PLACEHOLDER.matcher(s);
        int last = 0;
        while (m.find()) {
            List<String> values = placeholders.get(m.group(1));
            if (values == null || values.isEmpty()) {
                throw new SigmaException("placeholder %" + m.group(1) + "% in '" + key + "' has no values (give them with --placeholders FILE)");
            }
            String between = s.substring(last, m.start());
            List<String> next = new ArrayList<>();
            for (String o : out) {
                for (String v : values) {
                    next.add(o + between + v);
                }
            }
            out = next;
            last = m.end();
        }
        String tail = s.substring(last);
        return out.stream().map(o -> o + tail).toList();
    }

    private static Value cidr(String key, String s) {
        int slash = s.indexOf('/');
        InetAddress net = slash > 0 ? IpLiterals.parse(s.substring(0, slash).strip()) : null;
        int bits = -1;
        try {
            bits = slash > 0 ? Integer.parseInt(s.substring(slash + 1).strip()) : -1;
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (net == null || bits < 0 || bits > net.getAddress().length * 8) {
            throw new SigmaException("'" + key + "' has '" + s + "', which is not a CIDR block like 10.0.0.0/8");
        }
        return new Value.Cidr(s, net, bits);
    }
}
