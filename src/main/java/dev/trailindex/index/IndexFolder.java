package dev.trailindex.index;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What {@code --index} may point at. Lucene deletes every file in its folder that looks like one of its own and
 * is not part of a commit ({@code _notes.txt}, {@code pending_segments_1}...), so trailindex writes only into a
 * folder that does not exist, is empty, or is already a trailindex index, recognised by its marker file (or, for
 * indexes built before the marker, by the schema version in its commit). Anything else is refused untouched.
 */
public final class IndexFolder {
    /** The file that says a folder is a trailindex index; written first, before any Lucene file. */
    static final String MARKER = "trailindex-index.json";
    /** Present while an indexer runs; found at the start of a run, it means the last one did not finish. */
    static final String UNFINISHED = "trailindex-run-unfinished";

    private IndexFolder() {
    }

    /** The state of an --index folder before a run. */
    enum State { ABSENT, EMPTY, INDEX }

    /** Says what {@code dir} is; throws, touching nothing, if it is something trailindex must not write into. */
    static State inspect(Path dir) {
        if (!Files.exists(dir)) {
            return State.ABSENT;
        }
        if (!Files.isDirectory(dir)) {
            throw new IndexException(dir + " is a file, not an index folder: give --index a new or empty folder");
        }
        List<String> names = list(dir);
        if (names.isEmpty()) {
            return State.EMPTY;
        }
        if (names.contains(MARKER) || names.contains(FileManifest.NAME) || hasOurCommit(dir)) {
            return State.INDEX;
        }
        names.sort(null);
        throw new IndexException(dir + " is not a trailindex index and is not empty (" + names.size() + " entries, e.g. "
                + String.join(", ", names.subList(0, Math.min(3, names.size()))) + "): nothing was written; "
                + "give --index a new or empty folder");
    }

    /** Creates the folder if needed and writes the marker, before Lucene writes anything. */
    static void claim(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path marker = dir.resolve(MARKER);
        if (!Files.exists(marker)) {
            Files.writeString(marker, "{\"format\":\"trailindex-index\",\"note\":\"a trailindex index: "
                    + "every file in this folder belongs to it\"}\n");
        }
    }

    /**
     * Removes a new index that got no event, so a failed first run leaves nothing behind. Only for a folder that
     * was absent or empty when the run began, whose every file is therefore the run's own.
     */
    static void discard(Path dir, State before) throws IOException {
        for (String name : list(dir)) {
            Files.deleteIfExists(dir.resolve(name));
        }
        if (before == State.ABSENT) {
            Files.deleteIfExists(dir);
        }
    }

    /** How many files the index's runs have read and recorded (each path once), whatever they held. */
    public static long filesRecorded(Path dir) {
        try {
            return FileManifest.load(dir).size();
        } catch (IOException e) {
            return 0;
        }
    }

    /** What the manifest of the index at {@code dir} records: files read by index, and digest files seen. */
    public record Recorded(long files, long digests) {
    }

    /** The manifest's counts, read once; zeros when it cannot be read. */
    public static Recorded recorded(Path dir) {
        try {
            FileManifest m = FileManifest.load(dir);
            return new Recorded(m.size(), m.digests().size());
        } catch (IOException e) {
            return new Recorded(0, 0);
        }
    }

    /** Marks a run as under way (the write lock is held); returns whether the last run did not finish. */
    static boolean startRun(Path dir) throws IOException {
        Path m = dir.resolve(UNFINISHED);
        if (Files.exists(m)) {
            return true;
        }
        Files.writeString(m, "a trailindex index run is under way or was killed; the next run checks the index\n");
        return false;
    }

    /** The run finished: its last commit is durable. */
    static void finishRun(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(UNFINISHED));
    }

    /** Whether a run is under way or was killed before it finished. */
    static boolean runUnfinished(Path dir) {
        return Files.exists(dir.resolve(UNFINISHED));
    }

    /**
     * Why a folder without a commit is not a searchable index yet: an indexer is building it, or one was stopped
     * before its first commit; null when neither.
     */
    public static String whyNoCommit(Path dir, Directory d) {
        if (!runUnfinished(dir)) {
            return null;
        }
        try (org.apache.lucene.store.Lock lock = d.obtainLock(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME)) {
            return "the index at " + dir + " has no commit yet: a 'trailindex index' run into it stopped before its "
                    + "first commit; run that command again";
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            return "the index at " + dir + " is being built by a running 'trailindex index'; its first commit comes "
                    + "within its --commit-interval (10 s by default): try again in a moment";
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean hasOurCommit(Path dir) {
        try (Directory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) {
                return false;
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(d).getUserData();
            return IndexMeta.isOurs(data);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> list(Path dir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            throw new IndexException("cannot read the index folder " + dir + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        return names;
    }
}
