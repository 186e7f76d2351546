package dev.trailindex.http;

import com.sun.net.httpserver.Filter;
import dev.trailindex.search.SearchBackend;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TrailIndexHandler} behind its own small connection layer: one thread reads request heads and writes
 * responses without blocking and within deadlines ({@link ServerOptions}), a bounded pool of threads runs the
 * complete requests, and a {@link HostCheck} refuses requests for other host names.
 */
public final class TrailIndexServer implements AutoCloseable {
    private static final int BACKLOG = 128;

    private final ConnectionLoop loop;
    private final ThreadPoolExecutor executor;
    private final InetSocketAddress address;

    private TrailIndexServer(ConnectionLoop loop, ThreadPoolExecutor executor, InetSocketAddress address) {
        this.loop = loop;
        this.executor = executor;
        this.address = address;
    }

    /**
     * Starts serving {@code search} on {@code address} (port 0 picks a free port) with {@code threads} request
     * threads and {@link ServerOptions#defaults()}; {@code accessLog} may be null.
     */
    public static TrailIndexServer start(SearchBackend search, InetSocketAddress address, HttpLimits limits, int threads,
            PrintStream accessLog) throws IOException {
        return start(search, address, limits, threads, accessLog, ServerOptions.defaults());
    }

    /** As {@link #start(SearchBackend, InetSocketAddress, HttpLimits, int, PrintStream)}, with {@code options}. */
    public static TrailIndexServer start(SearchBackend search, InetSocketAddress address, HttpLimits limits, int threads,
            PrintStream accessLog, ServerOptions options) throws IOException {
        return start(search, address, limits, threads, accessLog, options, List.of());
    }

    /** As {@link #start(SearchBackend, InetSocketAddress, HttpLimits, int, PrintStream, ServerOptions)}, serving Sigma {@code rules}. */
    public static TrailIndexServer start(SearchBackend search, InetSocketAddress address, HttpLimits limits, int threads,
            PrintStream accessLog, ServerOptions options, List<dev.trailindex.sigma.SigmaRule> rules) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.bind(address, BACKLOG);
            InetSocketAddress bound = (InetSocketAddress) channel.getLocalAddress();
            AccessLog log = accessLog == null ? null : new AccessLog(accessLog);
            List<Filter> filters = new ArrayList<>();
            if (log != null) {
                filters.add(log);
            }
            filters.add(HostCheck.forBind(bound.getAddress(), options.allowedHosts()));
            RequestRunner runner = new RequestRunner(filters, new TrailIndexHandler(search, limits, rules));
            // Bounded threads and queue; each connection has at most one request in flight, so the queue never
            // needs to be longer than the number of connections.
            ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(options.maxConnections()), r -> {
                        Thread t = new Thread(r, "trailindex-http");
                        t.setDaemon(true);
                        return t;
                    });
            ConnectionLoop loop = new ConnectionLoop(channel, options, runner, executor, log);
            loop.start();
            return new TrailIndexServer(loop, executor, bound);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Where the server listens, e.g. http://127.0.0.1:8080/. */
    public URI uri() {
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** Connections open now, for tests. */
    int openConnections() {
        return loop.openConnections();
    }

    @Override
    public void close() {
        try {
            loop.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
        }
    }
}
