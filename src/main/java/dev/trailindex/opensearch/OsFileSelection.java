package dev.trailindex.opensearch;

import dev.trailindex.index.ReportBuilder;
import dev.trailindex.index.UnchangedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which of the files found need loading, from the manifest on the cluster: the local indexer's rules. */
final class OsFileSelection {
    /** A file to read, with its size and time when the run began. */
    record Candidate(Path path, long size, long mtime) {
    }

    private final Map<String, OsManifest.Entry> manifest;
    private final boolean full;
    private final List<OsManifest.Entry> touched = new ArrayList<>();

    OsFileSelection(Map<String, OsManifest.Entry> manifest, boolean full) {
        this.manifest = manifest;
        this.full = full;
    }

    /**
     * New files, changed ones and those that failed before; an unchanged one (same size and time, or same content
     * hash) is counted and left alone unless the run is --full.
     */
    List<Candidate> select(List<Path> files, ReportBuilder report) {
        List<Candidate> out = new ArrayList<>();
        for (Path p : files) {
            UnchangedFiles.Seen seen = UnchangedFiles.Seen.of(p);
            OsManifest.Entry known = manifest.get(p.toString());
            UnchangedFiles.Known k = known == null ? null
                    : new UnchangedFiles.Known(known.size(), known.mtime(), known.sha256(), known.failed());
            switch (UnchangedFiles.judge(p, seen, k, full)) {
                case READ -> out.add(new Candidate(p, seen.size(), seen.mtime()));
                case UNCHANGED -> report.unchanged();
                case TOUCHED -> {
                    touched.add(new OsManifest.Entry(known.path(), seen.size(), seen.mtime(), known.sha256(), known.events(), false));
                    report.unchanged();
                }
            }
        }
        return out;
    }

    /** Unchanged files with a new time, to record so the next run skips them without hashing. */
    List<OsManifest.Entry> touched() {
        return touched;
    }
}
