package dev.trailindex.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with stored fields in small LZ4 blocks, for indexes whose original events are zstd
 * frames (see {@link RawEvents}). The frames are compressed already: the blocks only squeeze the short fields
 * beside them (the key and provenance). Lucene's BEST_SPEED blocks hold up to 80 KB, and reading one hit inflates
 * its block up to that hit; a block of {@value #CHUNK} bytes bounds what each of a key's 5,000 scattered hits
 * inflates. Found by its name through Lucene's codec SPI (META-INF/services), so a segment written with it reads
 * back with it.
 */
public final class EventCodec extends FilterCodec {
    public static final String NAME = "TrailIndexEvents104";
    static final int CHUNK = Integer.getInteger("trailindex.lever.storedChunk", 4096);
    private final StoredFieldsFormat stored = new Lucene90CompressingStoredFieldsFormat("TrailIndexEventsStoredFields",
            CompressionMode.FAST, CHUNK, 128, 10);

    public EventCodec() {
        super(NAME, new Lucene104Codec(Lucene104Codec.Mode.BEST_SPEED));
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return stored;
    }
}
