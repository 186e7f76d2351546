package dev.trailindex.index;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdDictTrainer;
import com.github.luben.zstd.ZstdException;
import java.util.List;

/**
 * Everything that touches zstd-jni, in one class: loading it loads the native library (about 0.2 s), so only
 * code that writes or reads a compressed event reaches here, never a count or a facet.
 */
final class ZstdFrames {
    private ZstdFrames() {
    }

    /** A dictionary of {@code size} bytes or less trained on {@code samples}; null when zstd cannot train one. */
    static byte[] train(List<byte[]> samples, int size) {
        long total = 0;
        for (byte[] s : samples) {
            total += s.length;
        }
        ZstdDictTrainer t = new ZstdDictTrainer((int) Math.min(Integer.MAX_VALUE - 8, total), size);
        for (byte[] s : samples) {
            t.addSample(s);
        }
        try {
            byte[] dict = t.trainSamples();
            return dict.length == 0 || Zstd.getDictIdFromDict(dict) == 0 ? null : dict;
        } catch (ZstdException e) {
            // Too few or too alike samples: the events stay plain.
            return null;
        }
    }

    /** The id a trained dictionary declares (0: not a zstd dictionary). */
    static long dictionaryId(byte[] dict) {
        return Zstd.getDictIdFromDict(dict);
    }

    /** Compresses events with one dictionary; thread-safe (a context per thread over one shared dictionary). */
    static final class Compressor {
        private final ZstdDictCompress dict;
        private final ThreadLocal<ZstdCompressCtx> ctx;

        Compressor(byte[] dict, int level) {
            this.dict = new ZstdDictCompress(dict, level);
            this.ctx = ThreadLocal.withInitial(() -> new ZstdCompressCtx().setLevel(level).loadDict(this.dict));
        }

        byte[] compress(byte[] json) {
            return ctx.get().compress(json);
        }
    }

    /** Decompresses frames made with one dictionary; thread-safe. */
    static final class Decompressor {
        private final long id;
        private final ZstdDictDecompress dict;
        private final ThreadLocal<ZstdDecompressCtx> ctx;

        Decompressor(byte[] dict) {
            this.id = Zstd.getDictIdFromDict(dict);
            this.dict = new ZstdDictDecompress(dict);
            this.ctx = ThreadLocal.withInitial(() -> new ZstdDecompressCtx().loadDict(this.dict));
        }

        /** The dictionary a frame names; 0 when it names none. */
        static long frameDictionary(byte[] b, int off, int len) {
            byte[] head = off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + Math.min(len, 18));
            return Zstd.getDictIdFromFrame(head);
        }

        long id() {
            return id;
        }

        /** The original bytes of one frame; throws IllegalArgumentException if it is not a whole, valid frame. */
        byte[] decompress(byte[] b, int off, int len) {
            long size = Zstd.getFrameContentSize(b, off, len);
            if (size < 0 || size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a stored event's zstd frame has no valid content size (" + size + ")");
            }
            byte[] out = new byte[(int) size];
            try {
                int n = ctx.get().decompressByteArray(out, 0, out.length, b, off, len);
                if (n != out.length) {
                    throw new IllegalArgumentException("a stored event's zstd frame gave " + n + " bytes, not " + size);
                }
            } catch (ZstdException e) {
                throw new IllegalArgumentException("a stored event's zstd frame does not decode: " + e.getMessage(), e);
            }
            return out;
        }
    }
}
