package dev.trailindex.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Values that are not copied from one place of the event but computed by trailindex. The schema names a
 * derivation per derived field; the indexer implements each one once.
 */
public enum Derivation {
    /** root, iam-user, assumed-role, federated, aws-service, ... from the identity type (first "from" path). */
    CREDENTIAL_KIND("credentialKind"),
    /** The first value among the "from" paths that is a non-empty string (e.g. who acted: ARN, else user name...). */
    FIRST_NON_EMPTY("firstNonEmpty"),
    /** long-term (AKIA), temporary (ASIA), other, none, from the access key (first "from" path). */
    ACCESS_KEY_KIND("accessKeyKind"),
    /** Data-quality flags raised while the event was indexed. */
    FLAGS("flags"),
    /** The document key: the value at the first "from" path, else a hash of the event's content. */
    EVENT_KEY("eventKey"),
    /** Path of the file the event came from. */
    SOURCE_FILE("sourceFile"),
    /** 0-based ordinal of the event in its file. */
    SOURCE_RECORD("sourceRecord"),
    /** Byte offset of the event in its (decompressed) file. */
    SOURCE_OFFSET("sourceOffset"),
    /** 1-based line of the event in its (decompressed) file. */
    SOURCE_LINE("sourceLine"),
    /** Size of the original event in bytes. */
    EVENT_SIZE("eventSize"),
    /** The exact original bytes of the event. */
    RAW_EVENT("rawEvent"),
    /**
     * Every ARN anywhere in the event, and the ARNs of the S3 bucket and object the request names by value: the
     * "from" paths are the bucket name, the object key and the region (whose partition the ARNs take).
     */
    RELATED_ARN("relatedArn"),
    /** Every access key id (AKIA/ASIA) anywhere in the event. */
    RELATED_ACCESS_KEY("relatedAccessKey"),
    /** Every account id anywhere in the event (from ARNs and 12-digit values). */
    RELATED_ACCOUNT("relatedAccount"),
    /** Every IP address anywhere in the event (whole values and CIDR blocks). */
    RELATED_IP("relatedIp"),
    /**
     * The access key a successful issuing call created. The "from" paths, by position: the error code (any value:
     * nothing was issued), the event name (one of {@link #ISSUING_CALLS}), then the paths of the new key, first
     * present wins.
     */
    ISSUED_KEY("issuedKey"),
    /**
     * Who the issued key acts as. The "from" paths, by position: error code, event name, then the assumed role's
     * session ARN and id, the federated user's ARN and id, the caller's ARN and principalId (GetSessionToken's key
     * acts as its caller), the user name of a created access key and the account it was created in.
     */
    ISSUED_TO("issuedTo"),
    /**
     * The role or federated session of the caller, normalised. The "from" paths, by position: the session issuer's
     * type and ARN, the caller's principalId, ARN and identity type.
     */
    SESSION("session"),
    /** Every string value of the event, for full-text search. */
    ALL_TEXT("allText"),
    /**
     * The verdict {@code verify --index} gave the event's source file: the enum's first value when the event is indexed,
     * written in place by verify.
     */
    FILE_INTEGRITY("fileIntegrity");

    /** The calls that create an access key, as CloudTrail names them (eventName values, not field names). */
    public static final java.util.Set<String> ISSUING_CALLS = java.util.Set.of("AssumeRole", "AssumeRoleWithSAML",
            "AssumeRoleWithWebIdentity", "GetSessionToken", "GetFederationToken", "CreateAccessKey");

    private final String jsonName;

    Derivation(String jsonName) {
        this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    @JsonCreator
    public static Derivation fromJson(String name) {
        for (Derivation d : values()) {
            if (d.jsonName.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown derivation '" + name + "' (expected one of "
                + Arrays.stream(values()).map(Derivation::jsonName).collect(Collectors.joining(", ")) + ")");
    }
}
