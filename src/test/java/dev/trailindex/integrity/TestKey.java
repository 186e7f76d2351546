package dev.trailindex.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A signing key made by the test, in CloudTrail's formats: the public key as base64 of a DER PKCS#1 RSAPublicKey (what
 * list-public-keys prints), its fingerprint the hex MD5 of that DER, signatures SHA256withRSA in hex.
 */
public final class TestKey {
    private static final ObjectMapper JSON = new ObjectMapper();

    final KeyPair pair;
    final byte[] pkcs1;
    public final String fingerprint;

    private TestKey(KeyPair pair) throws GeneralSecurityException {
        this.pair = pair;
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        this.pkcs1 = sequence(integer(pub.getModulus()), integer(pub.getPublicExponent()));
        this.fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(pkcs1));
    }

    public static TestKey generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return new TestKey(g.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA256withRSA over the UTF-8 bytes of {@code text}, hex. */
    public String sign(String text) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(pair.getPrivate());
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code keys} as 'aws cloudtrail list-public-keys' prints them: CLI v1 gives epoch seconds, CLI v2 ISO times.
     */
    public static Path writeList(Path file, List<TestKey> keys, boolean cliV1) throws java.io.IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("PublicKeyList");
        long from = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();
        for (TestKey k : keys) {
            ObjectNode e = list.addObject();
            if (cliV1) {
                e.put("ValidityStartTime", from + 0.0);
                e.put("ValidityEndTime", to + 0.0);
            } else {
                e.put("ValidityStartTime", Instant.ofEpochSecond(from).toString().replace("Z", "+00:00"));
                e.put("ValidityEndTime", Instant.ofEpochSecond(to).toString().replace("Z", "+00:00"));
            }
            e.put("Value", Base64.getEncoder().encodeToString(k.pkcs1));
            e.put("Fingerprint", k.fingerprint);
        }
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        return file;
    }

    private static byte[] integer(BigInteger v) {
        return tlv(0x02, v.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        return tlv(0x30, body.toByteArray());
    }

    /** A DER tag, its definite length (short or long form), and the value. */
    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xFF);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
