package dev.trailindex.opensearch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An event's exact original bytes as one string of the cluster's {@code _source}: the text itself when the bytes
 * are well-formed UTF-8 (every delivered event is), so the cluster's stored-field compression sees JSON rather
 * than base64 (which hides its repeats); otherwise a NUL followed by the bytes in base64 (the cut bytes of a broken
 * file). Decoding gives back the same bytes in both cases: strict UTF-8 decoding and encoding are inverse on
 * well-formed input, and well-formed UTF-8 text never starts with a NUL that this form would misread, because such
 * text is written in the base64 form too.
 */
final class RawText {
    private static final char BINARY = '\u0000';

    private RawText() {
    }

    static String encode(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != 0) {
            try {
                CharBuffer text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                return text.toString();
            } catch (CharacterCodingException e) {
                // not UTF-8: the base64 form below
            }
        }
        return BINARY + Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] decode(String value) {
        if (!value.isEmpty() && value.charAt(0) == BINARY) {
            return Base64.getDecoder().decode(value.substring(1));
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
