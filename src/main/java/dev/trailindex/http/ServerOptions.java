package dev.trailindex.http;

import java.time.Duration;
import java.util.List;

/**
 * How {@link TrailIndexServer} treats connections, so that a slow or hostile client costs at most a socket.
 *
 * @param allowedHosts    Host names served besides the bound address (see {@link HostCheck}); the port part is ignored
 * @param headTimeout     how long a client has to send a complete request head, counted from the connection's start
 *                        or the end of the previous response; an idle keep-alive connection is closed after it too
 * @param responseTimeout how long a client has to take a whole response; a client that stops reading is dropped
 * @param maxConnections  open connections at once; one more gets a 503 and is closed
 * @param maxHeadBytes    longest request head (request line and headers); longer gets a 414 or 431
 */
public record ServerOptions(List<String> allowedHosts, Duration headTimeout, Duration responseTimeout, int maxConnections,
        int maxHeadBytes) {

    public ServerOptions {
        allowedHosts = List.copyOf(allowedHosts);
        if (headTimeout.isNegative() || headTimeout.isZero() || responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxConnections < 1 || maxHeadBytes < 1024) {
            throw new IllegalArgumentException("maxConnections must be at least 1 and maxHeadBytes at least 1024");
        }
    }

    public static ServerOptions defaults() {
        return new ServerOptions(List.of(), Duration.ofSeconds(10), Duration.ofSeconds(30), 256, 16 * 1024);
    }

    public ServerOptions withAllowedHosts(List<String> hosts) {
        return new ServerOptions(hosts, headTimeout, responseTimeout, maxConnections, maxHeadBytes);
    }

    public ServerOptions withTimeouts(Duration head, Duration response) {
        return new ServerOptions(allowedHosts, head, response, maxConnections, maxHeadBytes);
    }

    public ServerOptions withMaxConnections(int n) {
        return new ServerOptions(allowedHosts, headTimeout, responseTimeout, n, maxHeadBytes);
    }
}
