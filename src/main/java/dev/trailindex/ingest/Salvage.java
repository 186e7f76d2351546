package dev.trailindex.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * What can be kept of a JSON object cut short (a truncated file, a gzip stream that ends early): its top-level
 * fields whose value is complete and followed by {@code ,} or {@code }}. A value cut mid-way is dropped, and so is
 * everything after it; a number or literal at the very end is dropped too, since {@code 12} may have been
 * {@code 123}. The same rule is in src/test/python/corpus_expectations.py ({@code salvage}).
 */
public final class Salvage {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private Salvage() {
    }

    /** The salvaged fields of the cut object in {@code cut} (which starts with '{'), or null if it does not. */
    public static ObjectNode fields(byte[] cut) {
        return fields(PLAIN, cut);
    }

    static ObjectNode fields(ObjectMapper mapper, byte[] b) {
        int i = skipWs(b, 0);
        if (i >= b.length || b[i] != '{') {
            return null;
        }
        ObjectNode out = mapper.createObjectNode();
        i++;
        while (true) {
            i = skipWs(b, i);
            if (i >= b.length || b[i] != '"') {
                return out;
            }
            int keyEnd = stringEnd(b, i);
            int colon = keyEnd < 0 ? -1 : skipWs(b, keyEnd);
            if (colon < 0 || colon >= b.length || b[colon] != ':') {
                return out;
            }
            int start = skipWs(b, colon + 1);
            int end = valueEnd(b, start);
            int next = end < 0 ? b.length : skipWs(b, end);
            if (next >= b.length || (b[next] != ',' && b[next] != '}')) {
                return out;
            }
            try {
                String key = mapper.readTree(b, i, keyEnd - i).textValue();
                JsonNode value = mapper.readTree(b, start, end - start);
                out.set(key, value);
            } catch (JsonProcessingException e) {
                return out;
            } catch (IOException e) {
                throw new IllegalStateException("reading bytes in memory", e);
            }
            if (b[next] == '}') {
                return out;
            }
            i = next + 1;
        }
    }

    /** The salvaged fields as compact JSON, or "{}" when nothing could be kept. */
    public static byte[] json(byte[] cut) {
        ObjectNode o = fields(cut);
        try {
            return PLAIN.writeValueAsBytes(o == null ? PLAIN.createObjectNode() : o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a tree", e);
        }
    }

    private static int skipWs(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** The index after the string that starts at {@code i} with '"', or -1 if it is cut. */
    private static int stringEnd(byte[] b, int i) {
        for (int j = i + 1; j < b.length; j++) {
            if (b[j] == '\\') {
                j++;
            } else if (b[j] == '"') {
                return j + 1;
            }
        }
        return -1;
    }

    /** The index after the value that starts at {@code i}, or -1 if it runs to the end (cut, or not followed). */
    private static int valueEnd(byte[] b, int i) {
        if (i >= b.length) {
            return -1;
        }
        if (b[i] == '"') {
            return stringEnd(b, i);
        }
        if (b[i] == '{' || b[i] == '[') {
            int depth = 0;
            for (int j = i; j < b.length; j++) {
                if (b[j] == '"') {
                    j = stringEnd(b, j);
                    if (j < 0) {
                        return -1;
                    }
                    j--;
                } else if (b[j] == '{' || b[j] == '[') {
                    depth++;
                } else if ((b[j] == '}' || b[j] == ']') && --depth == 0) {
                    return j + 1;
                }
            }
            return -1;
        }
        for (int j = i; j < b.length; j++) {
            byte c = b[j];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                return j;
            }
        }
        return -1;
    }
}
