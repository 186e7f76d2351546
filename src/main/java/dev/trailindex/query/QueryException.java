package dev.trailindex.query;

/** A query the user wrote cannot be run; the message is one line meant for them. */
public class QueryException extends RuntimeException {
    public QueryException(String message) {
        super(message);
    }

    public QueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
