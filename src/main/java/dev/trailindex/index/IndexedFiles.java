package dev.trailindex.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The files an index has read, as {@code verify --index} sees them: the content facts of a log file the indexer read
 * whole, as long as the file still has the size and modification time it had then, and the digest files runs have seen.
 * Size and time are what {@code index} itself trusts to skip an unchanged file; a change that keeps both is not seen
 * (only reading the file again would show it).
 */
public final class IndexedFiles {
    private final FileManifest manifest;

    private IndexedFiles(FileManifest manifest) {
        this.manifest = manifest;
    }

    public static IndexedFiles load(Path indexDir) throws IOException {
        return new IndexedFiles(FileManifest.load(indexDir));
    }

    /** What the index learnt of {@code file} (an absolute path, as the walk finds it), if the file is unchanged since. */
    public Optional<IndexedContent> unchanged(Path file) {
        FileManifest.Entry e = manifest.get(file.toString());
        if (e == null || e.failed() || e.content() == null) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.size() == e.size() && a.lastModifiedTime().toMillis() == e.mtime()) {
                return Optional.of(e.content());
            }
        } catch (IOException gone) {
            // Vanished or unreadable now: reading it says so.
        }
        return Optional.empty();
    }

    /** How many distinct digest files runs on this index have seen. */
    public int digestFiles() {
        return manifest.digests().size();
    }

    /** The digest files runs on this index have seen, by path. */
    public Set<String> digests() {
        return manifest.digests();
    }

    /** Records digest files seen (by verify); those already known are not written again. */
    public static void recordDigests(Path indexDir, Collection<Path> digests) throws IOException {
        FileManifest.load(indexDir).appendDigests(digests.stream().map(Path::toString).toList());
    }
}
