package dev.trailindex.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the JSON files a user gives verify, with one-line errors. */
final class InputFiles {
    /** Key lists and signature maps are small; anything larger is not one. */
    private static final long MAX_BYTES = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private InputFiles() {
    }

    static JsonNode readJson(Path file, String option) {
        String where = option + " " + file;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IntegrityInputException(where + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IntegrityInputException(where + ": larger than " + (MAX_BYTES >> 20) + " MiB; not a " + option + " file");
            }
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || root.isMissingNode()) {
                throw new IntegrityInputException(where + ": empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new IntegrityInputException(where + ": not valid JSON (" + e.getOriginalMessage() + at + ")");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IntegrityInputException(where + ": permission denied");
        } catch (IOException e) {
            throw new IntegrityInputException(where + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
