package dev.trailindex.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Serves only requests whose {@code Host} names this server, against DNS rebinding: a web page on a name its owner
 * points at 127.0.0.1 is same-origin with a loopback server, but its requests carry that name in {@code Host}.
 * Allowed are the bound address (for a loopback bind also {@code 127.0.0.1}, {@code [::1]} and {@code localhost};
 * for a wildcard bind every address of the machine's interfaces) and the names given. The port part of the value
 * is ignored. Others, a repeated Host and a missing one on HTTP/1.1 get a 403. Add it to any {@code HttpContext}
 * that serves a {@link TrailIndexHandler}.
 */
public final class HostCheck extends Filter {
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f.]*:[0-9a-f:.]*");
    private static final Pattern PORT = Pattern.compile("(:[0-9]{0,5})?");

    private final Set<String> names = new HashSet<>();
    private final Set<InetAddress> addresses = new HashSet<>();

    private HostCheck() {
    }

    /** The check for a server bound to {@code bound}, also allowing {@code extraHosts} (names or IP literals). */
    public static HostCheck forBind(InetAddress bound, Collection<String> extraHosts) {
        HostCheck c = new HostCheck();
        if (bound.isAnyLocalAddress()) {
            c.addInterfaceAddresses();
        } else {
            c.addresses.add(withoutScope(bound));
        }
        if (bound.isLoopbackAddress() || bound.isAnyLocalAddress()) {
            c.addresses.add(withoutScope(InetAddress.getLoopbackAddress()));
            c.addresses.add(ipv4("127.0.0.1"));
            c.addresses.add(literal("::1"));
            c.names.add("localhost");
        }
        for (String extra : extraHosts) {
            String v = extra.strip().toLowerCase(Locale.ROOT);
            // A bare IPv6 literal (::1) as well as the bracketed form Host uses ([::1]).
            String host = hostPart(!v.startsWith("[") && v.indexOf(':') != v.lastIndexOf(':') ? "[" + v + "]" : v);
            InetAddress ip = host == null ? null : ipLiteral(host);
            if (ip != null) {
                c.addresses.add(ip);
            } else if (host != null && !host.isEmpty()) {
                c.names.add(host);
            } else {
                throw new IllegalArgumentException("not a host name: " + extra);
            }
        }
        return c;
    }

    /** Whether a {@code Host} header value names this server. */
    public boolean allows(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostPart(hostHeader.strip().toLowerCase(Locale.ROOT));
        if (host == null || host.isEmpty()) {
            return false;
        }
        InetAddress ip = ipLiteral(host);
        return ip != null ? addresses.contains(ip) : !host.startsWith("[") && !IPV4.matcher(host).matches() && names.contains(host);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        List<String> hosts = exchange.getRequestHeaders().get("Host");
        boolean ok = hosts == null || hosts.isEmpty() ? "HTTP/1.0".equals(exchange.getProtocol())
                : hosts.size() == 1 && allows(hosts.get(0));
        if (ok) {
            chain.doFilter(exchange);
            return;
        }
        try (exchange) {
            TrailIndexHandler.send(exchange, 403, "application/json",
                    TrailIndexHandler.error("the Host header does not name this server (see serve --allow-host)"), Map.of());
        }
    }

    @Override
    public String description() {
        return "trailindex Host check";
    }

    /** The host of {@code host[:port]} or {@code [v6][:port]}, or null when the value is malformed. */
    private static String hostPart(String value) {
        int end = value.startsWith("[") ? value.indexOf(']') + 1 : value.indexOf(':') < 0 ? value.length() : value.indexOf(':');
        if (end <= 0 || !PORT.matcher(value.substring(end)).matches()) {
            return null;
        }
        return value.substring(0, end);
    }

    /** The address of an IPv4 literal in dotted form or a bracketed IPv6 literal; null for names and bad literals. */
    private static InetAddress ipLiteral(String host) {
        if (host.startsWith("[") && host.endsWith("]") && IPV6.matcher(host.substring(1, host.length() - 1)).matches()) {
            return literal(host.substring(1, host.length() - 1));
        }
        return IPV4.matcher(host).matches() ? ipv4(host) : null;
    }

    /** A dotted quad in its canonical spelling only (127.000.0.1 and the like are refused, not guessed at). */
    private static InetAddress ipv4(String host) {
        byte[] b = new byte[4];
        String[] parts = host.split("\\.");
        for (int i = 0; i < 4; i++) {
            int n = Integer.parseInt(parts[i]);
            if (n > 255 || !String.valueOf(n).equals(parts[i])) {
                return null;
            }
            b[i] = (byte) n;
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses an IPv6 literal (it holds a colon, so the JDK never looks it up as a name); null if malformed. */
    private static InetAddress literal(String text) {
        try {
            return withoutScope(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress withoutScope(InetAddress a) {
        try {
            return InetAddress.getByAddress(a.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + a.getAddress().length + " bytes", e);
        }
    }

    private void addInterfaceAddresses() {
        try {
            NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .forEach(a -> addresses.add(withoutScope(a)));
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot list the network interfaces", e);
        }
    }
}
