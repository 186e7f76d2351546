package dev.trailindex.integrity;

import dev.trailindex.ingest.CorruptGzipException;
import dev.trailindex.ingest.GzipMembers;
import dev.trailindex.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads one log file in one pass: hashes its first gzip member, counts its members and trailing bytes, and its events. */
final class LogFileCheck {
    private final EventScanner scanner;

    LogFileCheck(Schema schema) {
        this.scanner = new EventScanner(schema);
    }

    /** The facts of {@code file}; a file that cannot be read gives facts with a problem, never an exception. */
    LogFacts check(Path file) {
        try (InputStream raw = Files.newInputStream(file); GzipMembers gz = new GzipMembers(raw)) {
            EventScanner.Content c = scanner.scan(gz);
            gz.drain();
            return new LogFacts(gz.firstMemberHash(), gz.members(), gz.trailingBytes(), c.events(), c.perHour(),
                    c.controls(), c.problem());
        } catch (NoSuchFileException e) {
            return LogFacts.unreadable("gone while verifying");
        } catch (IOException e) {
            return LogFacts.unreadable(e instanceof CorruptGzipException ? e.getMessage()
                    : "cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
