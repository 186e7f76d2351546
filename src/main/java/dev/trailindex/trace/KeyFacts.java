package dev.trailindex.trace;

import dev.trailindex.query.Row;
import dev.trailindex.schema.TraceFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the events made with one key say about it, gathered row by row (rows arrive oldest first). */
final class KeyFacts {
    /** CloudTrail's identity types and values that say where a session came from. */
    private static final String ROOT = "Root";
    private static final String EC2_SESSION_PREFIX = "i-";
    private static final String TRUE = "true";

    /** A key this one issued, seen in one of its events. */
    record Child(String key, String eventId, String eventName, Long time) {
    }

    /** An event made with this key that names other keys (a mention of each, unless it issued it). */
    record Mention(String eventId, Long time, Set<String> keys) {
    }

    long events;
    Long first;
    Long last;
    long errors;
    String principal;
    String account;
    boolean root;
    boolean console;
    boolean ec2;
    boolean webIdentity;
    final Set<String> ips = new LinkedHashSet<>();
    final Set<String> regions = new LinkedHashSet<>();
    final Set<String> services = new LinkedHashSet<>();
    final List<Child> children = new ArrayList<>();
    final List<Mention> mentions = new ArrayList<>();

    /** The fields a row must carry for {@link #add}. */
    static List<String> fields(TraceFields f) {
        return List.of(f.accessKey().name(), f.issuedKey().name(), f.relatedKey().name(), f.arn().name(),
                f.principalId().name(), f.identityType().name(), f.ec2RoleDelivery().name(), f.fromConsole().name(),
                f.action().name(), f.account().name(), f.ip().name(), f.region().name(), f.service().name(),
                f.error().name(), f.federatedProvider().name());
    }

    void add(Row r, TraceFields f, String ownKey) {
        events++;
        if (r.time() != null) {
            first = first == null || r.time() < first ? r.time() : first;
            last = last == null || r.time() > last ? r.time() : last;
        }
        if (r.first(f.error().name()) != null) {
            errors++;
        }
        if (principal == null) {
            principal = r.first(f.arn().name());
        }
        if (account == null) {
            account = r.first(f.account().name());
        }
        root |= ROOT.equals(r.first(f.identityType().name()));
        console |= TRUE.equalsIgnoreCase(r.first(f.fromConsole().name()));
        String pid = r.first(f.principalId().name());
        ec2 |= r.first(f.ec2RoleDelivery().name()) != null
                || (pid != null && pid.indexOf(':') >= 0 && pid.substring(pid.indexOf(':') + 1).startsWith(EC2_SESSION_PREFIX));
        webIdentity |= r.first(f.federatedProvider().name()) != null;
        ips.addAll(r.get(f.ip().name()));
        regions.addAll(r.get(f.region().name()));
        services.addAll(r.get(f.service().name()));
        String issued = upper(r.first(f.issuedKey().name()));
        if (issued != null && !issued.equals(ownKey)) {
            children.add(new Child(issued, r.key(), r.first(f.action().name()), r.time()));
        }
        Set<String> named = new LinkedHashSet<>();
        for (String k : r.get(f.relatedKey().name())) {
            String u = upper(k);
            if (!u.equals(ownKey) && !u.equals(issued)) {
                named.add(u);
            }
        }
        if (!named.isEmpty()) {
            mentions.add(new Mention(r.key(), r.time(), named));
        }
    }

    static String upper(String key) {
        return key == null ? null : key.toUpperCase(Locale.ROOT);
    }
}
