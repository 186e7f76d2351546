package dev.trailindex.index;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** File-system failures in words: which file, what is wrong with it, never an exception's class name. */
public final class FileErrors {
    private FileErrors() {
    }

    public static String describe(FileSystemException e) {
        String file = e.getFile() == null ? "a file" : e.getFile();
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + file;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + file;
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists: " + file;
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder: " + file;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty: " + file;
        }
        String reason = e.getReason() == null ? "cannot be used" : e.getReason();
        return file + ": " + reason;
    }
}
