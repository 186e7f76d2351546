package dev.trailindex.trace;

import java.util.List;
import java.util.Map;

/**
 * The trace of one access key: where it came from, what it issued, and what each key in both did.
 *
 * @param credential  the key traced
 * @param chain       upward, top first: where the chain starts down to this key
 * @param descendants downward: every key this one issued, recursively, in order of issue
 * @param credentials what each key of the chain and the tree did
 * @param mentionedIn events that only mention this key (not made with it, not issuing it), oldest first
 */
public record Trace(String credential, List<Link> chain, List<Descendant> descendants, Map<String, Activity> credentials,
        List<String> mentionedIn) {

    /**
     * One link of the chain.
     *
     * @param credential the key
     * @param origin     how it starts
     * @param issuedBy   the call that issued it, or null when none is logged
     */
    public record Link(String credential, Origin origin, Issue issuedBy) {
    }

    /**
     * An issuing call.
     *
     * @param eventName  the call (AssumeRole, CreateAccessKey...)
     * @param eventIDs   its copies (a cross-account call is logged in both accounts), oldest first
     * @param credential the key it was made with, or null (a service, SAML, web identity, or not logged)
     * @param principal  who made it (ARN, else the invoking service), or null
     * @param time       when, epoch millis, or null
     */
    public record Issue(String eventName, List<String> eventIDs, String credential, String principal, Long time) {
    }

    /**
     * A key issued below the traced one.
     *
     * @param credential the issued key
     * @param parent     the key that issued it
     * @param depth      1 for a key the traced key issued, 2 for one that key issued...
     * @param eventName  the issuing call
     * @param eventIDs   its copies
     * @param time       when it was issued
     */
    public record Descendant(String credential, String parent, int depth, String eventName, List<String> eventIDs, Long time) {
    }

    /**
     * What one key did: events made with it, duplicates counted once, and the events that only mention it.
     *
     * @param principal   who the key acts as (the ARN of its events, else what it was issued to), or null
     * @param account     the account of that principal, or null
     * @param events      events made with the key
     * @param first       first event time, epoch millis, or null
     * @param last        last event time, or null
     * @param sourceIPs   distinct source addresses, in order of first use
     * @param regions     distinct regions
     * @param services    distinct services called
     * @param errors      events with an error code
     * @param mentionedIn events that only mention the key
     */
    public record Activity(String principal, String account, long events, Long first, Long last, List<String> sourceIPs,
            List<String> regions, List<String> services, long errors, List<String> mentionedIn) {
    }
}
