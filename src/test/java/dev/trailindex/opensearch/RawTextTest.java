package dev.trailindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawTextTest {
    private static void roundTrip(byte[] bytes) {
        assertArrayEquals(bytes, RawText.decode(RawText.encode(bytes)));
    }

    @Test
    void wellFormedEventsAreKeptAsTheirText() {
        String event = "{\"eventName\":\"PutObject\",\"requestParameters\":{\"key\":\"r\u00e9sum\u00e9 \u65e5\u672c \uD83D\uDE00\"},\"x\":\"\\u0000\"}";
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        assertEquals(event, RawText.encode(bytes));
        roundTrip(bytes);
    }

    @Test
    void bytesThatAreNotUtf8SurviveAsBase64() {
        byte[] cut = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3};             // a two-byte character cut after its first byte
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        byte[] cesu = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};              // an encoded surrogate: not UTF-8
        for (byte[] b : new byte[][] {cut, latin1, cesu}) {
            assertTrue(RawText.encode(b).startsWith("\u0000"));
            roundTrip(b);
        }
    }

    @Test
    void textStartingWithNulIsNotMistakenForBase64() {
        byte[] b = {0, 'A', 'Q', '=', '='};
        assertTrue(RawText.encode(b).startsWith("\u0000"));
        roundTrip(b);
        roundTrip(new byte[0]);
    }
}
