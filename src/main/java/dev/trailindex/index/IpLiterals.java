package dev.trailindex.index;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Recognises IP address literals without ever touching DNS: sourceIPAddress is often a service name such as
 * {@code ec2.amazonaws.com}, which must stay a plain keyword.
 */
public final class IpLiterals {
    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiterals() {
    }

    /** The address, or null if {@code text} is not an IPv4 or IPv6 literal. */
    public static InetAddress parse(String text) {
        String t = text.strip();
        boolean v4 = V4.matcher(t).matches();
        boolean v6 = !v4 && t.indexOf(':') >= 0 && V6.matcher(t).matches();
        if (!v4 && !v6) {
            return null;
        }
        try {
            // Safe: a string of only digits and dots, or containing ':', is parsed as a literal, never looked up.
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
