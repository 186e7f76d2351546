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
