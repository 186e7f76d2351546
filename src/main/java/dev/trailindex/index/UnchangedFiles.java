package dev.trailindex.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The rule that decides whether a file found again needs reading, for every place that keeps a manifest of files
 * read (the local index, a cluster): new, changed and failed files are read; an unchanged one (same size and time,
 * or same size and content hash) is not, unless the run is --full.
 */
public final class UnchangedFiles {
    private UnchangedFiles() {
    }

    /** What to do with a file. */
    public enum Verdict {
        /** Read it. */
        READ,
        /** Leave it: same size and time as recorded. */
        UNCHANGED,
        /** Leave it, but record its new time: same size and content, touched since. */
        TOUCHED
    }

    /** A file's size and modification time as found now (-1 when it cannot be read: reading it reports why). */
    public record Seen(long size, long mtime) {
        public static Seen of(Path p) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                return new Seen(a.size(), a.lastModifiedTime().toMillis());
            } catch (IOException e) {
                return new Seen(-1, -1);
            }
        }
    }

    /** What the manifest says of a file read before. */
    public record Known(long size, long mtime, String sha256, boolean failed) {
    }

    /** The verdict on {@code p}, seen now as {@code seen}, recorded as {@code known} (null: never read). */
    public static Verdict judge(Path p, Seen seen, Known known, boolean full) {
        if (full || known == null || known.failed() || seen.size() < 0 || known.size() != seen.size()) {
            return Verdict.READ;
        }
        if (known.mtime() == seen.mtime()) {
            return Verdict.UNCHANGED;
        }
        return known.sha256().equals(sha256(p)) ? Verdict.TOUCHED : Verdict.READ;
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
