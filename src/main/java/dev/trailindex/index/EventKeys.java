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

    /**
     * The key's place among events of the same time, as one number: its first 4 bytes of UTF-8 (big-endian,
     * zero-padded), then the high 32 bits of its hash, with the sign bit flipped so that comparing these as
     * signed longs orders keys by their first 4 bytes as the keys themselves are ordered, and keys that begin
     * alike by hash. Two different keys tie only if they share 4 bytes and 32 bits of hash.
     */
    public static long order64(String key) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (i < b.length ? b[i] & 0xFF : 0);
        }
        return ((v << 32) | (hash64(b) >>> 32)) ^ Long.MIN_VALUE;
    }

    /**
     * A 64-bit hash of a copy's exact bytes, never 0 (0 stands for "unknown" in the copy tables): two copies of one
     * key differ when their hashes do.
     */
    public static long contentHash(byte[] json) {
        long h = hash64(json);
        return h == 0 ? 1 : h;
    }

    /** A 64-bit hash of a key, for the duplicate table and the sort order. */
    public static long hash64(String key) {
        return hash64(key.getBytes(StandardCharsets.UTF_8));
    }

    private static long hash64(byte[] b) {
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
