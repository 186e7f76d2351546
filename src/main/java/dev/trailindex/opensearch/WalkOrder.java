package dev.trailindex.opensearch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rank of a copy of an event: whole copies before cut ones, then by file path, then by record in the file, as
 * the local index ranks copies of different runs. A file read in this run or an earlier one ranks in the same order,
 * so copies already on the cluster compare with this run's by number.
 */
final class WalkOrder {
    private static final long PARTIAL_BIT = 1L << 62;
    private final List<Path> files;

    /** {@code files}: this run's files; sorted here. */
    WalkOrder(List<Path> files) {
        this.files = new ArrayList<>(files);
        Collections.sort(this.files);
    }

    /** This run's files in rank order. */
    List<Path> files() {
        return files;
    }

    long rank(String file, long record, boolean partial) {
        int i = Collections.binarySearch(files, Path.of(file));
        // This run's files at odd places, any other file between them at even ones.
        long place = i >= 0 ? 2L * i + 1 : 2L * (-i - 1);
        if (place >= 1L << 30) {
            throw new IllegalStateException("more than 2^29 files in one run");
        }
        return (partial ? PARTIAL_BIT : 0) | (place << 32) | (record & 0xffffffffL);
    }
}
