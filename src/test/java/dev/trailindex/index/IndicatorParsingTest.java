package dev.trailindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written recognisers of ARNs, account IDs and IP literals against the regular expressions they
 * replaced (kept here as the oracle), over random strings built from the pieces that matter.
 */
class IndicatorParsingTest {
    private static final Pattern ARN = Pattern.compile(
            "arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9a-z-]*:[^\\s\"'<>,;()\\[\\]{}]+");
    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final String[] PIECES = {"arn:aws", "arn:aws-cn", "arn:aws-us-gov", ":", "::", "iam", "s3", "ec2", "us-east-1",
        "123456789012", "role/Admin", "user/x", "*", " ", "\t", "\"", ",", "(", "]", "{", ".", "..", "-", "A", "a", "0", "9",
        "\u00e9", "\u001f", "\u2028", "/", "arn:", "aws", "25", "255", "256", "1", "01", "10.0.0.1", "192.168.1.255", "1.2.3"};

    private static String random(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    /** Mostly ARN-shaped: the start, three parts and a resource, each part now and then broken. */
    private static String arnLike(Random r) {
        String[] part = {"iam", "s3", "", "us-east-1", "123456789012", "x_y", "A", "-"};
        StringBuilder sb = new StringBuilder(random(r).substring(0, 1)).append(r.nextInt(4) == 0 ? "arn:aws-us-gov" : "arn:aws");
        for (int i = 0; i < 3; i++) {
            sb.append(r.nextInt(10) == 0 ? "" : ":").append(part[r.nextInt(part.length)]);
        }
        return sb.append(':').append(random(r)).toString();
    }

    private static List<String> arnsByRegex(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = ARN.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<String> arnsByHand(String s) {
        List<String> out = new ArrayList<>();
        for (int i = s.indexOf("arn:aws"); i >= 0; ) {
            int end = Related.arnEnd(s, i);
            if (end < 0) {
                i = s.indexOf("arn:aws", i + 1);
                continue;
            }
            out.add(s.substring(i, end));
            i = s.indexOf("arn:aws", end);
        }
        return out;
    }

    @Test
    void arnsAsTheRegexFoundThem() {
        Random r = new Random(42);
        int found = 0;
        for (int k = 0; k < 200_000; k++) {
            String s = k % 2 == 0 ? random(r) : arnLike(r);
            List<String> want = arnsByRegex(s);
            assertEquals(want, arnsByHand(s), s);
            found += want.size();
        }
        assertEquals(true, found > 20_000, "the random strings hold ARNs: " + found);
    }

    @Test
    void ipv4AndAccountsAsTheRegexFoundThem() {
        Random r = new Random(7);
        int ips = 0;
        for (int k = 0; k < 200_000; k++) {
            String s = k % 2 == 0 ? random(r) : r.nextInt(300) + "." + r.nextInt(300) + "." + (r.nextBoolean() ? "0" : "") + r.nextInt(260) + "." + r.nextInt(300);
            boolean want = V4.matcher(s).matches();
            assertEquals(want, IpLiterals.v4(s) != null, s);
            ips += want ? 1 : 0;
            assertEquals(ACCOUNT.matcher(s).matches(), Related.isAccount(s), s);
        }
        assertEquals(true, ips > 1000, "the random strings hold addresses: " + ips);
        assertEquals("10.0.0.1", IpLiterals.parse(" 10.0.0.1 ").getHostAddress());
        assertEquals("2001:db8:0:0:0:0:0:7", IpLiterals.parse("2001:db8::7").getHostAddress());
        assertEquals(null, IpLiterals.parse("ec2.amazonaws.com"));
        assertEquals(null, IpLiterals.parse("dead:beef:zz"));
        assertEquals(true, Related.isAccount("123456789012"));
    }
}
