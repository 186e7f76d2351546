package dev.trailindex.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;

/** Runs one request through the filters and the handler on a worker thread; the result is the response's bytes. */
final class RequestRunner {
    private final List<Filter> filters;
    private final HttpHandler handler;

    RequestRunner(List<Filter> filters, HttpHandler handler) {
        this.filters = List.copyOf(filters);
        this.handler = handler;
    }

    /** The response to {@code head}; {@code close} when the connection ends after it. */
    ByteBuffer[] run(RequestHead head, InetSocketAddress remote, InetSocketAddress local, boolean close) {
        BufferedExchange exchange = new BufferedExchange(head, remote, local);
        try {
            // A chain is used once: it walks its filters with an iterator.
            new Filter.Chain(filters, handler).doFilter(exchange);
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Errors too: the connection must get its answer, or it would wait in its handling state for ever.
            // The client learns only that it failed; the details go to the server's log.
            System.err.println("trailindex http: " + AccessLog.escape(head.uri().getRawPath()) + ": "
                    + e.getClass().getSimpleName() + ": " + AccessLog.escape(String.valueOf(e.getMessage())));
            return Response.error(500, "internal error", true);
        }
        return exchange.responded() ? exchange.response(close) : Response.error(500, "internal error: no response", true);
    }
}
