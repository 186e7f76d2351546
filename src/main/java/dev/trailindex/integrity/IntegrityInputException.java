package dev.trailindex.integrity;

/** A file given to verify (--public-keys, --signatures) cannot be used: one line naming the file and what is wrong. */
public final class IntegrityInputException extends RuntimeException {
    public IntegrityInputException(String message) {
        super(message);
    }
}
