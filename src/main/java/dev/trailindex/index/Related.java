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
    private static final Pattern ARN = Pattern.compile(
            "arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9a-z-]*:[^\\s\"'<>,;()\\[\\]{}]+");
    private static final Pattern ACCESS_KEY = Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern CIDR = Pattern.compile("(.+)/[0-9]{1,3}");
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
        if (s.contains("arn:aws")) {
            Matcher m = ARN.matcher(s);
            while (m.find()) {
                String arn = stripDots(m.group());
                add(v.arns(), arn);
                String[] parts = arn.split(":", 6);
                if (parts.length > 4 && ACCOUNT.matcher(parts[4]).matches()) {
                    add(v.accounts(), parts[4]);
                }
            }
        }
        if (s.contains("AKIA") || s.contains("ASIA")) {
            Matcher m = ACCESS_KEY.matcher(s);
            while (m.find()) {
                add(v.accessKeys(), m.group());
            }
        }
        String t = s.strip();
        if (t.length() == 12 && ACCOUNT.matcher(t).matches()) {
            add(v.accounts(), t);
        }
        if (t.length() <= 64 && !t.isEmpty() && (Character.digit(t.charAt(0), 16) >= 0 || t.charAt(0) == ':')) {
            if (IpLiterals.parse(t) != null) {
                add(v.ips(), t);
            } else {
                Matcher cidr = CIDR.matcher(t);
                if (cidr.matches() && IpLiterals.parse(cidr.group(1)) != null) {
                    add(v.ips(), cidr.group(1));
                }
            }
        }
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
