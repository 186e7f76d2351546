package dev.trailindex.integrity;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds the digest and log files under the paths a user names: a synced bucket, or any folder or file of one. A file
 * counts when its absolute path holds an {@code AWSLogs} folder followed by CloudTrail's layout; the folder that
 * holds {@code AWSLogs} is its <em>root</em> (the bucket, or the folder of the key prefix), and keys are read from
 * {@code AWSLogs/} on. Links are followed, hidden names skipped; only names are looked at, never contents.
 */
final class BucketScan {
    private static final String AWS_LOGS = "/AWSLogs/";

    /** A digest found on disk, in root {@code root}. */
    record FoundDigest(int root, DigestKey key) {
    }

    /** A log file found on disk, in root {@code root}. */
    record FoundLog(int root, LogKey key) {
    }

    /**
     * What a walk found.
     *
     * @param roots      the folders holding {@code AWSLogs}
     * @param other      files that are neither (Insights, other services, files outside {@code AWSLogs})
     * @param unreadable paths that could not be walked, with the reason
     */
    record Found(List<Path> roots, List<FoundDigest> digests, List<FoundLog> logs, long other, List<String> unreadable) {
        Path path(int root, String tail) {
            return roots.get(root).resolve(tail);
        }
    }

    private final List<Path> roots = new ArrayList<>();
    private final List<FoundDigest> digests = new ArrayList<>();
    private final List<FoundLog> logs = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private long other;

    private BucketScan() {
    }

    /** Walks {@code paths}; a path that does not exist is reported as unreadable, never thrown. */
    static Found walk(List<Path> paths) {
        BucketScan scan = new BucketScan();
        for (Path p : paths) {
            scan.walkOne(p.toAbsolutePath().normalize());
        }
        scan.digests.sort(Comparator.comparing((FoundDigest d) -> d.key().tail()).thenComparingInt(FoundDigest::root));
        scan.logs.sort(Comparator.comparing((FoundLog l) -> l.key().tail()).thenComparingInt(FoundLog::root));
        List<FoundDigest> ds = scan.digests.stream().distinct().toList();
        List<FoundLog> ls = scan.logs.stream().distinct().toList();
        return new Found(List.copyOf(scan.roots), ds, ls, scan.other, List.copyOf(scan.unreadable));
    }

    private void walkOne(Path start) {
        if (!Files.exists(start)) {
            unreadable.add(start + ": no such file or folder");
            return;
        }
        try {
            Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(start) && hidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !hidden(f)) {
                        add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    unreadable.add(f + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            unreadable.add(start + ": " + e.getMessage());
        }
    }

    private void add(Path file) {
        String s = file.toString();
        int at = s.lastIndexOf(AWS_LOGS);
        if (at < 0) {
            other++;
            return;
        }
        String tail = s.substring(at + 1);
        var digest = DigestKey.parse(tail);
        if (digest.isPresent()) {
            digests.add(new FoundDigest(root(s.substring(0, at)), digest.get()));
            return;
        }
        var log = LogKey.parse(tail);
        if (log.isPresent()) {
            logs.add(new FoundLog(root(s.substring(0, at)), log.get()));
        } else {
            other++;
        }
    }

    private int root(String folder) {
        Path p = Path.of(folder.isEmpty() ? "/" : folder);
        int i = roots.indexOf(p);
        if (i < 0) {
            roots.add(p);
            i = roots.size() - 1;
        }
        return i;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
