package dev.trailindex.integrity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * An RSA public key from DER: CloudTrail's {@code list-public-keys} gives PKCS#1 {@code RSAPublicKey}
 * ({@code SEQUENCE { modulus INTEGER, publicExponent INTEGER }}), which the JDK has no decoder for; an X.509
 * {@code SubjectPublicKeyInfo} (the form the JDK reads) is accepted too.
 */
final class RsaDer {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private final byte[] der;
    private int pos;

    private RsaDer(byte[] der) {
        this.der = der;
    }

    /** The key in {@code der}; IllegalArgumentException with the reason when it is not an RSA public key. */
    static PublicKey publicKey(byte[] der) {
        RsaDer r = new RsaDer(der);
        try {
            int end = r.header(SEQUENCE);
            if (end != der.length) {
                throw new IllegalArgumentException("bytes after the key");
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (r.peek() == SEQUENCE) {
                return rsa.generatePublic(new X509EncodedKeySpec(der));
            }
            BigInteger modulus = r.integer();
            BigInteger exponent = r.integer();
            if (r.pos != end || modulus.signum() <= 0 || exponent.signum() <= 0) {
                throw new IllegalArgumentException("not an RSA public key");
            }
            return rsa.generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not an RSA public key");
        }
    }

    private int peek() {
        return der[pos] & 0xFF;
    }

    /** Reads a tag and length; returns where the value ends. */
    private int header(int tag) {
        if ((der[pos++] & 0xFF) != tag) {
            throw new IllegalArgumentException("not an RSA public key (unexpected DER tag)");
        }
        int len = der[pos++] & 0xFF;
        if (len >= 0x80) {
            int bytes = len & 0x7F;
            if (bytes < 1 || bytes > 3) {
                throw new IllegalArgumentException("not an RSA public key (bad DER length)");
            }
            len = 0;
            for (int i = 0; i < bytes; i++) {
                len = (len << 8) | (der[pos++] & 0xFF);
            }
        }
        if (len > der.length - pos) {
            throw new IllegalArgumentException("not an RSA public key (cut short)");
        }
        return pos + len;
    }

    private BigInteger integer() {
        int end = header(INTEGER);
        byte[] value = java.util.Arrays.copyOfRange(der, pos, end);
        pos = end;
        return new BigInteger(value);
    }
}
