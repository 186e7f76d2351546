package dev.trailindex.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Slowloris clients: each trickles a request head (one header line per step) or a body (one byte per step) and
 * never finishes, reconnecting whenever the server closes it, until stopped. What each connection saw is kept.
 */
final class SlowClients implements AutoCloseable {
    /** One slow connection: how long the server let it live and the bytes the server sent it. */
    record Connection(long millis, String received) {
    }

    static final int STEP_MILLIS = 300;
    /** A connection still open after this is recorded with millis -1: the server never closed it. */
    private static final long GIVE_UP_MILLIS = 60_000;

    private final ExecutorService pool;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Future<List<Connection>>> clients = new ArrayList<>();

    SlowClients(URI server, int heads, int bodies) {
        pool = Executors.newFixedThreadPool(heads + bodies);
        for (int i = 0; i < heads + bodies; i++) {
            boolean body = i >= heads;
            clients.add(pool.submit(() -> {
                List<Connection> seen = new ArrayList<>();
                while (!stop.get()) {
                    seen.add(body ? trickle(server, "Content-Length: 100000\r\n\r\n", "x", true)
                            : trickle(server, "", "X-Slow-%d: 1\r\n", false));
                }
                return seen;
            }));
        }
    }

    /** Stops reconnecting and returns every connection seen, once each has ended. */
    List<Connection> stopAndCollect() throws Exception {
        stop.set(true);
        List<Connection> all = new ArrayList<>();
        for (Future<List<Connection>> f : clients) {
            all.addAll(f.get(2 * GIVE_UP_MILLIS, TimeUnit.MILLISECONDS));
        }
        return all;
    }

    /**
     * Sends the start of a GET and then {@code step} (with its number) every STEP_MILLIS until the server closes.
     * A body client goes on sending after the server's answer and end of stream, until the socket is really gone.
     */
    private static Connection trickle(URI server, String headEnd, String step, boolean body) throws InterruptedException {
        long t0 = System.nanoTime();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket s = new Socket(server.getHost(), server.getPort())) {
            s.setSoTimeout(STEP_MILLIS);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("GET /api/search HTTP/1.1\r\nHost: " + server.getHost() + "\r\n" + headEnd).getBytes(StandardCharsets.US_ASCII));
            boolean ended = false;
            for (int i = 0; millis(t0) < GIVE_UP_MILLIS; i++) {
                if (ended) {
                    Thread.sleep(STEP_MILLIS);
                } else {
                    try {
                        int c = in.read();
                        if (c >= 0) {
                            received.write(c);
                            continue;
                        }
                        if (!body) {
                            return new Connection(millis(t0), received.toString(StandardCharsets.UTF_8));
                        }
                        ended = true;
                    } catch (SocketTimeoutException e) {
                        // Nothing from the server this step: send the next trickle.
                    }
                }
                out.write(String.format(step, i).getBytes(StandardCharsets.US_ASCII));
            }
            return new Connection(-1, received.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Reset or broken pipe: the server has closed this connection.
            return new Connection(millis(t0), received.toString(StandardCharsets.UTF_8));
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public void close() {
        stop.set(true);
        pool.shutdownNow();
    }
}
