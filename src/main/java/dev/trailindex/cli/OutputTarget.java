package dev.trailindex.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * Where {@code export --out} writes, decided before anything is written. {@code -}, a path under {@code /dev} or
 * {@code /proc} (/dev/stdout, /dev/null, /dev/fd/N) and any existing target that is not a regular file (a device,
 * a FIFO) are written directly, never replaced. A regular file is written beside itself under a temporary name
 * and renamed over its target only when complete, so it appears whole or not at all; an existing file is replaced
 * only with {@code --force}, keeps its permissions, and a symbolic link keeps pointing where it did (its target is
 * what is replaced). A new file gets the permissions the umask gives (0644 by default).
 */
final class OutputTarget {
    /** The bytes' destination while they are written; {@link #commit()} makes them final. */
    interface Sink extends AutoCloseable {
        OutputStream stream();

        /** Everything is written: make it the target. */
        void commit() throws IOException;

        /** Releases the stream; without a commit, the partial file is removed. */
        @Override
        void close() throws IOException;
    }

    private final String name;
    private final Path target;
    private final boolean direct;
    private final boolean replaces;

    private OutputTarget(String name, Path target, boolean direct, boolean replaces) {
        this.name = name;
        this.target = target;
        this.direct = direct;
        this.replaces = replaces;
    }

    /** Whether the bytes go straight to standard output (so messages must go to standard error). */
    boolean isStdout() {
        return name.equals("-") || name.equals("/dev/stdout") || name.equals("/dev/fd/1") || name.equals("/proc/self/fd/1");
    }

    /** Whether the target's name asks for gzip. */
    boolean gzip() {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }

    /** Checks {@code out} before any work: a folder, a missing parent, or an existing file without force is refused. */
    static OutputTarget resolve(String out, boolean force) {
        if (out.equals("-")) {
            return new OutputTarget(out, null, true, false);
        }
        Path p = Path.of(out).toAbsolutePath().normalize();
        if (out.startsWith("/dev/") || out.startsWith("/proc/")) {
            return new OutputTarget(out, p, true, false);
        }
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            throw new UsageError(out + " is a symbolic link to nothing; give the file to write");
        }
        Path real = p;
        try {
            if (Files.exists(p)) {
                real = p.toRealPath();
            }
        } catch (IOException e) {
            throw new UsageError("cannot use " + out + ": " + e.getMessage());
        }
        if (Files.isDirectory(real)) {
            throw new UsageError(out + " is a folder; give a file name, e.g. " + p.resolve("incident.json.gz"));
        }
        if (Files.exists(real) && !Files.isRegularFile(real)) {
            return new OutputTarget(out, real, true, false);
        }
        Path parent = real.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageError("the folder of " + out + " does not exist; create it first");
        }
        boolean exists = Files.exists(real, LinkOption.NOFOLLOW_LINKS);
        if (exists && !force) {
            throw new UsageError(out + " exists; add --force to replace it");
        }
        return new OutputTarget(out, real, false, exists);
    }

    /** Opens the destination; {@code stdout} is used for {@code -}. */
    Sink open(OutputStream stdout) throws IOException {
        if (target == null || (direct && isStdout())) {
            return direct(stdout, false);
        }
        if (direct) {
            return direct(Files.newOutputStream(target, StandardOpenOption.WRITE), true);
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".part");
        OutputStream os;
        try {
            os = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileSystemException e) {
            throw new UsageError("cannot write in the folder of " + name + ": " + dev.trailindex.index.FileErrors.describe(e));
        }
        // Ctrl-C leaves no partial file behind.
        tmp.toFile().deleteOnExit();
        return new Sink() {
            private boolean committed;

            @Override
            public OutputStream stream() {
                return os;
            }

            @Override
            public void commit() throws IOException {
                os.close();
                if (replaces) {
                    keepPermissions(target, tmp);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                committed = true;
            }

            @Override
            public void close() throws IOException {
                os.close();
                if (!committed) {
                    Files.deleteIfExists(tmp);
                }
            }
        };
    }

    private static Sink direct(OutputStream os, boolean closeIt) {
        return new Sink() {
            @Override
            public OutputStream stream() {
                return os;
            }

            @Override
            public void commit() throws IOException {
                os.flush();
            }

            @Override
            public void close() throws IOException {
                if (closeIt) {
                    os.close();
                } else {
                    os.flush();
                }
            }
        };
    }

    private static void keepPermissions(Path from, Path to) {
        PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (src == null || dst == null) {
            return;
        }
        try {
            dst.setPermissions(src.readAttributes().permissions());
        } catch (IOException | SecurityException e) {
            // The new file keeps the umask's permissions: still readable by its owner.
        }
    }
}
