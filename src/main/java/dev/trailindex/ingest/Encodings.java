package dev.trailindex.ingest;

/**
 * Recognises text that is not UTF-8 by its first bytes, before a JSON parser sees it. Jackson would detect UTF-16
 * and UTF-32 by itself and then report character offsets where byte offsets are expected; CloudTrail writes UTF-8
 * only, so such a file is refused with a reason and a hint instead. JSON in UTF-8 never holds a zero byte (control
 * characters must be escaped), so zero bytes among the first four, or a UTF-16/32 byte-order mark, settle it.
 */
final class Encodings {
    /** A detected encoding other than UTF-8: its name and the reason a file in it fails with. */
    record Foreign(String name, Reason reason) {
        String hint(String file) {
            return name + " text: convert it to UTF-8 first, e.g. iconv -f " + name + " -t UTF-8 '" + file + "' > converted.json";
        }
    }

    private Encodings() {
    }

    /** The encoding of a text starting with {@code head[0..n)}, or null for UTF-8 (or too few bytes to tell). */
    static Foreign sniff(byte[] head, int n) {
        int b0 = n > 0 ? head[0] & 0xFF : -1;
        int b1 = n > 1 ? head[1] & 0xFF : -1;
        int b2 = n > 2 ? head[2] & 0xFF : -1;
        int b3 = n > 3 ? head[3] & 0xFF : -1;
        if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
            return new Foreign("UTF-32BE", Reason.UTF_32);
        }
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
            return new Foreign("UTF-32LE", Reason.UTF_32);
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return new Foreign("UTF-16BE", Reason.UTF_16);
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return new Foreign("UTF-16LE", Reason.UTF_16);
        }
        // No mark: where the zero bytes fall says which (RFC 4627 section 3), provided the one non-zero byte
        // is how JSON can begin. Anything else with zero bytes is binary: not JSON, as the caller finds.
        if (n >= 4 && b0 == 0 && b1 == 0 && b2 == 0 && jsonStart(b3)) {
            return new Foreign("UTF-32BE", Reason.UTF_32);
        }
        if (n >= 4 && b1 == 0 && b2 == 0 && b3 == 0 && jsonStart(b0)) {
            return new Foreign("UTF-32LE", Reason.UTF_32);
        }
        if (n >= 2 && b0 == 0 && jsonStart(b1) && (n < 3 || b2 == 0)) {
            return new Foreign("UTF-16BE", Reason.UTF_16);
        }
        if (n >= 2 && b1 == 0 && jsonStart(b0) && (n < 4 || b3 == 0)) {
            return new Foreign("UTF-16LE", Reason.UTF_16);
        }
        return null;
    }

    private static boolean jsonStart(int b) {
        return b == '{' || b == '[' || b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /**
     * Whether {@code head[0..n)} starts with bytes no UTF-8 JSON text starts with: a UTF-16/32 mark, or a zero byte
     * among the first four (which would make a JSON parser guess another encoding).
     */
    static boolean foreign(byte[] head, int n) {
        int m = Math.min(n, 4);
        for (int i = 0; i < m; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return sniff(head, m) != null;
    }

    /** What a file that is not gzip is packed with, from its first bytes, or null: {name, how to unpack}. */
    static String[] packing(byte[] h, int n) {
        if (n >= 4 && h[0] == 'B' && h[1] == 'Z' && h[2] == 'h' && h[3] >= '1' && h[3] <= '9') {
            return new String[] {"bzip2", "bunzip2 -k"};
        }
        if (n >= 6 && (h[0] & 0xFF) == 0xFD && h[1] == '7' && h[2] == 'z' && h[3] == 'X' && h[4] == 'Z' && h[5] == 0) {
            return new String[] {"xz", "unxz -k"};
        }
        if (n >= 4 && h[0] == 0x28 && (h[1] & 0xFF) == 0xB5 && h[2] == 0x2F && (h[3] & 0xFF) == 0xFD) {
            return new String[] {"zstd", "unzstd"};
        }
        if (n >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) {
            return new String[] {"zip", "unzip"};
        }
        if (n >= 6 && h[0] == '7' && h[1] == 'z' && (h[2] & 0xFF) == 0xBC && (h[3] & 0xFF) == 0xAF && h[4] == 0x27 && h[5] == 0x1C) {
            return new String[] {"7z", "7z x"};
        }
        return null;
    }

    /** Whether a (decompressed) stream is a tar archive: "ustar" at offset 257. */
    static boolean tar(byte[] h, int n) {
        return n >= 262 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r';
    }
}
