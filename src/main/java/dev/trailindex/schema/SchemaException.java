package dev.trailindex.schema;

/** The schema file is missing, unreadable or invalid; the message names the file and the problem. */
public class SchemaException extends RuntimeException {
    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaException(String message) {
        super(message);
    }
}
