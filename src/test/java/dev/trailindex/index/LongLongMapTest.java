package dev.trailindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The duplicate table's map, on the heap and moved to a file, against java.util.HashMap. */
class LongLongMapTest {
    @TempDir
    Path tmp;

    private static long files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("trailindex-dedup-")).count();
        }
    }

    @Test
    void movesToAFileAndKeepsEveryEntry() throws Exception {
        Map<Long, Long> want = new HashMap<>();
        Random r = new Random(11);
        try (LongLongMap map = new LongLongMap(tmp, 1 << 10)) {
            for (int i = 0; i < 200_000; i++) {
                long k = i % 1000 == 0 ? 0L : r.nextLong();          // the key 0 too
                long v = r.nextLong();
                map.put(k, v);
                want.put(k, v);
                if (i % 7 == 0) {                                     // overwrites
                    map.put(k, v + 1);
                    want.put(k, v + 1);
                }
            }
            assertTrue(map.spilled(), "past the heap limit the slots are in a file");
            assertEquals(1, files(tmp), "one file at a time");
            assertEquals(want.size(), map.size());
            for (Map.Entry<Long, Long> e : want.entrySet()) {
                assertEquals(e.getValue(), map.get(e.getKey(), -7L));
            }
            for (int i = 0; i < 10_000; i++) {
                long k = r.nextLong();
                assertEquals(want.getOrDefault(k, -7L), map.get(k, -7L));
            }
        }
        assertEquals(0, files(tmp), "closing deletes the file");
    }

    @Test
    void twoMapsOfOneRunSpillToFilesOfTheirOwn() throws Exception {
        // The duplicate table and the copy tracker spill side by side in the index folder.
        try (LongLongMap dedup = new LongLongMap(tmp, 1 << 10); LongLongMap copies = new LongLongMap(tmp, 1 << 10, "copies")) {
            for (long k = 1; k <= 20_000; k++) {
                dedup.put(k, k);
                copies.put(k, -k);
            }
            assertTrue(dedup.spilled() && copies.spilled());
            for (long k = 1; k <= 20_000; k++) {
                assertEquals(k, dedup.get(k, 0));
                assertEquals(-k, copies.get(k, 0));
            }
        }
    }

    @Test
    void staysOnTheHeapWithoutASpillFolder() {
        try (LongLongMap map = new LongLongMap()) {
            for (long k = 1; k <= 5000; k++) {
                map.put(k * 0x9E3779B97F4A7C15L, k);
            }
            assertFalse(map.spilled());
            assertEquals(5000, map.size());
            assertEquals(17, map.get(17 * 0x9E3779B97F4A7C15L, -1));
        }
    }

    @Test
    void aNewTableClearsFilesAKilledRunLeft() throws Exception {
        Files.writeString(tmp.resolve("trailindex-dedup-3.tmp"), "left by a killed run");
        try (DedupTable t = new DedupTable(tmp)) {
            assertEquals(DedupTable.Decision.NEW, t.claim(42, 1));
            assertEquals(DedupTable.Decision.DUPLICATE, t.claim(42, 2));
        }
        assertEquals(0, files(tmp));
    }
}
