package dev.trailindex.integrity;

import dev.trailindex.ingest.CorruptGzipException;
import dev.trailindex.ingest.GzipMembers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads one digest file: its first gzip member whole (digests are small), hashed before it is parsed. */
final class DigestReader {
    /** The largest digest read: an hour's listing of a busy organization trail is a few megabytes. */
    static final int MAX_BYTES = 16 << 20;

    private DigestReader() {
    }

    static DigestFacts read(int root, DigestKey key, Path file) {
        try (InputStream raw = Files.newInputStream(file); GzipMembers gz = new GzipMembers(raw)) {
            byte[] json = gz.readNBytes(MAX_BYTES + 1);
            if (json.length > MAX_BYTES) {
                return new DigestFacts(root, key, null, 0, null, "larger than " + (MAX_BYTES >> 20) + " MiB uncompressed");
            }
            gz.drain();
            DigestFile content = null;
            String problem = null;
            try {
                content = DigestParser.parse(firstMember(json, gz));
            } catch (DigestParser.InvalidDigestException e) {
                problem = e.getMessage();
            }
            return new DigestFacts(root, key, gz.firstMemberHash(), gz.trailingBytes(), content, problem);
        } catch (NoSuchFileException e) {
            return new DigestFacts(root, key, null, 0, null, "gone while verifying");
        } catch (IOException e) {
            return new DigestFacts(root, key, null, 0, null, e instanceof CorruptGzipException ? e.getMessage()
                    : "cannot be read: " + e.getMessage());
        }
    }

    /** The bytes of the first member only: an appended member is trailing data, not part of the digest. */
    private static byte[] firstMember(byte[] all, GzipMembers gz) {
        return gz.trailingBytes() == 0 ? all : java.util.Arrays.copyOf(all, (int) gz.firstMemberSize());
    }
}
