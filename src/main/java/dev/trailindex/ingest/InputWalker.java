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

    /**
     * The files found, in a stable order (sorted by path), and the paths that could not be read.
     *
     * @param files  absolute, normalised input files
     * @param errors one outcome per path that could not be walked
     */
    public record Found(List<Path> files, List<FileOutcome> errors) {
    }

    private InputWalker() {
    }

    public static Found walk(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        List<FileOutcome> errors = new ArrayList<>();
        for (Path root : roots) {
            Path abs = root.toAbsolutePath().normalize();
            if (!Files.exists(abs)) {
                errors.add(error(abs, "no such file or folder"));
            } else if (Files.isDirectory(abs)) {
                walkFolder(abs, files, errors);
            } else {
                files.add(abs);
            }
        }
        files.sort(null);
        return new Found(List.copyOf(files.stream().distinct().toList()), List.copyOf(errors));
    }

    private static void walkFolder(Path dir, List<Path> files, List<FileOutcome> errors) {
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
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
                        errors.add(error(f, "broken symbolic link"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    errors.add(error(f, describe(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            errors.add(error(dir, describe(e)));
        }
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
