package dev.trailindex.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One client socket, driven by the {@link ConnectionLoop}'s thread only: it reads a request head without blocking
 * and within a deadline, hands the parsed head to its owner, writes the response within a deadline, and then
 * waits for the next request (keep-alive) or closes. A slow client holds this object and its socket, never a
 * worker thread.
 */
final class Connection {
    /** What the connection is waiting for. */
    enum State { HEAD, HANDLING, WRITING, LINGER, CLOSED }

    /** The loop that owns the connection. */
    interface Owner {
        /** A complete request to answer; the owner calls {@link #respond} later, on the loop's thread. */
        void dispatch(Connection c, RequestHead head);

        /** A request refused before it reached a handler, for the access log. */
        void refused(Connection c, int status);

        void closed(Connection c);
    }

    /** After a response that ends the connection, what the client still sends is discarded for this long at most. */
    private static final long LINGER_NANOS = 2_000_000_000L;
    private static final int LINGER_BYTES = 64 * 1024;

    private final SocketChannel channel;
    private final SelectionKey key;
    private final Owner owner;
    private final long headNanos;
    private final long responseNanos;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final byte[] in;
    private int filled;
    private ByteBuffer[] out;
    private boolean closeAfterWrite;
    private int discarded;
    private State state;
    private long deadline;

    Connection(SocketChannel channel, Selector selector, Owner owner, ServerOptions options, long now) throws IOException {
        this.channel = channel;
        this.owner = owner;
        this.headNanos = options.headTimeout().toNanos();
        this.responseNanos = options.responseTimeout().toNanos();
        this.in = new byte[options.maxHeadBytes()];
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.key = channel.register(selector, SelectionKey.OP_READ, this);
        awaitHead(now);
    }

    InetSocketAddress remote() {
        return remote;
    }

    InetSocketAddress local() {
        return local;
    }

    void readable(long now) throws IOException {
        if (state == State.LINGER) {
            int n = channel.read(ByteBuffer.allocate(8192));
            discarded += Math.max(n, 0);
            if (n < 0 || discarded > LINGER_BYTES) {
                close();
            }
        } else if (state == State.HEAD) {
            int n = channel.read(ByteBuffer.wrap(in, filled, in.length - filled));
            if (n < 0) {
                close();
                return;
            }
            filled += n;
            nextRequest(now);
        }
    }

    void writable(long now) throws IOException {
        if (state != State.WRITING) {
            return;
        }
        channel.write(out);
        for (ByteBuffer b : out) {
            if (b.hasRemaining()) {
                return;
            }
        }
        out = null;
        if (closeAfterWrite) {
            // Half-close and drain for a moment: closing with unread input would reset the connection, and the
            // client could lose the response it has not read yet.
            channel.shutdownOutput();
            state = State.LINGER;
            deadline = now + LINGER_NANOS;
            key.interestOps(SelectionKey.OP_READ);
        } else {
            awaitHead(now);
            nextRequest(now);
        }
    }

    /** Sends {@code response}; {@code close} ends the connection after it. Ignored once the connection is closed. */
    void respond(ByteBuffer[] response, boolean close, long now) throws IOException {
        if (state == State.CLOSED) {
            return;
        }
        out = response;
        closeAfterWrite = close;
        state = State.WRITING;
        deadline = now + responseNanos;
        key.interestOps(SelectionKey.OP_WRITE);
        writable(now);
    }

    /** Acts on a passed deadline: a late head gets a 408 if it had begun, anything else is just closed. */
    void expire(long now) {
        if (state == State.CLOSED || state == State.HANDLING || now - deadline < 0) {
            return;
        }
        if (state == State.HEAD && filled > 0) {
            owner.refused(this, 408);
            try {
                // One attempt, no new deadline: a client this slow gets no more time for the answer.
                channel.write(Response.error(408, "the request head took too long to arrive", true));
            } catch (IOException e) {
                // The client is gone already; closing is all that is left to do.
            }
        }
        close();
    }

    void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a socket the client has already reset; nothing is lost.
        }
        owner.closed(this);
    }

    private void awaitHead(long now) {
        state = State.HEAD;
        deadline = now + headNanos;
        key.interestOps(SelectionKey.OP_READ);
    }

    /** Parses the next request if its head is complete (it may already be buffered: pipelining). */
    private void nextRequest(long now) throws IOException {
        skipBlankLines();
        int end = RequestHead.end(in, filled);
        if (end < 0) {
            if (filled == in.length) {
                refuse(now, hasLineEnd() ? new HttpError(431, "request head larger than " + in.length + " bytes")
                        : new HttpError(414, "request line longer than " + in.length + " bytes"));
            }
            return;
        }
        RequestHead head;
        try {
            head = RequestHead.parse(in, end);
        } catch (HttpError e) {
            refuse(now, e);
            return;
        }
        System.arraycopy(in, end, in, 0, filled - end);
        filled -= end;
        state = State.HANDLING;
        key.interestOps(0);
        owner.dispatch(this, head);
    }

    private void refuse(long now, HttpError e) throws IOException {
        owner.refused(this, e.status);
        respond(Response.error(e.status, e.getMessage(), true), true, now);
    }

    /** Empty lines before a request line are allowed (RFC 9112 2.2), e.g. a CRLF a client sent after a body. */
    private void skipBlankLines() {
        int skip = 0;
        while (skip < filled && (in[skip] == '\r' || in[skip] == '\n')) {
            skip++;
        }
        if (skip > 0) {
            System.arraycopy(in, skip, in, 0, filled - skip);
            filled -= skip;
        }
    }

    private boolean hasLineEnd() {
        for (int i = 0; i < filled; i++) {
            if (in[i] == '\n') {
                return true;
            }
        }
        return false;
    }
}
