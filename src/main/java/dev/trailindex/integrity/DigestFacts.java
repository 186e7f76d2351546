package dev.trailindex.integrity;

/**
 * What reading one digest file found.
 *
 * @param root          the root it was found in
 * @param sha256        SHA-256 of its uncompressed bytes, or null when they could not be read
 * @param trailingBytes bytes after its first gzip member
 * @param content       its parsed content, or null when it is not a valid digest
 * @param problem       why it could not be read or parsed, or null
 */
record DigestFacts(int root, DigestKey key, byte[] sha256, long trailingBytes, DigestFile content, String problem) {
}
