package dev.trailindex.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The uncompressed bytes of a gzip file, member by member, with the SHA-256 of the <em>first</em> member: the bytes
 * CloudTrail hashed. The indexer reads gzip files through it too, so that the hash {@code verify} needs is taken while
 * the events are read, and a file is never read twice for it. Unlike {@link java.util.zip.GZIPInputStream}, which reads on into a second member and silently
 * drops other bytes after a member, this says how many members there were and how many bytes follow the first.
 * A damaged first member is an {@link IOException}; after it, further members are read while they are whole (their
 * events count), and anything else is trailing data, counted to the end of the file.
 */
public final class GzipMembers extends InputStream {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final MessageDigest sha = sha256();
    private final boolean strict;
    private int pos;
    private int lim;
    private long consumed;
    private long memberSize;
    private int members;
    private long firstEnd = -1;
    private byte[] firstHash;
    private long firstSize;
    private boolean done;

    /** Reads {@code in} (which it closes); the first member's header is read at once. */
    public GzipMembers(InputStream in) throws IOException {
        this(in, false);
    }

    /**
     * As above; when {@code strict}, a later member that starts like gzip but is damaged or cut short is an error too,
     * as it is for {@link java.util.zip.GZIPInputStream} (the indexer's rule: its events would be lost silently).
     */
    public GzipMembers(InputStream in, boolean strict) throws IOException {
        this.in = in;
        this.strict = strict;
        if (!startMember()) {
            throw new CorruptGzipException("not a gzip file", false);
        }
    }

    /** The SHA-256 of the first member's uncompressed bytes; only once the stream has been read to its end. */
    public byte[] firstMemberHash() {
        return firstHash;
    }

    /** How many uncompressed bytes the first member holds; only once the stream has been read to its end. */
    public long firstMemberSize() {
        return firstSize;
    }

    /** The gzip members read whole. */
    public int members() {
        return members;
    }

    /** Bytes after the first member: 0 for a well-formed CloudTrail file. */
    public long trailingBytes() {
        return consumed - firstEnd;
    }

    /** Whether the first member was read whole, so that its hash is known. */
    public boolean drainedWhole() {
        return firstHash != null;
    }

    /** Reads the rest, so that the hash and the counts are complete. */
    public void drain() throws IOException {
        byte[] sink = new byte[BUFFER];
        while (read(sink, 0, sink.length) >= 0) {
            // Only the counts are wanted.
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!done) {
            int n = inflate(b, off, len);
            if (n > 0) {
                return n;
            }
            if (inflater.finished()) {
                endMember();
            } else if (inflater.needsInput()) {
                if (fill() < 0) {
                    failTruncated("the gzip data ends early");
                }
                inflater.setInput(buf, pos, lim - pos);
            } else if (inflater.needsDictionary()) {
                fail("the gzip data asks for a preset dictionary");
            }
        }
        return -1;
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        try {
            int n = inflater.inflate(b, off, len);
            crc.update(b, off, n);
            memberSize += n;
            if (members == 0) {
                sha.update(b, off, n);
            }
            return n;
        } catch (DataFormatException e) {
            fail("corrupt gzip data (" + e.getMessage() + ")");
            return 0;
        }
    }

    /** A member ended: check its trailer, then see what follows. */
    private void endMember() throws IOException {
        pos = lim - inflater.getRemaining();
        long storedCrc = readLittleEndian(4);
        long storedSize = readLittleEndian(4);
        if (done) {
            return;
        }
        if (storedCrc != crc.getValue() || storedSize != (memberSize & 0xFFFFFFFFL)) {
            fail("the gzip trailer does not match the data (CRC or length)");
        }
        if (members++ == 0) {
            firstHash = sha.digest();
            firstSize = memberSize;
            firstEnd = consumed - (lim - pos);
        }
        try {
            if (!startMember()) {
                finish();
            }
        } catch (IOException e) {
            // Not a whole member: what is left is trailing data.
            finish();
        }
    }

    private void fail(String why) throws IOException {
        if (members == 0 || strict) {
            throw new CorruptGzipException(why, false);
        }
        finish();
    }

    private void failTruncated(String why) throws IOException {
        if (members == 0 || strict) {
            throw new CorruptGzipException(why, true);
        }
        finish();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Counts what is left and ends the stream. */
    private void finish() throws IOException {
        while (fill() >= 0) {
            pos = lim;
        }
        done = true;
        inflater.end();
    }

    /** Reads a member header; false at the end of the file, or when what follows is not gzip. */
    private boolean startMember() throws IOException {
        int id1 = next();
        if (id1 < 0) {
            return false;
        }
        int id2 = next();
        if (id1 != 0x1F || id2 != 0x8B) {
            return false;
        }
        if (next() != 8) {
            throw new CorruptGzipException("unknown gzip compression method", false);
        }
        int flags = next();
        skipHeader(6);
        if ((flags & 4) != 0) {
            skipHeader(readLittleEndian(2));
        }
        if ((flags & 8) != 0) {
            skipZeroTerminated();
        }
        if ((flags & 16) != 0) {
            skipZeroTerminated();
        }
        if ((flags & 2) != 0) {
            skipHeader(2);
        }
        inflater.reset();
        crc.reset();
        memberSize = 0;
        inflater.setInput(buf, pos, lim - pos);
        return true;
    }

    private void skipZeroTerminated() throws IOException {
        int c;
        while ((c = next()) != 0) {
            if (c < 0) {
                throw new EOFException("the gzip header ends early");
            }
        }
    }

    private void skipHeader(long n) throws IOException {
        for (long i = 0; i < n; i++) {
            if (next() < 0) {
                throw new EOFException("the gzip header ends early");
            }
        }
    }

    private long readLittleEndian(int bytes) throws IOException {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            int c = next();
            if (c < 0) {
                failTruncated("the gzip trailer is cut short");
                return -1;
            }
            v |= (long) c << (8 * i);
        }
        return v;
    }

    private int next() throws IOException {
        if (pos == lim && fill() < 0) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    /** Refills the buffer once everything in it is used; -1 at the end of the file. */
    private int fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            return -1;
        }
        pos = 0;
        lim = n;
        consumed += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
