package dev.trailindex.trace;

import dev.trailindex.query.QueryException;

/** No event was made with, issued or mentions the credential: a usage error on the command line, a 404 over HTTP. */
public final class UnknownCredentialException extends QueryException {
    public UnknownCredentialException(String message) {
        super(message);
    }
}
