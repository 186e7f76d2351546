package dev.trailindex.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of a request's query string. */
final class Params {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Params(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, "malformed query string");
            }
        }
    }

    /** The single value of {@code name}, or null (blank counts as absent). */
    String get(String name) {
        List<String> v = values.get(name);
        if (v == null || v.isEmpty() || v.get(0).isBlank()) {
            return null;
        }
        if (v.size() > 1) {
            throw new HttpError(400, "parameter '" + name + "' is given more than once");
        }
        return v.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(s -> !s.isBlank()).toList();
    }

    int integer(String name, int dflt, int min, int max) {
        String v = get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new HttpError(400, "parameter '" + name + "' must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new HttpError(400, "parameter '" + name + "' must be a whole number");
        }
    }
}
