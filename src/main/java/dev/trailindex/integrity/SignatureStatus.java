package dev.trailindex.integrity;

/** Whether a present digest's RSA signature checks out. */
public enum SignatureStatus implements Labelled {
    /** It verifies with the key its fingerprint names. */
    VALID,
    /** It does not: the digest, or its signature, was changed, or it was signed with another key. */
    INVALID,
    /** No --public-keys were given. */
    NO_KEY,
    /** Keys were given, but none has the digest's fingerprint. */
    KEY_NOT_FOUND,
    /** No signature is known: the next digest is not on disk and --signatures has none for it. */
    UNAVAILABLE
}
