package dev.trailindex.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The side store of conflicting copies survives what a crash leaves: a torn last line, a copy written twice. */
class CopyStoreTest {
    @TempDir
    Path dir;

    @Test
    void aTornLineIsIgnoredAndACopyWrittenTwiceIsListedOnce() throws Exception {
        byte[] json = "{\"eventID\":\"x\",\"eventName\":\"A\"}".getBytes(StandardCharsets.UTF_8);
        CopyStore.Copy a = new CopyStore.Copy("x", "00000000000000aa", "/logs/b.json", 3, 120, 4, json);
        CopyStore.Copy b = new CopyStore.Copy("y", "00000000000000bb", "/logs/c.json", 0, 12, 1, json);
        try (CopyStore store = CopyStore.open(dir)) {
            store.append(a);
            store.append(b);
            store.append(a); // the file read again after a crash
            store.sync();
        }
        Files.writeString(dir.resolve(CopyStore.NAME), "{\"key\":\"x\",\"content\":\"00", StandardOpenOption.APPEND);
        List<CopyStore.Copy> all = CopyStore.load(dir);
        assertEquals(2, all.size());
        assertEquals("/logs/b.json", all.get(0).file());
        assertEquals(3, all.get(0).record());
        assertEquals(120, all.get(0).offset());
        assertArrayEquals(json, all.get(0).json());
        assertEquals(List.of("/logs/c.json"), CopyStore.of(dir, "y").stream().map(CopyStore.Copy::file).toList());
        assertEquals(List.of(), CopyStore.load(dir.resolve("none")));
    }
}
