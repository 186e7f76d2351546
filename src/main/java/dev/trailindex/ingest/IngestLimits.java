package dev.trailindex.ingest;

/**
 * Bounds on what one input may make the reader hold.
 *
 * @param maxEventBytes largest event (or JSON line) accepted, in bytes
 * @param maxDepth      deepest JSON nesting accepted
 */
public record IngestLimits(int maxEventBytes, int maxDepth) {
    public static final IngestLimits DEFAULT = new IngestLimits(64 << 20, 500);

    public IngestLimits {
        if (maxEventBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
