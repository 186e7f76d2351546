package dev.trailindex.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that owns every socket: it accepts, reads request heads, enforces the deadlines and writes
 * responses, all without blocking. Only complete requests reach the worker pool, so slow clients cannot occupy it.
 */
final class ConnectionLoop implements Connection.Owner {
    /** How often deadlines are checked; they are kept to within this. */
    private static final long TICK_MILLIS = 100;

    private final ServerSocketChannel server;
    private final Selector selector;
    private final ServerOptions options;
    private final RequestRunner runner;
    private final ExecutorService workers;
    private final AccessLog log;
    private final Set<Connection> open = new HashSet<>();
    private final Queue<Runnable> completions = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile int openCount;
    private volatile boolean running = true;

    ConnectionLoop(ServerSocketChannel server, ServerOptions options, RequestRunner runner, ExecutorService workers,
            AccessLog log) throws IOException {
        this.server = server;
        this.options = options;
        this.runner = runner;
        this.workers = workers;
        this.log = log;
        this.selector = Selector.open();
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::run, "trailindex-http-connections");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    int openConnections() {
        return openCount;
    }

    /** Stops accepting, closes every connection and waits briefly for the thread to end. */
    void stop() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }

    private void run() {
        long lastSweep = System.nanoTime();
        try {
            while (running) {
                selector.select(TICK_MILLIS);
                long now = System.nanoTime();
                for (Runnable r; (r = completions.poll()) != null; ) {
                    r.run();
                }
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey k = it.next();
                    it.remove();
                    handle(k, now);
                }
                if (now - lastSweep >= TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS)) {
                    List.copyOf(open).forEach(c -> c.expire(now));
                    lastSweep = now;
                }
            }
        } catch (IOException e) {
            System.err.println("trailindex http: the connection loop failed: " + e.getMessage());
        } finally {
            List.copyOf(open).forEach(Connection::close);
            closeQuietly();
        }
    }

    private void handle(SelectionKey k, long now) {
        if (!k.isValid()) {
            return;
        }
        if (k.isAcceptable()) {
            accept(now);
            return;
        }
        Connection c = (Connection) k.attachment();
        guarded(c, () -> {
            if (k.isReadable()) {
                c.readable(now);
            }
            if (k.isValid() && k.isWritable()) {
                c.writable(now);
            }
        });
    }

    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    /** Runs one step of one connection; whatever goes wrong ends that connection, never the loop. */
    private static void guarded(Connection c, Step step) {
        try {
            step.run();
        } catch (IOException e) {
            // The client went away (reset, broken pipe).
            c.close();
        } catch (RuntimeException e) {
            System.err.println("trailindex http: closing a connection after " + e.getClass().getSimpleName() + ": " + e.getMessage());
            c.close();
        }
    }

    private void accept(long now) {
        try {
            for (SocketChannel ch; (ch = server.accept()) != null; ) {
                if (open.size() >= options.maxConnections()) {
                    overflow(ch);
                } else {
                    add(ch, now);
                }
            }
        } catch (IOException e) {
            // E.g. out of file descriptors: the pending client stays in the backlog; try again next time.
            System.err.println("trailindex http: accept failed: " + e.getMessage());
        }
    }

    private void add(SocketChannel ch, long now) throws IOException {
        try {
            open.add(new Connection(ch, selector, this, options, now));
            openCount = open.size();
        } catch (IOException e) {
            ch.close();
        }
    }

    /** Beyond the bound: one attempt at a 503, then the socket is closed. */
    private void overflow(SocketChannel ch) throws IOException {
        try (ch) {
            ch.configureBlocking(false);
            if (log != null) {
                log.line((java.net.InetSocketAddress) ch.getRemoteAddress(), "-", "-", 503, 0);
            }
            ch.write(Response.error(503, "busy: too many connections; retry shortly", true));
        } catch (IOException e) {
            // The refused client is gone already.
        }
    }

    @Override
    public void dispatch(Connection c, RequestHead head) {
        boolean close = !head.keepAlive();
        try {
            workers.execute(() -> {
                ByteBuffer[] response = runner.run(head, c.remote(), c.local(), close);
                completions.add(() -> respond(c, response, close));
                selector.wakeup();
            });
        } catch (RejectedExecutionException e) {
            respond(c, Response.error(503, "busy: too many requests at once; retry shortly", true), true);
        }
    }

    private static void respond(Connection c, ByteBuffer[] response, boolean close) {
        guarded(c, () -> c.respond(response, close, System.nanoTime()));
    }

    @Override
    public void refused(Connection c, int status) {
        if (log != null) {
            log.line(c.remote(), "-", "-", status, 0);
        }
    }

    @Override
    public void closed(Connection c) {
        open.remove(c);
        openCount = open.size();
    }

    private void closeQuietly() {
        try {
            selector.close();
            server.close();
        } catch (IOException e) {
            System.err.println("trailindex http: closing the listening socket: " + e.getMessage());
        }
    }
}
