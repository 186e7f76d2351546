package dev.trailindex.index;

import java.util.Locale;

/**
 * Answers CloudTrail's own question about each request: made with root or IAM user credentials, with temporary
 * credentials for a role or federated user, or by another AWS service?
 */
public final class Credentials {
    private Credentials() {
    }

    /** The credential kind for a {@code userIdentity.type} value (null when the event has none). */
    public static String kind(String identityType) {
        if (identityType == null || identityType.isBlank()) {
            return "none";
        }
        return switch (identityType) {
            case "Root" -> "root";
            case "IAMUser" -> "iam-user";
            case "AssumedRole" -> "assumed-role";
            case "FederatedUser", "SAMLUser", "WebIdentityUser" -> "federated";
            case "AWSService" -> "aws-service";
            case "AWSAccount" -> "aws-account";
            case "IdentityCenterUser" -> "identity-center";
            default -> "unknown";
        };
    }

    /** long-term for AKIA keys, temporary for ASIA keys, other, or none. */
    public static String keyKind(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            return "none";
        }
        String k = accessKeyId.toUpperCase(Locale.ROOT);
        if (k.startsWith("AKIA")) {
            return "long-term";
        }
        if (k.startsWith("ASIA")) {
            return "temporary";
        }
        return "other";
    }
}
