package dev.trailindex.ingest;

/**
 * The hash of a file's content as CloudTrail's digests record it, taken while the file was read for its events.
 *
 * @param sha256        lower-case hex SHA-256 of the uncompressed content: of the first gzip member for a gzip file
 *                      (the bytes CloudTrail hashes), of the bytes as stored for any other file
 * @param gzip          whether the file is gzip
 * @param gzipMembers   gzip members read whole (0 for a file that is not gzip)
 * @param trailingBytes bytes after the first gzip member: another member, or anything else (0 when there are none)
 */
public record ContentHash(String sha256, boolean gzip, int gzipMembers, long trailingBytes) {
}
