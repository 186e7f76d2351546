package dev.trailindex.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.trailindex.query.JsonViews;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Shared output helpers. */
final class Formats {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private Formats() {
    }

    /** An event time as ISO-8601 UTC with milliseconds, or "" when absent. */
    static String time(Long millis) {
        return JsonViews.time(millis, null);
    }

    /** An event time in {@code zone}: UTC as ...Z, other zones with their explicit offset. */
    static String time(Long millis, java.time.ZoneId zone) {
        return JsonViews.time(millis, zone);
    }

    /** "1 event", "2 events", "1,024 events": a count with its noun, singular for one. */
    static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** The same with an irregular plural ("1 conflicting copy", "2 conflicting copies"). */
    static String count(long n, String noun, String plural) {
        return number(n) + " " + (n == 1 ? noun : plural);
    }

    /**
     * A size as users type it: bytes, or a number and k, m or g (powers of 1024; kb, mb, gb and kib... too), e.g.
     * 8m; {@code option} names the option in the error.
     */
    static long size(String text, String option) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,18})\\s*([kmg]?)(i?b)?")
                .matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageError(option + " takes a size such as 8388608, 512k, 8m or 4g, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new UsageError(option + ": '" + text + "' is too large");
        }
        return n << shift;
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A JSON generator on {@code out} that leaves the stream open. */
    static JsonGenerator generator(OutputStream out, boolean pretty) {
        try {
            JsonGenerator g = JSON.getFactory().createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
