package dev.trailindex.ingest;

import java.util.Locale;

/** Why a file was skipped or failed, or why one event in it was rejected. */
public enum Reason {
    // Skipped: not an error, the file simply holds no CloudTrail events.
    DIGEST(Kind.SKIPPED, "CloudTrail-Digest file (integrity digest, not events)"),
    NOT_JSON(Kind.SKIPPED, "not JSON"),
    EMPTY(Kind.SKIPPED, "empty file"),
    NOT_CLOUDTRAIL(Kind.SKIPPED, "JSON that is not CloudTrail"),
    NOT_A_REGULAR_FILE(Kind.SKIPPED, "a FIFO, device or socket, not a file (pipe logs in with '-' instead)"),
    // Failed: broken input; good events before the break are still indexed.
    CORRUPT_GZIP(Kind.FAILED, "corrupt gzip data"),
    TRUNCATED_GZIP(Kind.FAILED, "truncated gzip data"),
    INVALID_JSON(Kind.FAILED, "invalid JSON"),
    TRUNCATED_JSON(Kind.FAILED, "truncated JSON"),
    NOT_AN_OBJECT(Kind.FAILED, "event is not a JSON object"),
    NO_NAME_OR_TIME(Kind.FAILED, "an object with CloudTrail keys but neither eventName nor eventTime: not an event"),
    INVALID_EMBEDDED_JSON(Kind.FAILED, "CloudTrailEvent string is not a JSON object"),
    EVENT_TOO_LARGE(Kind.FAILED, "event larger than the limit"),
    LIMIT_EXCEEDED(Kind.FAILED, "input exceeds a parser limit (nesting depth, string or number length)"),
    FILE_TOO_LARGE(Kind.FAILED, "file larger than the limit after decompression"),
    COMPRESSED(Kind.FAILED, "compressed with something other than gzip (bzip2, xz, zstd, zip, 7z): unpack it first"),
    ARCHIVE(Kind.FAILED, "a tar archive: unpack it first"),
    UTF_16(Kind.FAILED, "UTF-16 text; CloudTrail logs are UTF-8 (convert with iconv)"),
    UTF_32(Kind.FAILED, "UTF-32 text; CloudTrail logs are UTF-8 (convert with iconv)"),
    UNREADABLE(Kind.FAILED, "cannot read the file");

    /** Whether a reason means the input is simply not events, or broken. */
    public enum Kind { SKIPPED, FAILED }

    private final Kind kind;
    private final String description;

    Reason(Kind kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** The name used in reports and JSON output, e.g. {@code corrupt-gzip}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
