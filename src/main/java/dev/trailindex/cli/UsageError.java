package dev.trailindex.cli;

/** A request the command cannot carry out as given (a target that exists, a missing folder): one line, exit 2. */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }
}
