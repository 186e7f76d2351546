package dev.trailindex.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.ingest.RawEvent;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Indicators found anywhere in an event, nested request and response included: every ARN, access key id, account
 * id and IP address. They fill the related.* fields, so related.arn:X finds every event that touched X whichever
 * field it sits in.
 */
final class Related {
    private static final Pattern ACCESS_KEY = Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])");
    private static final String ARN_START = "arn:aws";
    /** Characters that end an ARN's resource part (besides whitespace). */
    private static final String ARN_STOP = "\"'<>,;()[]{}";
    /** Bound on values per kind, whatever the event holds. */
    private static final int MAX_VALUES = 256;

    /** The indicators of one event. */
    record Values(Set<String> arns, Set<String> accessKeys, Set<String> accounts, Set<String> ips) {
    }

    /** The indicators of one event, extracted when first asked for: four fields share one walk. */
    static final class Lazy {
        private final RawEvent event;
        private Values values;

        Lazy(RawEvent event) {
            this.event = event;
        }

        Values get() {
            if (values == null) {
                values = extract(event);
            }
            return values;
        }
    }

    private Related() {
    }

    static Values extract(RawEvent event) {
        Values v = new Values(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
        walk(event.tree(), v);
        return v;
    }

    private static void walk(JsonNode node, Values v) {
        if (node.isTextual()) {
            scan(node.textValue(), v);
        } else if (node.isContainerNode()) {
            for (JsonNode child : node) {
                walk(child, v);
            }
        }
    }

    private static void scan(String s, Values v) {
        for (int i = s.indexOf(ARN_START); i >= 0; ) {
            int end = arnEnd(s, i);
            if (end < 0) {
                i = s.indexOf(ARN_START, i + 1);
                continue;
            }
            String arn = stripDots(s.substring(i, end));
            add(v.arns(), arn);
            String[] parts = arn.split(":", 6);
            if (parts.length > 4 && isAccount(parts[4])) {
                add(v.accounts(), parts[4]);
            }
            i = s.indexOf(ARN_START, end);
        }
        if (s.contains("AKIA") || s.contains("ASIA")) {
            Matcher m = ACCESS_KEY.matcher(s);
            while (m.find()) {
                add(v.accessKeys(), m.group());
            }
        }
        String t = s.strip();
        if (isAccount(t)) {
            add(v.accounts(), t);
        }
        if (t.length() <= 64 && !t.isEmpty() && (Character.digit(t.charAt(0), 16) >= 0 || t.charAt(0) == ':')) {
            if (IpLiterals.parse(t) != null) {
                add(v.ips(), t);
            } else {
                // A CIDR block: an address, '/', one to three digits.
                int slash = t.lastIndexOf('/');
                if (slash > 0 && slash < t.length() - 1 && slash >= t.length() - 4 && digits(t, slash + 1, t.length())
                        && IpLiterals.parse(t.substring(0, slash)) != null) {
                    add(v.ips(), t.substring(0, slash));
                }
            }
        }
    }

    /**
     * Where the ARN starting at {@code i} ends, or -1 if none starts there. The grammar:
     * {@code arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9a-z-]*:} then a resource of one or more characters up to
     * ASCII whitespace, a quote, a bracket or one of {@code <>,;}. Hand-written: the regular expression was the largest
     * cost of building a document.
     */
    static int arnEnd(String s, int i) {
        int j = i + ARN_START.length();
        int n = s.length();
        while (j < n && (isLower(s.charAt(j)) || s.charAt(j) == '-')) {
            j++;                                                          // partition suffix: aws-cn, aws-us-gov
        }
        for (int part = 0; part < 3; part++) {                            // service, region, account
            if (j >= n || s.charAt(j) != ':') {
                return -1;
            }
            int start = ++j;
            while (j < n && (isLower(s.charAt(j)) || isDigit(s.charAt(j)) || s.charAt(j) == '-')) {
                j++;
            }
            if (part == 0 && j == start) {
                return -1;                                                // the service is never empty
            }
        }
        if (j >= n || s.charAt(j) != ':') {
            return -1;
        }
        int start = ++j;
        while (j < n && " \t\n\u000b\f\r".indexOf(s.charAt(j)) < 0 && ARN_STOP.indexOf(s.charAt(j)) < 0) {
            j++;
        }
        return j > start ? j : -1;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return to > from;
    }

    /** Twelve digits: an AWS account ID. */
    static boolean isAccount(String s) {
        return s.length() == 12 && digits(s, 0, 12);
    }

    private static String stripDots(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static void add(Set<String> set, String value) {
        if (set.size() < MAX_VALUES) {
            set.add(value);
        }
    }
}
