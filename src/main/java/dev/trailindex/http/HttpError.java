package dev.trailindex.http;

/** A request that cannot be answered, with the status and the one-line message the client sees. */
final class HttpError extends RuntimeException {
    final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }
}
