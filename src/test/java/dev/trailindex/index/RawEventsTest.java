package dev.trailindex.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dictionary file beside the index: written whole or not at all, never replaced, reused by later runs. */
class RawEventsTest {
    @TempDir
    Path tmp;

    private static List<byte[]> sample(int n, String salt) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(("{\"eventVersion\":\"1.08\",\"eventID\":\"" + salt + i + "\",\"eventName\":\"Get" + (i % 13)
                    + "\",\"awsRegion\":\"eu-west-" + (i % 3) + "\",\"sourceIPAddress\":\"10.0." + (i % 200) + "." + (i % 7)
                    + "\",\"userAgent\":\"aws-cli/2." + (i % 11) + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void aTornTemporaryFileFromACrashIsReplacedAndNeverRead() throws Exception {
        // A crash while writing leaves at most the temporary file: no dictionary, so the run after trains anew.
        Files.write(tmp.resolve(RawEvents.DICTIONARY + ".tmp"), new byte[] {0x37, (byte) 0xa4, 0x30});
        assertSame(null, RawEvents.readDictionary(tmp));
        byte[] dict = ZstdFrames.train(sample(2000, "a"), 8192);
        assertNotNull(dict);
        assertArrayEquals(dict, RawEvents.writeDictionary(tmp, dict));
        assertArrayEquals(dict, Files.readAllBytes(tmp.resolve(RawEvents.DICTIONARY)));
        assertFalse(Files.exists(tmp.resolve(RawEvents.DICTIONARY + ".tmp")));
    }

    @Test
    void anExistingDictionaryIsNeverReplacedAndLaterRunsReuseIt() throws Exception {
        byte[] first = ZstdFrames.train(sample(2000, "a"), 8192);
        byte[] other = ZstdFrames.train(sample(2000, "zz-other-"), 4096);
        RawEvents.writeDictionary(tmp, first);
        // A second writer (a race, or a bug) gets the dictionary that is there, which stays as it was.
        assertArrayEquals(first, RawEvents.writeDictionary(tmp, other));
        assertArrayEquals(first, Files.readAllBytes(tmp.resolve(RawEvents.DICTIONARY)));
        // A later run takes it without sampling its input, and its frames decode with it.
        RawEvents.Encoder e = RawEvents.forRun(tmp, () -> {
            throw new AssertionError("a run on an index with a dictionary samples nothing");
        });
        assertTrue(e.compressing());
        byte[] json = sample(1, "later").get(0);
        byte[] frame = e.encode(json);
        assertTrue(RawEvents.isFrame(frame, 0, frame.length));
        assertArrayEquals(json, RawEvents.of(tmp).decode(new BytesRef(frame)));
        assertArrayEquals(first, Files.readAllBytes(tmp.resolve(RawEvents.DICTIONARY)));
    }

    @Test
    void aFileThatIsNoDictionaryIsDamageNotAReasonToTrainAgain() throws Exception {
        Files.write(tmp.resolve(RawEvents.DICTIONARY), new byte[] {'{', '}'});
        IndexException e = assertThrows(IndexException.class, () -> RawEvents.forRun(tmp, () -> sample(2000, "a")));
        assertTrue(e.getMessage().contains("not a zstd dictionary"), e.getMessage());
        assertArrayEquals(new byte[] {'{', '}'}, Files.readAllBytes(tmp.resolve(RawEvents.DICTIONARY)));
    }

    @Test
    void plainJsonIsNeverTakenForAFrame() {
        for (String s : List.of("{}", " {\"a\":1}", "\n{", "[1]", "")) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertFalse(RawEvents.isFrame(b, 0, b.length));
            assertArrayEquals(b, RawEvents.of(tmp).decode(new BytesRef(b)));
        }
    }
}
