package dev.trailindex.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.trailindex.query.SearchService;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The JDK's HttpServer running a {@link TrailIndexHandler} on a bounded pool of threads. */
public final class TrailIndexServer implements AutoCloseable {
    private static final int BACKLOG = 128;
    private static final int QUEUE = 512;
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private TrailIndexServer(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving {@code search} on {@code address} (port 0 picks a free port) with {@code threads} request
     * threads; {@code accessLog} may be null.
     */
    public static TrailIndexServer start(SearchService search, InetSocketAddress address, HttpLimits limits, int threads,
            PrintStream accessLog) throws IOException {
        // Without TCP_NODELAY small JSON responses stall on delayed ACKs (tens of ms each). The JDK reads this
        // property once, when its first server is created.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        HttpServer server = HttpServer.create(address, BACKLOG);
        HttpContext ctx = server.createContext("/", new TrailIndexHandler(search, limits));
        if (accessLog != null) {
            ctx.getFilters().add(new AccessLog(accessLog));
        }
        // Bounded threads and queue: a flood of requests waits or is refused, it never grows memory without end.
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "trailindex-http");
                    t.setDaemon(true);
                    return t;
                });
        server.setExecutor(executor);
        server.start();
        return new TrailIndexServer(server, executor);
    }

    /** Where the server listens, e.g. http://127.0.0.1:8080/. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
