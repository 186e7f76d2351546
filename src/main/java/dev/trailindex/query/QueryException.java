package dev.trailindex.query;

/**
 * A query the user wrote cannot be run; the message is one line meant for them. A syntax error also carries the
 * query and the column it points at, for a caret under it.
 */
public class QueryException extends RuntimeException {
    private final String query;
    private final int column;

    public QueryException(String message, Throwable cause, String query, int column) {
        super(message, cause);
        this.query = query;
        this.column = column;
    }

    /** The query a syntax error is in, or null. */
    public String query() {
        return query;
    }

    /** The 0-based column of {@link #query()} the error points at, or -1. */
    public int column() {
        return query == null ? -1 : column;
    }

    public QueryException(String message) {
        this(message, null, null, -1);
    }

    public QueryException(String message, Throwable cause) {
        this(message, cause, null, -1);
    }
}
