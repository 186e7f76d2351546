package dev.trailindex.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;

/** One line per request: time, client, method, path, status, milliseconds. Query strings are left out. */
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
            out.printf("%s %s %s %s %d %d ms%n", Instant.now(), exchange.getRemoteAddress().getAddress().getHostAddress(),
                    exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange.getResponseCode(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Override
    public String description() {
        return "trailindex access log";
    }
}
