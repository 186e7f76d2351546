package dev.trailindex.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * One request as the JDK's handler API sees it, for {@link TrailIndexServer}'s own connection layer. The head is
 * already read, there is never a body to read (requests with one are answered and the connection closed), and
 * the response is collected in memory; the connection layer writes it out without holding a worker thread.
 */
final class BufferedExchange extends HttpExchange {
    private final RequestHead request;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final Headers responseHeaders = new Headers();
    private final Body body = new Body();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream in = InputStream.nullInputStream();
    private OutputStream out = body;
    private int status = -1;
    private long length;

    BufferedExchange(RequestHead request, InetSocketAddress remote, InetSocketAddress local) {
        this.request = request;
        this.remote = remote;
        this.local = local;
    }

    /** Whether a handler has sent a status. */
    boolean responded() {
        return status >= 0;
    }

    /** The buffer the handler writes the body into, read in place rather than copied. */
    private static final class Body extends ByteArrayOutputStream {
        synchronized ByteBuffer contents() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }

    /** The response on the wire; {@code close} adds Connection: close. */
    ByteBuffer[] response(boolean close) {
        boolean head = request.method().equals("HEAD");
        if (head && length > 0 && !responseHeaders.containsKey("Content-Length")) {
            responseHeaders.set("Content-Length", Long.toString(length));
        }
        return Response.of(status, responseHeaders, length == -1 ? ByteBuffer.allocate(0) : body.contents(), head, close);
    }

    @Override
    public Headers getRequestHeaders() {
        return request.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return request.uri();
    }

    @Override
    public String getRequestMethod() {
        return request.method();
    }

    /** There is no HttpServer behind this exchange, so no context either. */
    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("served by trailindex's connection layer, which has no HttpContext");
    }

    @Override
    public void close() {
        // The response is complete once the handler returns; there is nothing to release here.
    }

    @Override
    public InputStream getRequestBody() {
        return in;
    }

    @Override
    public OutputStream getResponseBody() {
        return out;
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
        if (status >= 0) {
            throw new IOException("response headers already sent");
        }
        if (rCode < 100 || rCode > 999) {
            throw new IllegalArgumentException("status must have 3 digits: " + rCode);
        }
        status = rCode;
        length = responseLength;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return request.protocol();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        if (i != null) {
            in = i;
        }
        if (o != null) {
            out = o;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }
}
