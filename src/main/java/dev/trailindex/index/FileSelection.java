package dev.trailindex.index;

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
            long size = -1;
            long mtime = -1;
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                size = a.size();
                mtime = a.lastModifiedTime().toMillis();
            } catch (IOException e) {
                // Vanished or unreadable: reading it reports why.
            }
            FileManifest.Entry known = manifest.get(p.toString());
            if (!full && known != null && !known.failed() && size >= 0) {
                if (known.size() == size && known.mtime() == mtime) {
                    report.unchanged();
                    continue;
                }
                if (known.size() == size && known.sha256().equals(sha256(p))) {
                    // Touched, not changed: remember the new time so the next run skips it without hashing.
                    committer.fileDone(new FileManifest.Entry(known.path(), size, mtime, known.sha256(), known.events(), false,
                            known.content()));
                    report.unchanged();
                    continue;
                }
            }
            out.add(new Candidate(p, size, mtime));
        }
        return out;
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
