package dev.trailindex.integrity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The last verify run recorded beside an index ({@code verify --index DIR}), for {@code serve}'s {@code /api/coverage}:
 * the verdict, chains, breaks, hours, problems and notes of {@link ReportJson#writeCoverage}. Written whole under a
 * temporary name and renamed, so a reader sees the old run or the new one, never half of one.
 */
public final class CoverageStore {
    /** The file in the index folder; not a name Lucene would take for its own. */
    public static final String FILE = "ti-coverage.json";
    private static final JsonFactory JSON = new JsonFactory();

    private CoverageStore() {
    }

    public static void save(Path indexDir, VerifyReport report) {
        Path target = indexDir.resolve(FILE);
        Path part = indexDir.resolve("." + FILE + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part); JsonGenerator g = JSON.createGenerator(out)) {
                ReportJson.writeCoverage(g, report, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // The write failed already; that is what is reported.
            }
            throw new UncheckedIOException("cannot record the coverage in " + indexDir + ": " + e.getMessage(), e);
        }
    }

    /** The recorded run's JSON, or empty when no run was recorded for {@code indexDir}. */
    public static Optional<byte[]> load(Path indexDir) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(indexDir.resolve(FILE)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
