package dev.trailindex.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Finds the input files under the paths a user names: files as given, folders walked recursively (following
 * links, with loops detected), hidden names ({@code .git}, {@code .DS_Store}) left out. Which files hold events
 * is decided by their content, not their names. Paths that cannot be walked become failed outcomes.
 */
public final class InputWalker {

    /** The name that means standard input. */
    public static final String STDIN = "-";

    /**
     * The inputs found, in a stable order (sorted by path), and the paths decided while walking.
     *
     * @param files    absolute, normalised regular files
     * @param streams  inputs read once as they come (standard input, {@code /dev/fd/N} of a pipe): never recorded
     *                 as ingested, so never skipped as unchanged; in the order given
     * @param outcomes one outcome per path that could not be walked or is not a regular file (FIFO, device)
     */
    public record Found(List<Path> files, List<Path> streams, List<FileOutcome> outcomes) {
        /** Whether there is anything to read. */
        public boolean any() {
            return !files.isEmpty() || !streams.isEmpty();
        }
    }

    private InputWalker() {
    }

    /** Walks {@code roots}, leaving out {@code exclude} (the index folder) and everything under it. */
    public static Found walk(List<Path> roots, Path exclude) {
        List<Path> files = new ArrayList<>();
        List<Path> streams = new ArrayList<>();
        List<FileOutcome> outcomes = new ArrayList<>();
        Path skip = exclude == null ? null : exclude.toAbsolutePath().normalize();
        for (Path root : roots) {
            if (root.toString().equals(STDIN) || isStreamPath(root)) {
                if (!streams.contains(root)) {
                    streams.add(root);
                }
                continue;
            }
            Path abs = root.toAbsolutePath().normalize();
            if (!Files.exists(abs)) {
                outcomes.add(error(abs, "no such file or folder"));
            } else if (Files.isDirectory(abs)) {
                walkFolder(abs, skip, files, outcomes);
            } else if (Files.isRegularFile(abs)) {
                files.add(abs);
            } else {
                outcomes.add(notRegular(abs));
            }
        }
        files.sort(null);
        return new Found(List.copyOf(files.stream().distinct().toList()), List.copyOf(streams), List.copyOf(outcomes));
    }

    public static Found walk(List<Path> roots) {
        return walk(roots, null);
    }

    /**
     * Standard input and the file descriptors a shell hands over ({@code /dev/stdin}, {@code <(...)} as
     * {@code /dev/fd/63}): streams, whatever they point to. A named FIFO elsewhere is not one (nothing may ever
     * write to it, and opening it would wait forever).
     */
    static boolean isStreamPath(Path p) {
        String s = p.toString();
        return s.equals("/dev/stdin") || s.startsWith("/dev/fd/") || s.matches("/proc/(self|[0-9]+)/fd/[0-9]+");
    }

    private static void walkFolder(Path dir, Path exclude, List<Path> files, List<FileOutcome> outcomes) {
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(exclude)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return !d.equals(dir) && hidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (hidden(f)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile()) {
                        files.add(f);
                    } else if (attrs.isSymbolicLink()) {
                        // Following it failed: the link points nowhere.
                        outcomes.add(error(f, "broken symbolic link"));
                    } else {
                        outcomes.add(notRegular(f));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    outcomes.add(error(f, describe(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            outcomes.add(error(dir, describe(e)));
        }
    }

    /** A FIFO, device or socket: never opened (a FIFO would block, a device may never end). */
    private static FileOutcome notRegular(Path p) {
        String what = "not a regular file";
        try {
            int type = ((Integer) Files.getAttribute(p, "unix:mode")) & 0170000;
            what = switch (type) {
                case 0010000 -> "a FIFO (named pipe); to read a pipe, give '-' and pipe into standard input";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> what;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // No unix view here: the generic words do.
        }
        return new FileOutcome(p.toString(), 0, Reason.NOT_A_REGULAR_FILE, what, Map.of(), null);
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof NoSuchFileException) {
            return "vanished while walking";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static FileOutcome error(Path p, String detail) {
        return new FileOutcome(p.toString(), 0, Reason.UNREADABLE, detail, Map.of(), null);
    }
}
