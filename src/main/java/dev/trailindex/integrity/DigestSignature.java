package dev.trailindex.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;

/**
 * Checks a digest's signature: SHA256withRSA (RSASSA-PKCS1-v1_5) over the UTF-8 string
 * {@code digestEndTime \n digestS3Bucket/digestS3Object \n hex(SHA-256 of the uncompressed digest) \n
 * previousDigestSignature}, with a null previous signature written as {@code null} and {@code \n} as the only separator.
 */
final class DigestSignature {
    private DigestSignature() {
    }

    /** The string CloudTrail signs for {@code d}, whose uncompressed bytes hash to {@code sha256}. */
    static String signedString(DigestFile d, byte[] sha256) {
        return d.endTimeText() + "\n" + d.bucket() + "/" + d.object() + "\n" + Hashes.hex(sha256) + "\n"
                + (d.previousSignature() == null ? "null" : d.previousSignature());
    }

    /**
     * The verdict on {@code facts} given the signature found for it (null when none is known).
     *
     * @param signatureHex the digest's own signature, as the next digest or --signatures gives it
     */
    static SignatureStatus check(DigestFacts facts, String signatureHex, PublicKeyRing keys) {
        if (signatureHex == null) {
            return SignatureStatus.UNAVAILABLE;
        }
        if (keys.isEmpty()) {
            return SignatureStatus.NO_KEY;
        }
        DigestFile d = facts.content();
        if (d == null || facts.sha256() == null) {
            return SignatureStatus.INVALID;
        }
        var key = keys.find(d.fingerprint());
        if (key.isEmpty()) {
            return SignatureStatus.KEY_NOT_FOUND;
        }
        byte[] signature = Hashes.parseHex(signatureHex);
        if (signature == null) {
            return SignatureStatus.INVALID;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key.get().key());
            rsa.update(signedString(d, facts.sha256()).getBytes(StandardCharsets.UTF_8));
            return rsa.verify(signature) ? SignatureStatus.VALID : SignatureStatus.INVALID;
        } catch (GeneralSecurityException e) {
            return SignatureStatus.INVALID;
        }
    }
}
