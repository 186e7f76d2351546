package dev.trailindex.http;

import com.sun.net.httpserver.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Responses as they go on the wire: the status line and headers in one buffer, the body in a second. */
final class Response {
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(400, "Bad Request"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(408, "Request Timeout"), Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"), Map.entry(505, "HTTP Version Not Supported"));
    /** Framing is the connection layer's business, whatever a handler set. */
    private static final Set<String> FRAMING = Set.of("Content-length", "Transfer-encoding", "Connection");

    private Response() {
    }

    /**
     * A response with {@code body}; for HEAD the body is left out and a handler's Content-Length is kept, since it
     * describes the body a GET would get.
     */
    static ByteBuffer[] of(int status, Headers headers, ByteBuffer body, boolean head, boolean close) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("HTTP/1.1 ").append(status).append(' ').append(REASONS.getOrDefault(status, "Status")).append("\r\n");
        sb.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (!FRAMING.contains(h.getKey()) || (head && h.getKey().equals("Content-length"))) {
                h.getValue().forEach(v -> sb.append(h.getKey()).append(": ").append(v).append("\r\n"));
            }
        }
        if (!head) {
            sb.append("Content-Length: ").append(body.remaining()).append("\r\n");
        }
        if (close) {
            sb.append("Connection: close\r\n");
        }
        ByteBuffer top = ByteBuffer.wrap(sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        return new ByteBuffer[] {top, head ? ByteBuffer.allocate(0) : body};
    }

    /** A one-line JSON error, as {@link TrailIndexHandler} writes them. */
    static ByteBuffer[] error(int status, String message, boolean close) {
        Headers h = new Headers();
        h.set("Content-Type", "application/json; charset=utf-8");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Cache-Control", "no-store");
        if (status == 405) {
            h.set("Allow", "GET, HEAD");
        }
        return of(status, h, ByteBuffer.wrap(TrailIndexHandler.error(message)), false, close);
    }
}
