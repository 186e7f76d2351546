package dev.trailindex.http;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A complete, parsed request head: request line and headers. Parsing is strict (RFC 9112 without its obsolete
 * forms): a request the server would have to guess about is refused with an {@link HttpError}.
 *
 * @param keepAlive whether the connection may carry another request after this one
 * @param hasBody   whether the client announced a body (Content-Length above 0 or any Transfer-Encoding)
 */
record RequestHead(String method, URI uri, String protocol, Headers headers, boolean keepAlive, boolean hasBody) {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");
    private static final int MAX_METHOD = 32;

    /** Where the head in {@code b[0..limit)} ends (after its blank line), or -1 while it is incomplete. */
    static int end(byte[] b, int limit) {
        for (int i = 0; i < limit; i++) {
            if (b[i] == '\n') {
                if (i + 1 < limit && b[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < limit && b[i + 1] == '\r' && b[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
    }

    /** Parses a complete head as {@link #end} found it. */
    static RequestHead parse(byte[] b, int length) {
        String[] lines = new String(b, 0, length, StandardCharsets.ISO_8859_1).split("\n");
        String[] parts = line(lines[0]).split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new HttpError(400, "malformed request line");
        }
        if (parts[0].length() > MAX_METHOD || !TOKEN.matcher(parts[0]).matches()) {
            throw new HttpError(400, "malformed request method");
        }
        String protocol = protocol(parts[2]);
        Headers headers = new Headers();
        for (int i = 1; i < lines.length; i++) {
            header(headers, line(lines[i]));
        }
        boolean hasBody = hasBody(headers);
        boolean close = List.of(String.join(",", headers.getOrDefault("Connection", List.of())).toLowerCase(Locale.ROOT)
                .split(",")).stream().anyMatch(t -> t.strip().equals("close"));
        return new RequestHead(parts[0], target(parts[1]), protocol, Headers.of(headers),
                protocol.equals("HTTP/1.1") && !close && !hasBody, hasBody);
    }

    /** A line without its CR; a CR anywhere else is refused (it splits lines differently for other parsers). */
    private static String line(String raw) {
        String s = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (s.indexOf('\r') >= 0) {
            throw new HttpError(400, "stray carriage return in the request head");
        }
        return s;
    }

    private static String protocol(String version) {
        if (version.equals("HTTP/1.1") || version.equals("HTTP/1.0")) {
            return version;
        }
        throw VERSION.matcher(version).matches() ? new HttpError(505, "only HTTP/1.1 and HTTP/1.0 are supported")
                : new HttpError(400, "malformed request line");
    }

    /** An origin-form target (a path and a query), printable ASCII only. */
    private static URI target(String t) {
        if (t.charAt(0) != '/' || t.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new HttpError(400, "malformed request URI: give a path such as /api/search?q=...");
        }
        try {
            return new URI(t);
        } catch (URISyntaxException e) {
            throw new HttpError(400, "malformed request URI: escape special characters as %XX");
        }
    }

    private static void header(Headers headers, String line) {
        if (line.isEmpty()) {
            return;
        }
        int colon = line.indexOf(':');
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t' || colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
            throw new HttpError(400, "malformed header line");
        }
        String value = line.substring(colon + 1).strip();
        if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
            throw new HttpError(400, "control character in a header value");
        }
        headers.add(line.substring(0, colon), value);
    }

    private static boolean hasBody(Headers headers) {
        List<String> lengths = headers.get("Content-Length");
        boolean chunked = headers.containsKey("Transfer-Encoding");
        if (lengths == null) {
            return chunked;
        }
        String first = lengths.get(0);
        if (chunked || first.isEmpty() || first.length() > 18 || !first.chars().allMatch(c -> c >= '0' && c <= '9')
                || lengths.stream().anyMatch(l -> !l.equals(first))) {
            throw new HttpError(400, "malformed or ambiguous Content-Length");
        }
        return Long.parseLong(first) > 0;
    }
}
