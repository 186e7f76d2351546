package dev.trailindex.index;

/**
 * Measurement switches for the index-size and indexing-speed levers of issue 15 (benchmarks/RESULTS.md): system
 * properties read once, all off by default, for benchmarks only. An index built with one on is not a supported
 * index (a phrase over the full text fails without positions; provenance in doc values is not read back).
 */
final class Levers {
    /** {@code trailindex.lever.textPositions=false}: the catch-all full-text field without positions. */
    static final boolean TEXT_POSITIONS = !"false".equals(System.getProperty("trailindex.lever.textPositions"));
    /** {@code trailindex.lever.provenanceDocValues=true}: record, offset and line as numeric doc values, not stored. */
    static final boolean PROVENANCE_DOC_VALUES = Boolean.getBoolean("trailindex.lever.provenanceDocValues");
    /** {@code trailindex.lever.storedDeflate=true}: DEFLATE stored fields even when the events are zstd frames. */
    static final boolean STORED_DEFLATE = Boolean.getBoolean("trailindex.lever.storedDeflate");
    /** {@code trailindex.lever.storedLuceneLz4=true}: Lucene's BEST_SPEED stored fields rather than {@link EventCodec}'s. */
    static final boolean STORED_LUCENE_LZ4 = Boolean.getBoolean("trailindex.lever.storedLuceneLz4");
    /** {@code trailindex.lever.ramBufferMb=N}: Lucene's indexing buffer instead of the run's option. */
    static final int RAM_BUFFER_MB = Integer.getInteger("trailindex.lever.ramBufferMb", 0);

    private Levers() {
    }
}
