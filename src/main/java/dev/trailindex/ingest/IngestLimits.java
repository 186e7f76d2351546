package dev.trailindex.ingest;

/**
 * Bounds on what one input may make the reader hold or read, so no file, however hostile, can exhaust memory
 * or run forever. Each has a safe default and a CLI option.
 *
 * @param maxEventBytes largest event (or JSON line) accepted, in bytes; also bounds any single JSON string
 * @param maxDepth      deepest JSON nesting accepted
 * @param maxFileBytes  most bytes read from one file after decompression (a gzip bomb stops here)
 */
public record IngestLimits(int maxEventBytes, int maxDepth, long maxFileBytes) {
    /** 8 MiB events (CloudTrail's own are far smaller), 500 levels, 4 GiB per decompressed file. */
    public static final IngestLimits DEFAULT = new IngestLimits(8 << 20, 500, 4L << 30);

    public IngestLimits {
        if (maxEventBytes <= 0 || maxDepth <= 0 || maxFileBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
