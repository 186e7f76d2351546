package dev.trailindex.integrity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trailindex.index.EventTimes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the bytes of a digest file (already uncompressed and hashed: the hash covers the bytes as stored, so they are
 * never re-serialised). Strict: trailing tokens and duplicate keys are errors, and the fields validation needs must be
 * there. The keys are CloudTrail's digest format, not index fields.
 */
final class DigestParser {
    private static final String ACCOUNT = "awsAccountId";
    private static final String START = "digestStartTime";
    private static final String END = "digestEndTime";
    private static final String BUCKET = "digestS3Bucket";
    private static final String OBJECT = "digestS3Object";
    private static final String FINGERPRINT = "digestPublicKeyFingerprint";
    private static final String ALGORITHM = "digestSignatureAlgorithm";
    private static final String PREVIOUS_OBJECT = "previousDigestS3Object";
    private static final String PREVIOUS_HASH = "previousDigestHashValue";
    private static final String PREVIOUS_SIGNATURE = "previousDigestSignature";
    private static final String LOG_FILES = "logFiles";
    private static final String LOG_OBJECT = "s3Object";
    private static final String LOG_HASH = "hashValue";
    /** Present in every digest; previousDigestSignature may be null but must be there. */
    private static final List<String> REQUIRED = List.of(ACCOUNT, START, END, BUCKET, OBJECT, FINGERPRINT,
            PREVIOUS_SIGNATURE, LOG_FILES);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A digest that cannot be used, with the reason. */
    static final class InvalidDigestException extends Exception {
        InvalidDigestException(String message) {
            super(message);
        }
    }

    private DigestParser() {
    }

    static DigestFile parse(byte[] json) throws InvalidDigestException {
        JsonNode root;
        try (JsonParser p = JSON.createParser(json)) {
            root = JSON.readTree(p);
        } catch (IOException e) {
            throw new InvalidDigestException("not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDigestException("not a JSON object");
        }
        for (String key : REQUIRED) {
            if (!root.has(key)) {
                throw new InvalidDigestException("no \"" + key + "\"");
            }
        }
        return new DigestFile(text(root, ACCOUNT), time(root, START), time(root, END), text(root, END), text(root, BUCKET),
                text(root, OBJECT), text(root, FINGERPRINT), optional(root, ALGORITHM), optional(root, PREVIOUS_OBJECT),
                optional(root, PREVIOUS_HASH), optional(root, PREVIOUS_SIGNATURE), logFiles(root.get(LOG_FILES)));
    }

    private static List<DigestFile.Listed> logFiles(JsonNode array) throws InvalidDigestException {
        if (!array.isArray()) {
            throw new InvalidDigestException("\"" + LOG_FILES + "\" is not an array");
        }
        List<DigestFile.Listed> out = new ArrayList<>(array.size());
        for (JsonNode entry : array) {
            if (!entry.path(LOG_OBJECT).isTextual()) {
                throw new InvalidDigestException("a \"" + LOG_FILES + "\" entry has no \"" + LOG_OBJECT + "\"");
            }
            String hash = entry.path(LOG_HASH).asText(null);
            byte[] sha = hash != null && hash.length() == 64 ? Hashes.parseHex(hash) : null;
            out.add(new DigestFile.Listed(entry.get(LOG_OBJECT).asText(), sha));
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode root, String key) throws InvalidDigestException {
        JsonNode v = root.get(key);
        if (v == null || !v.isTextual()) {
            throw new InvalidDigestException("\"" + key + "\" is not a string");
        }
        return v.asText();
    }

    private static String optional(JsonNode root, String key) throws InvalidDigestException {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidDigestException("\"" + key + "\" is neither a string nor null");
        }
        return v.asText();
    }

    private static long time(JsonNode root, String key) throws InvalidDigestException {
        EventTimes.Parsed t = EventTimes.parse(text(root, key));
        if (t == null) {
            throw new InvalidDigestException("\"" + key + "\" is not a time");
        }
        return t.epochMillis();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
