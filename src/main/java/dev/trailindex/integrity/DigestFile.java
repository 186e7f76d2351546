package dev.trailindex.integrity;

import java.util.List;

/**
 * The content of one CloudTrail digest file, as parsed (only what validation needs).
 *
 * @param endTimeText        digestEndTime exactly as written: it is part of the signed string
 * @param previousObject     the key of the digest before it, or null for a starting digest
 * @param previousHash       SHA-256 (hex) of the previous digest's uncompressed bytes, or null
 * @param previousSignature  the previous digest's signature (hex), or null
 * @param logFiles           the log files delivered in its window
 */
record DigestFile(String accountId, long start, long end, String endTimeText, String bucket, String object,
        String fingerprint, String algorithm, String previousObject, String previousHash, String previousSignature,
        List<Listed> logFiles) {

    /**
     * One entry of {@code logFiles}.
     *
     * @param object the log file's S3 key
     * @param sha256 the hash CloudTrail recorded, or null when it is not 64 hex digits
     */
    record Listed(String object, byte[] sha256) {
    }

    /** Whether this digest starts a chain: it names no previous digest. */
    boolean starting() {
        return previousObject == null;
    }
}
