package dev.trailindex.sigma;

/** A rule, or a part of it, that cannot be read or run; the message names the file and the part. */
public final class SigmaException extends RuntimeException {
    public SigmaException(String message) {
        super(message);
    }
}
