package dev.trailindex.opensearch;

import dev.trailindex.index.ReportBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
            long size = -1;
            long mtime = -1;
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                size = a.size();
                mtime = a.lastModifiedTime().toMillis();
            } catch (IOException e) {
                // Vanished or unreadable: reading it reports why.
            }
            OsManifest.Entry known = manifest.get(p.toString());
            if (!full && known != null && !known.failed() && size >= 0) {
                if (known.size() == size && known.mtime() == mtime) {
                    report.unchanged();
                    continue;
                }
                if (known.size() == size && known.sha256().equals(sha256(p))) {
                    touched.add(new OsManifest.Entry(known.path(), size, mtime, known.sha256(), known.events(), false));
                    report.unchanged();
                    continue;
                }
            }
            out.add(new Candidate(p, size, mtime));
        }
        return out;
    }

    /** Unchanged files with a new time, to record so the next run skips them without hashing. */
    List<OsManifest.Entry> touched() {
        return touched;
    }

    private static String sha256(Path p) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "";
        }
    }
}
