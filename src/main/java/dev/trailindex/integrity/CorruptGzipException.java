package dev.trailindex.integrity;

import java.io.IOException;

/** The first gzip member of a file cannot be read: not gzip, damaged, or cut short. */
final class CorruptGzipException extends IOException {
    CorruptGzipException(String message) {
        super(message);
    }
}
