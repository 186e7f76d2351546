package dev.trailindex.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One line per request: time, client, method, path, status, milliseconds. Query strings are left out, and control
 * characters in what the client sent are escaped ({@code \u001b}), so a request cannot drive the terminal.
 */
public final class AccessLog extends Filter {
    private final PrintStream out;

    public AccessLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(exchange);
        } finally {
            line(exchange.getRemoteAddress(), exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getResponseCode(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Logs one request; also used for requests refused before they reached a handler ("-" for what is unknown). */
    void line(InetSocketAddress client, String method, String path, int status, long millis) {
        out.printf("%s %s %s %s %d %d ms%n", Instant.now(), client.getAddress().getHostAddress(), escape(method),
                escape(path), status, millis);
    }

    /** {@code s} with control characters (C0, DEL, C1), format characters (bidi overrides) and backslashes escaped. */
    static String escape(String s) {
        return s == null ? "-" : dev.trailindex.query.Printable.escapeUnambiguous(s);
    }

    @Override
    public String description() {
        return "trailindex access log";
    }
}
