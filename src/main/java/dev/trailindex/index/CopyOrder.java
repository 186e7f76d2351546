package dev.trailindex.index;

import java.nio.file.Path;

/**
 * Which of two copies of one event wins, wherever copies meet (the local index, a cluster): a whole copy beats a
 * partial one, then the earlier file path, then the earlier record in the file.
 */
public final class CopyOrder {
    private CopyOrder() {
    }

    /** Whether the copy at ({@code file}, {@code record}) ranks after the one at ({@code otherFile}, {@code otherRecord}). */
    public static boolean after(String file, long record, boolean partial, String otherFile, long otherRecord,
            boolean otherPartial) {
        if (partial != otherPartial) {
            return partial;
        }
        int c = Path.of(file).compareTo(Path.of(otherFile));
        return c > 0 || (c == 0 && record > otherRecord);
    }
}
