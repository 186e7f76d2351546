package dev.trailindex.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.util.StringHelper;

/**
 * Document keys. An event's key is its eventID; an event without one gets a hash of its content that ignores
 * formatting and key order, so the same event read from a pretty-printed and a compact file gets the same key.
 */
public final class EventKeys {
    /** Prefix of content-hash keys. */
    public static final String HASH_PREFIX = "sha256:";

    private EventKeys() {
    }

    /** A stable key from the event's content. */
    public static String contentKey(JsonNode event) {
        MessageDigest md = sha256();
        feed(event, md);
        return HASH_PREFIX + HexFormat.of().formatHex(md.digest(), 0, 16);
    }

    /** A 64-bit hash of a key, for the in-memory duplicate set. */
    /**
     * The first 8 bytes of the key's UTF-8, big-endian, zero-padded, with the sign bit flipped: comparing these
     * as signed longs orders keys as comparing their bytes does, as far as the first 8 bytes tell.
     */
    public static long prefix64(String key) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (i < b.length ? b[i] & 0xFF : 0);
        }
        return v ^ Long.MIN_VALUE;
    }

    public static long hash64(String key) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        return StringHelper.murmurhash3_x64_128(b, 0, b.length, 0x5eed)[0];
    }

    private static void feed(JsonNode n, MessageDigest md) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            md.update((byte) '{');
            for (String name : names) {
                update(md, name);
                feed(n.get(name), md);
            }
            md.update((byte) '}');
        } else if (n.isArray()) {
            md.update((byte) '[');
            for (JsonNode e : n) {
                feed(e, md);
            }
            md.update((byte) ']');
        } else {
            md.update((byte) (n.isTextual() ? 's' : n.isNumber() ? 'n' : n.isBoolean() ? 'b' : 'z'));
            update(md, n.isNumber() ? n.numberValue().toString() : n.asText());
        }
    }

    private static void update(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) (b.length >>> 24));
        md.update((byte) (b.length >>> 16));
        md.update((byte) (b.length >>> 8));
        md.update((byte) b.length);
        md.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
