package dev.trailindex.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Decides which of the files found need reading, from what the manifest says the index already holds. */
final class FileSelection {
    private final FileManifest manifest;
    private final boolean full;

    FileSelection(FileManifest manifest, boolean full) {
        this.manifest = manifest;
        this.full = full;
    }

    /**
     * An input to read, with what it looked like when the run began; a {@code stream} (standard input, a pipe)
     * is read once as it comes and never recorded as ingested.
     */
    record Candidate(Path path, long size, long mtime, boolean stream) {
        Candidate(Path path, long size, long mtime) {
            this(path, size, mtime, false);
        }

        static Candidate stream(Path p) {
            return new Candidate(p, -1, -1, true);
        }
    }

    /**
     * The files that need reading: new ones, changed ones, and those that failed before. An unchanged file (same
     * size and time, or same content hash) is counted and left alone unless the run is --full.
     */
    List<Candidate> select(List<Path> files, ReportBuilder report, Committer committer) {
        List<Candidate> out = new ArrayList<>();
        for (Path p : files) {
            UnchangedFiles.Seen seen = UnchangedFiles.Seen.of(p);
            FileManifest.Entry known = manifest.get(p.toString());
            UnchangedFiles.Known k = known == null ? null
                    : new UnchangedFiles.Known(known.size(), known.mtime(), known.sha256(), known.failed());
            switch (UnchangedFiles.judge(p, seen, k, full)) {
                case READ -> out.add(new Candidate(p, seen.size(), seen.mtime()));
                case UNCHANGED -> report.unchanged();
                case TOUCHED -> {
                    // Touched, not changed: remember the new time so the next run skips it without hashing.
                    committer.fileDone(new FileManifest.Entry(known.path(), seen.size(), seen.mtime(), known.sha256(),
                            known.events(), false, known.content()));
                    report.unchanged();
                }
            }
        }
        return out;
    }
}
