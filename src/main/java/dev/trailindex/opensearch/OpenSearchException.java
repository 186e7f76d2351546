package dev.trailindex.opensearch;

/**
 * A cluster that cannot be used: unreachable, credentials refused, no template or one from another schema version,
 * an index that is read-only, a mapping that rejects a document. The message is one line for the user; the kind
 * says whether trying again later may help.
 */
public final class OpenSearchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the caller needs to decide. */
    public enum Kind {
        /** No connection, or the connection broke: the cluster may be down. */
        UNREACHABLE,
        /** 401 or 403. */
        CREDENTIALS,
        /** No trailindex template, or one from another schema version. */
        SCHEMA,
        /** Writes blocked (index.blocks.write, read_only_allow_delete after a full disk...). */
        READ_ONLY,
        /** The mapping refused a document or a field. */
        MAPPING,
        /** 429 or 503, or a timeout: the cluster is busy; retrying later may succeed. */
        BUSY,
        /** Anything else the cluster answered with an error. */
        FAILED
    }

    private final Kind kind;

    public OpenSearchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public OpenSearchException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether waiting and trying again may help. */
    public boolean retryable() {
        return kind == Kind.BUSY || kind == Kind.UNREACHABLE;
    }
}
