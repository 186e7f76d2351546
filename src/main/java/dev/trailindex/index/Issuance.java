package dev.trailindex.index;

import dev.trailindex.schema.Derivation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Where credentials come from, as index terms: the key an issuing call created, who that key acts as, and the
 * normalised session a call was made in. Each value is read from the schema's "from" paths by position (see
 * {@link Derivation#ISSUED_KEY}, {@link Derivation#ISSUED_TO}, {@link Derivation#SESSION}), so that tracing a key
 * one hop is a term query.
 */
final class Issuance {
    /** The identity type of role sessions and the session issuer type of roles, as CloudTrail writes them. */
    private static final String ROLE = "Role";
    private static final String ASSUMED_ROLE = "AssumedRole";
    private static final String FEDERATED_USER = "FederatedUser";
    private static final String GET_SESSION_TOKEN = "GetSessionToken";
    private static final String CREATE_ACCESS_KEY = "CreateAccessKey";

    private Issuance() {
    }

    /** Whether the call issued a key: a successful call of one of the issuing names. */
    private static boolean issued(IntFunction<String> at) {
        String error = at.apply(0);
        String name = at.apply(1);
        // Set.of(...).contains(null) throws: an event without a name issues nothing.
        return (error == null || error.isEmpty()) && name != null && Derivation.ISSUING_CALLS.contains(name);
    }

    /** The key the call issued, or null. */
    static String issuedKey(IntFunction<String> at, int paths) {
        if (!issued(at)) {
            return null;
        }
        for (int i = 2; i < paths; i++) {
            String key = at.apply(i);
            if (key != null && !key.isBlank()) {
                return key;
            }
        }
        return null;
    }

    /** Who the issued key acts as (ARNs and ids), empty when the call issued nothing. */
    static List<String> issuedTo(IntFunction<String> at) {
        List<String> out = new ArrayList<>(2);
        if (!issued(at)) {
            return out;
        }
        String name = at.apply(1);
        if (CREATE_ACCESS_KEY.equals(name)) {
            String user = at.apply(8);
            String account = at.apply(9);
            String caller = at.apply(6);
            if (user != null && account != null) {
                out.add("arn:" + partition(caller) + ":iam::" + account + ":user/" + user);
            }
        } else if (GET_SESSION_TOKEN.equals(name)) {
            addIf(out, at.apply(6));
            addIf(out, at.apply(7));
        } else {
            for (int i = 2; i <= 5; i++) {
                addIf(out, at.apply(i));
            }
        }
        return out;
    }

    /**
     * The caller's session: for a role session, arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION from the role
     * that issued it (its ARN may carry a path, which the session ARN leaves out) and the session name (after the
     * ':' of the principalId, else the last part of the caller's ARN); for a federated user, its ARN; else null.
     */
    static String session(IntFunction<String> at) {
        String issuerType = at.apply(0);
        String roleArn = at.apply(1);
        String principalId = at.apply(2);
        String arn = at.apply(3);
        String type = at.apply(4);
        if (ROLE.equals(issuerType) && roleArn != null) {
            String[] parts = roleArn.split(":", 6);
            String name = sessionName(principalId, arn);
            if (parts.length == 6 && parts[5].startsWith("role/") && name != null) {
                String role = parts[5].substring(parts[5].lastIndexOf('/') + 1);
                return "arn:" + parts[1] + ":sts::" + parts[4] + ":assumed-role/" + role + "/" + name;
            }
        }
        if ((ASSUMED_ROLE.equals(type) || FEDERATED_USER.equals(type)) && arn != null && !arn.isBlank()) {
            return arn;
        }
        return null;
    }

    private static String sessionName(String principalId, String arn) {
        if (principalId != null) {
            int colon = principalId.indexOf(':');
            if (colon >= 0 && colon < principalId.length() - 1) {
                return principalId.substring(colon + 1);
            }
        }
        if (arn != null && arn.contains(":assumed-role/")) {
            return arn.substring(arn.lastIndexOf('/') + 1);
        }
        return null;
    }

    private static String partition(String arn) {
        if (arn != null && arn.startsWith("arn:")) {
            String[] parts = arn.split(":", 3);
            if (parts.length == 3 && !parts[1].isEmpty()) {
                return parts[1];
            }
        }
        return "aws";
    }

    private static void addIf(List<String> out, String v) {
        if (v != null && !v.isBlank() && !out.contains(v)) {
            out.add(v);
        }
    }
}
