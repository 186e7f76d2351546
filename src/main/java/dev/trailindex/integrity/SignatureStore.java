package dev.trailindex.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Saved digest signatures (--signatures): a JSON object mapping a digest's S3 key to its {@code x-amz-meta-signature},
 * either the hex string or an object with a {@code signature} member (the {@code Metadata} that {@code aws s3api
 * head-object} prints; a whole head-object output, with {@code Metadata} inside, is accepted too). The signature of
 * the newest digest of a chain lives only there: a synced bucket has no object metadata.
 */
public final class SignatureStore {
    private static final String SIGNATURE = "signature";
    private static final String METADATA = "Metadata";

    private final Map<String, String> byKey;

    private SignatureStore(Map<String, String> byKey) {
        this.byKey = byKey;
    }

    public static SignatureStore none() {
        return new SignatureStore(Map.of());
    }

    public static SignatureStore load(Path file) {
        JsonNode root = InputFiles.readJson(file, "--signatures");
        if (!root.isObject()) {
            throw new IntegrityInputException("--signatures " + file + ": not a JSON object mapping digest keys to signatures");
        }
        Map<String, String> out = new HashMap<>();
        for (var e : root.properties()) {
            JsonNode v = e.getValue();
            JsonNode meta = v.has(METADATA) ? v.get(METADATA) : v;
            JsonNode sig = meta.isTextual() ? meta : meta.path(SIGNATURE);
            if (!sig.isTextual()) {
                throw new IntegrityInputException("--signatures " + file + ": the entry for '" + e.getKey()
                        + "' is neither a hex string nor an object with a \"" + SIGNATURE + "\"");
            }
            out.put(strip(e.getKey()), sig.asText());
        }
        return new SignatureStore(Map.copyOf(out));
    }

    /** The signature saved for the digest at {@code key} (with or without its prefix, or an s3:// URL of it). */
    Optional<String> find(String key, String tail) {
        String s = byKey.get(strip(key));
        if (s == null) {
            s = byKey.get(tail);
        }
        return Optional.ofNullable(s);
    }

    public int size() {
        return byKey.size();
    }

    /** {@code s3://bucket/key} and a leading slash are reduced to the key. */
    private static String strip(String key) {
        String k = key;
        if (k.startsWith("s3://")) {
            int slash = k.indexOf('/', 5);
            k = slash < 0 ? "" : k.substring(slash + 1);
        }
        return k.startsWith("/") ? k.substring(1) : k;
    }
}
