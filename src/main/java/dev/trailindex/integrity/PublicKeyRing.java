package dev.trailindex.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.index.EventTimes;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys from one or more {@code aws cloudtrail list-public-keys} outputs, by fingerprint. Each key's
 * {@code Value} is base64 of a DER PKCS#1 RSA key; its fingerprint is the hex MD5 of those DER bytes (checked: a
 * listed {@code Fingerprint} that differs is kept, and said). Validity times may be epoch seconds (CLI v1) or ISO
 * strings (CLI v2). The JSON keys are AWS's output format.
 */
public final class PublicKeyRing {
    private static final String LIST = "PublicKeyList";
    private static final String VALUE = "Value";
    private static final String FINGERPRINT = "Fingerprint";
    private static final String VALID_FROM = "ValidityStartTime";
    private static final String VALID_TO = "ValidityEndTime";

    /**
     * One key.
     *
     * @param fingerprint the fingerprint listed with it (else its MD5)
     * @param derMd5      the hex MD5 of its DER bytes
     * @param validFrom epoch millis, or null when not given
     * @param validTo   epoch millis, or null when not given
     */
    public record TrailKey(String fingerprint, String derMd5, PublicKey key, Long validFrom, Long validTo) {
        boolean validAt(long time) {
            return (validFrom == null || time >= validFrom) && (validTo == null || time <= validTo);
        }
    }

    private final Map<String, TrailKey> byFingerprint;
    private final List<String> notes;

    private PublicKeyRing(Map<String, TrailKey> byFingerprint, List<String> notes) {
        this.byFingerprint = byFingerprint;
        this.notes = notes;
    }

    /** No keys: signatures are not checked. */
    public static PublicKeyRing none() {
        return new PublicKeyRing(Map.of(), List.of());
    }

    /** Reads every file; an unreadable file or a malformed key is an {@link IntegrityInputException}. */
    public static PublicKeyRing load(List<Path> files) {
        Map<String, TrailKey> keys = new HashMap<>();
        List<String> notes = new ArrayList<>();
        for (Path file : files) {
            JsonNode root = InputFiles.readJson(file, "--public-keys");
            JsonNode list = root.isArray() ? root : root.path(LIST);
            if (!list.isArray()) {
                throw new IntegrityInputException(file + ": not 'aws cloudtrail list-public-keys' output (no \"" + LIST + "\" array)");
            }
            int i = 0;
            for (JsonNode entry : list) {
                TrailKey k = key(file, i++, entry, notes);
                keys.put(k.fingerprint(), k);
                keys.putIfAbsent(k.derMd5(), k);
            }
        }
        return new PublicKeyRing(Map.copyOf(keys), List.copyOf(notes));
    }

    private static TrailKey key(Path file, int i, JsonNode entry, List<String> notes) {
        String where = file + ": key #" + (i + 1);
        JsonNode value = entry.path(VALUE);
        if (!value.isTextual()) {
            throw new IntegrityInputException(where + " has no \"" + VALUE + "\"");
        }
        byte[] der;
        PublicKey key;
        try {
            der = Base64.getDecoder().decode(value.asText().replaceAll("\\s", ""));
            key = RsaDer.publicKey(der);
        } catch (IllegalArgumentException e) {
            throw new IntegrityInputException(where + ": \"" + VALUE + "\" is " + (e.getMessage().startsWith("not an RSA")
                    ? e.getMessage() : "not base64"));
        }
        String fingerprint = Hashes.hex(Hashes.md5().digest(der));
        String listed = entry.path(FINGERPRINT).asText(fingerprint).toLowerCase(Locale.ROOT);
        if (!listed.equals(fingerprint)) {
            notes.add(where + ": its Fingerprint " + listed + " is not the MD5 of its key (" + fingerprint
                    + "); it is used for digests naming either");
        }
        return new TrailKey(listed, fingerprint, key, time(where, entry.get(VALID_FROM)), time(where, entry.get(VALID_TO)));
    }

    private static Long time(String where, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return Math.round(v.asDouble() * 1000);
        }
        String text = v.asText();
        if (text.matches("\\d+(\\.\\d+)?")) {
            return Math.round(Double.parseDouble(text) * 1000);
        }
        EventTimes.Parsed t = EventTimes.parse(text);
        if (t == null) {
            throw new IntegrityInputException(where + ": '" + text + "' is not a time");
        }
        return t.epochMillis();
    }

    /** The key with {@code fingerprint}, if given. */
    public Optional<TrailKey> find(String fingerprint) {
        return fingerprint == null ? Optional.empty() : Optional.ofNullable(byFingerprint.get(fingerprint.toLowerCase(Locale.ROOT)));
    }

    public boolean isEmpty() {
        return byFingerprint.isEmpty();
    }

    /** Things worth saying about the keys (a listed fingerprint that is not the key's). */
    public List<String> notes() {
        return notes;
    }
}
