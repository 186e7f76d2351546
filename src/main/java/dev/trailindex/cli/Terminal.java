package dev.trailindex.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * How wide the output may be: {@code $COLUMNS}, else the terminal's own width when standard output is one, else 120
 * (piped output). The system property {@code trailindex.columns} overrides all three (for tests).
 */
final class Terminal {
    /** Width when standard output is not a terminal, or when a terminal's width cannot be read. */
    static final int PIPED = 120;
    /** Narrower than this, tables are printed at this width anyway and wrap. */
    static final int MIN = 40;

    private Terminal() {
    }

    /** The terminal's own width, asked once per process (it costs a fork of stty). */
    private static volatile Integer ttyWidth;
    private static volatile boolean asked;

    static int width() {
        Integer w = parse(System.getProperty("trailindex.columns"));
        if (w == null) {
            w = parse(System.getenv("COLUMNS"));
        }
        if (w == null) {
            if (!asked) {
                ttyWidth = isTerminal() ? sttyWidth() : null;
                asked = true;
            }
            w = ttyWidth;
        }
        return Math.max(MIN, w == null ? PIPED : w);
    }

    private static Integer parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(s.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether standard output is a terminal: a Console exists (JDK 21), and on JDK 22+ it says it is one. */
    private static boolean isTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** The terminal's columns from {@code stty size}, or null. */
    private static Integer sttyWidth() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            String[] parts = out.split("\\s+");
            return parts.length == 2 ? parse(parts[1]) : null;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }
}
