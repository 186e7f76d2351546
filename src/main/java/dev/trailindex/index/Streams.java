package dev.trailindex.index;

import dev.trailindex.ingest.EventSink;
import dev.trailindex.ingest.FileOutcome;
import dev.trailindex.ingest.InputWalker;
import dev.trailindex.ingest.LogFileReader;
import dev.trailindex.ingest.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads the stream inputs: standard input ({@code -}) and the {@code /dev/fd/N} a shell gives for a pipe. */
final class Streams {
    /** How standard input is named in reports and provenance. */
    static final String STDIN_NAME = "(stdin)";

    private Streams() {
    }

    static FileOutcome read(LogFileReader reader, Path p, EventSink sink) {
        boolean stdin = p.toString().equals(InputWalker.STDIN);
        String name = stdin ? STDIN_NAME : p.toString();
        if (stdin && isTerminal()) {
            return new FileOutcome(name, 0, Reason.UNREADABLE, "standard input is a terminal: pipe the logs in, "
                    + "e.g. zcat *.json.gz | trailindex index -", Map.of(), null);
        }
        if (stdin) {
            return reader.read(System.in, name, sink);
        }
        try (InputStream in = Files.newInputStream(p)) {
            return reader.read(in, name, sink);
        } catch (IOException e) {
            return new FileOutcome(name, 0, Reason.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage(), Map.of(), null);
        }
    }

    /** Whether this process's standard input is a terminal (Linux: what /proc/self/fd/0 links to). */
    private static boolean isTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
