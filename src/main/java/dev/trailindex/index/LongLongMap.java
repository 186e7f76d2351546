package dev.trailindex.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A map from 64-bit keys to 64-bit values in open addressing, 16 bytes a slot, at most half full. Up to
 * {@link #HEAP_SLOTS} slots it lives in two arrays on the heap; past that (more than about two million keys) it
 * moves to a file in {@code spillDir}, mapped into memory, so that the heap stays bounded however many events a
 * run reads: ten million keys need 512 MB of slots, which the operating system pages like any file. Not
 * thread-safe.
 */
public final class LongLongMap implements AutoCloseable {
    private static final long EMPTY = 0L;
    /** Stands in for the key 0, which marks empty slots. */
    private static final long ZERO_KEY = 0x9E3779B97F4A7C15L;
    /** Names of the files the slots move to; a killed run's are removed by the next map in that folder. */
    private static final String SPILL_PREFIX = "trailindex-";
    private static final String SPILL_SUFFIX = ".tmp";
    /** Largest table kept on the heap: 2^22 slots, 64 MB. */
    public static final long HEAP_SLOTS = 1L << 22;

    private final Path spillDir;
    /** Begins the names of this map's spill files: two maps of one run must not share it. */
    private final String spillName;
    private final long heapSlots;
    private Slots slots = new HeapSlots(1 << 14);
    private long size;
    private int files;

    /** A map that stays on the heap. */
    LongLongMap() {
        this(null, Long.MAX_VALUE);
    }

    /** A map that moves to a file in {@code spillDir} once it needs more than {@code heapSlots} slots. */
    LongLongMap(Path spillDir, long heapSlots) {
        this(spillDir, heapSlots, "dedup");
    }

    /** The same, its spill files named trailindex-{@code name}-N.tmp (old ones of that name are deleted). */
    public LongLongMap(Path spillDir, long heapSlots, String name) {
        this.spillDir = spillDir;
        this.heapSlots = heapSlots;
        this.spillName = SPILL_PREFIX + name + "-";
        if (spillDir != null) {
            try (DirectoryStream<Path> old = Files.newDirectoryStream(spillDir, spillName + "*" + SPILL_SUFFIX)) {
                for (Path p : old) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // Left for later; a new file of the same name is truncated first.
            }
        }
    }

    /** The value for {@code key}, or {@code absent}. */
    public long get(long key, long absent) {
        long k = key == EMPTY ? ZERO_KEY : key;
        long mask = slots.capacity() - 1;
        for (long i = slot(k, mask); ; i = (i + 1) & mask) {
            long at = slots.key(i);
            if (at == EMPTY) {
                return absent;
            }
            if (at == k) {
                return slots.value(i);
            }
        }
    }

    public void put(long key, long value) {
        long k = key == EMPTY ? ZERO_KEY : key;
        if ((size + 1) * 2 > slots.capacity()) {
            grow();
        }
        if (insert(slots, k, value)) {
            size++;
        }
    }

    long size() {
        return size;
    }

    /** Whether the slots are in a file rather than on the heap. */
    boolean spilled() {
        return slots instanceof FileSlots;
    }

    private static boolean insert(Slots s, long k, long v) {
        long mask = s.capacity() - 1;
        long i = slot(k, mask);
        for (long at = s.key(i); at != EMPTY; at = s.key(i)) {
            if (at == k) {
                s.set(i, k, v);
                return false;
            }
            i = (i + 1) & mask;
        }
        s.set(i, k, v);
        return true;
    }

    private void grow() {
        long capacity = slots.capacity() * 2;
        Slots next = spillDir != null && capacity > heapSlots
                ? new FileSlots(spillDir.resolve(spillName + files++ + SPILL_SUFFIX), capacity)
                : new HeapSlots((int) capacity);
        for (long i = 0; i < slots.capacity(); i++) {
            long k = slots.key(i);
            if (k != EMPTY) {
                insert(next, k, slots.value(i));
            }
        }
        slots.close();
        slots = next;
    }

    private static long slot(long x, long mask) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x & mask;
    }

    /** Deletes the file the slots may have moved to. */
    @Override
    public void close() {
        slots.close();
    }

    private interface Slots {
        long capacity();

        long key(long i);

        long value(long i);

        void set(long i, long k, long v);

        void close();
    }

    private static final class HeapSlots implements Slots {
        private final long[] keys;
        private final long[] values;

        HeapSlots(int capacity) {
            keys = new long[capacity];
            values = new long[capacity];
        }

        public long capacity() {
            return keys.length;
        }

        public long key(long i) {
            return keys[(int) i];
        }

        public long value(long i) {
            return values[(int) i];
        }

        public void set(long i, long k, long v) {
            keys[(int) i] = k;
            values[(int) i] = v;
        }

        public void close() {
        }
    }

    /**
     * Slots in a sparse file (zeros are empty slots), mapped in chunks of 2^26 slots (1 GiB) because one mapping
     * holds at most 2 GiB. The file is deleted when the slots are closed; the mapping goes with garbage collection.
     */
    private static final class FileSlots implements Slots {
        private static final int CHUNK_SHIFT = 26;
        private static final long CHUNK_MASK = (1L << CHUNK_SHIFT) - 1;
        private final Path path;
        private final long capacity;
        private final LongBuffer[] chunks;

        FileSlots(Path path, long capacity) {
            this.path = path;
            this.capacity = capacity;
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long chunkSlots = Math.min(capacity, 1L << CHUNK_SHIFT);
                chunks = new LongBuffer[(int) ((capacity + chunkSlots - 1) / chunkSlots)];
                for (int c = 0; c < chunks.length; c++) {
                    chunks[c] = ch.map(FileChannel.MapMode.READ_WRITE, c * chunkSlots * 16, chunkSlots * 16)
                            .order(ByteOrder.nativeOrder()).asLongBuffer();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the duplicate table " + path + ": " + e.getMessage(), e);
            }
        }

        public long capacity() {
            return capacity;
        }

        public long key(long i) {
            return chunks[(int) (i >>> CHUNK_SHIFT)].get((int) (i & CHUNK_MASK) * 2);
        }

        public long value(long i) {
            return chunks[(int) (i >>> CHUNK_SHIFT)].get((int) (i & CHUNK_MASK) * 2 + 1);
        }

        public void set(long i, long k, long v) {
            LongBuffer c = chunks[(int) (i >>> CHUNK_SHIFT)];
            int at = (int) (i & CHUNK_MASK) * 2;
            c.put(at, k);
            c.put(at + 1, v);
        }

        public void close() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }
}
