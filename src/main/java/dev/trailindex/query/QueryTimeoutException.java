package dev.trailindex.query;

/** A search ran past the configured time limit and was stopped; the message says so in one line. */
public class QueryTimeoutException extends RuntimeException {
    public QueryTimeoutException(String message) {
        super(message);
    }
}
