package dev.trailindex.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.util.BytesRef;

/**
 * The stored original events, and the one place that turns what is stored back into the exact original bytes.
 *
 * <p>An index built from more than a little input keeps each original event as one zstd frame compressed with a
 * dictionary trained at the start of the first such run on a sample spread over its input, and kept beside the
 * index in {@value #DICTIONARY}. One frame per event means a hit decompresses its own 200-odd bytes, not a block
 * of other events; the dictionary makes those frames smaller than DEFLATE blocks (benchmarks/RESULTS.md, issue
 * 15). The dictionary is written once, before any event uses it, and never replaced: later runs reuse it, so every
 * frame of the index decodes with it. Small inputs (under {@value #MIN_SAMPLE_EVENTS} events or 1 MB in the
 * sample: the samples, most tests) store the original bytes as they are. Readers tell the two apart by the zstd
 * magic number, which no JSON text starts with, so indexes and events written either way read alike.
 *
 * <p>zstd-jni's native library is loaded only when a frame is written or read (see {@link ZstdFrames}).
 */
public final class RawEvents {
    /** The dictionary's file in the index folder. */
    public static final String DICTIONARY = "raw-events.zdict";
    /** Tests: {@code always} trains a dictionary on any input that yields one, {@code never} keeps events plain. */
    public static final String MODE_PROPERTY = "trailindex.rawEvents.zstd";
    static final int LEVEL = 3;
    static final int DICTIONARY_BYTES = 112 * 1024;
    static final long SAMPLE_BYTES = 8L << 20;
    static final int SAMPLE_FILES = 64;
    static final int MIN_SAMPLE_EVENTS = 1000;
    static final long MIN_SAMPLE_BYTES = 1L << 20;

    private final Path indexDir;
    private volatile ZstdFrames.Decompressor decompressor;

    private RawEvents(Path indexDir) {
        this.indexDir = indexDir;
    }

    /** The reader of the stored events of the index at {@code indexDir}; its dictionary is read on first need. */
    public static RawEvents of(Path indexDir) {
        return new RawEvents(indexDir);
    }

    /** Whether these bytes are a zstd frame (its magic number 0xFD2FB528, little-endian) rather than JSON. */
    public static boolean isFrame(byte[] b, int off, int len) {
        return len >= 4 && (b[off] & 0xff) == 0x28 && (b[off + 1] & 0xff) == 0xb5 && (b[off + 2] & 0xff) == 0x2f
                && (b[off + 3] & 0xff) == 0xfd;
    }

    /** The exact original bytes of a stored event (a new array the caller may keep). */
    public byte[] decode(BytesRef stored) {
        if (!isFrame(stored.bytes, stored.offset, stored.length)) {
            return java.util.Arrays.copyOfRange(stored.bytes, stored.offset, stored.offset + stored.length);
        }
        ZstdFrames.Decompressor d = decompressor();
        long wants = ZstdFrames.Decompressor.frameDictionary(stored.bytes, stored.offset, stored.length);
        if (wants != d.id()) {
            throw new IndexException("a stored event of the index at " + indexDir + " was compressed with dictionary "
                    + wants + ", but " + DICTIONARY + " is dictionary " + d.id() + ": the index is damaged; re-index it");
        }
        try {
            return d.decompress(stored.bytes, stored.offset, stored.length);
        } catch (IllegalArgumentException e) {
            throw new IndexException(e.getMessage() + " (index at " + indexDir + "): the index is damaged; re-index it", e);
        }
    }

    private ZstdFrames.Decompressor decompressor() {
        ZstdFrames.Decompressor d = decompressor;
        if (d == null) {
            synchronized (this) {
                d = decompressor;
                if (d == null) {
                    byte[] dict = readDictionary(indexDir);
                    if (dict == null) {
                        throw new IndexException("the index at " + indexDir + " holds compressed events but its "
                                + DICTIONARY + " is missing: the index is damaged; re-index it");
                    }
                    d = new ZstdFrames.Decompressor(dict);
                    decompressor = d;
                }
            }
        }
        return d;
    }

    /** Turns an event's original bytes into what is stored. Thread-safe. */
    public interface Encoder {
        byte[] encode(byte[] json);

        /** Whether events are compressed (a dictionary is in use). */
        boolean compressing();
    }

    /** Stores the bytes as they are. */
    public static final Encoder PLAIN = new Encoder() {
        @Override
        public byte[] encode(byte[] json) {
            return json;
        }

        @Override
        public boolean compressing() {
            return false;
        }
    };

    /**
     * The encoder for a run into {@code indexDir}: with the index's dictionary if it has one; else, if
     * {@code sample} (events spread over the run's input) is large enough, with a dictionary trained on it and
     * written beside the index first; else {@link #PLAIN}. Call it holding the index's write lock.
     */
    static Encoder forRun(Path indexDir, Supplier<List<byte[]>> sample) throws IOException {
        String mode = System.getProperty(MODE_PROPERTY, "auto");
        byte[] dict = readDictionary(indexDir);
        if (dict == null) {
            if (mode.equals("never")) {
                return PLAIN;
            }
            List<byte[]> events = sample.get();
            long bytes = events.stream().mapToLong(e -> e.length).sum();
            boolean always = mode.equals("always");
            if (!always && (events.size() < MIN_SAMPLE_EVENTS || bytes < MIN_SAMPLE_BYTES)) {
                return PLAIN;
            }
            // A dictionary much larger than its sample learns nothing more; zstd refuses one larger than it.
            int size = (int) Math.min(DICTIONARY_BYTES, Math.max(1024, bytes / 8));
            dict = ZstdFrames.train(events, size);
            if (dict == null) {
                return PLAIN;
            }
            dict = writeDictionary(indexDir, dict);
        }
        ZstdFrames.Compressor c = new ZstdFrames.Compressor(dict, LEVEL);
        return new Encoder() {
            @Override
            public byte[] encode(byte[] json) {
                return c.compress(json);
            }

            @Override
            public boolean compressing() {
                return true;
            }
        };
    }

    /** The index's dictionary, or null if it has none; a file that is there but not a dictionary is damage. */
    static byte[] readDictionary(Path indexDir) {
        byte[] dict;
        try {
            dict = Files.readAllBytes(indexDir.resolve(DICTIONARY));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + indexDir.resolve(DICTIONARY) + ": " + e.getMessage(), e);
        }
        if (dict.length < 8 || (dict[0] & 0xff) != 0x37 || (dict[1] & 0xff) != 0xa4 || (dict[2] & 0xff) != 0x30
                || (dict[3] & 0xff) != 0xec) {
            throw new IndexException(indexDir.resolve(DICTIONARY) + " is not a zstd dictionary: the index is damaged; re-index it");
        }
        return dict;
    }

    /**
     * Writes the dictionary so that a crash leaves either no dictionary or the whole one: to a temporary file,
     * forced to disk, then linked into place (a link, unlike a rename, never replaces a file) and the folder
     * forced. An existing dictionary is never replaced: if another run wrote one first, that one is returned.
     */
    static byte[] writeDictionary(Path indexDir, byte[] dict) throws IOException {
        Path target = indexDir.resolve(DICTIONARY);
        Files.createDirectories(indexDir);
        Path tmp = indexDir.resolve(DICTIONARY + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(dict));
            ch.force(true);
        }
        try {
            Files.createLink(target, tmp);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return readDictionary(indexDir);
        } catch (UnsupportedOperationException e) {
            // No hard links here: a plain move, which also refuses to replace a file.
            Files.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (FileChannel dir = FileChannel.open(indexDir, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems cannot force a folder; the link is still atomic.
        }
        return dict;
    }
}
