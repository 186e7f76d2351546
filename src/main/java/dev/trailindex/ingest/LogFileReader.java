package dev.trailindex.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.trailindex.schema.Schema;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Reads one input file into events: recognises gzip by its magic bytes, skips digests and non-JSON, and reads
 * JSON-lines files ({@code .jsonl}, {@code .ndjson}) line by line so one bad line costs only that line. Never
 * throws for bad input: every problem becomes part of the returned {@link FileOutcome}.
 */
public final class LogFileReader {
    private static final int BUFFER = 64 * 1024;
    private static final String DIGEST_PATH_MARK = "CloudTrail-Digest";

    private final ObjectMapper mapper;
    private final Schema schema;
    private final IngestLimits limits;

    /** A reader that recognises events by the schema's eventKeys and notificationMarkers. */
    public LogFileReader(Schema schema, IngestLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxEventBytes())
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory);
        this.schema = schema;
        this.limits = limits;
    }

    /**
     * Reads {@code path}, handing each event to {@code sink}; {@code name} is how provenance names the file. The
     * outcome carries the SHA-256 of the file's bytes, computed while reading (and finished after a break).
     */
    public FileOutcome read(Path path, String name, EventSink sink) {
        FileState state = new FileState(name, sink);
        if (name.contains(DIGEST_PATH_MARK)) {
            return state.outcome(Reason.DIGEST, "CloudTrail-Digest path");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, state);
        } catch (IOException e) {
            return state.outcome(Reason.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Reads an open stream (standard input, a pipe) named {@code name}; the caller closes it. The same outcome as
     * for a file, hash included.
     */
    public FileOutcome read(InputStream in, String name, EventSink sink) {
        return read(in, new FileState(name, sink));
    }

    private FileOutcome read(InputStream in, FileState state) {
        MessageDigest md = sha256();
        DigestInputStream raw = new DigestInputStream(in, md);
        FileOutcome outcome;
        try {
            outcome = parse(raw, state);
        } catch (SinkException e) {
            throw e;
        } catch (RuntimeException e) {
            // A defect of ours must cost this file only, never the run: the file is reported and read again next time.
            return state.outcome(Reason.UNREADABLE, "could not be read (" + e.getClass().getSimpleName() + "); "
                    + "please report it with the file");
        }
        try {
            raw.transferTo(OutputStream.nullOutputStream());
            String stored = HexFormat.of().formatHex(md.digest());
            if (outcome.ok() && outcome.content() == null && outcome.reason() == null) {
                // Not gzip: the content is the bytes as stored.
                outcome = outcome.withContent(new ContentHash(stored, false, 0, 0));
            }
            return outcome.withHash(stored);
        } catch (IOException e) {
            return outcome;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private FileOutcome parse(InputStream raw, FileState state) {
        String name = state.file;
        boolean gzip = false;
        GzipMembers members = null;
        // Closing the chain releases the inflater; the raw stream stays open so its hash can be finished.
        InputStream unclosed = new java.io.FilterInputStream(raw) {
            @Override
            public void close() {
                // left to the caller
            }
        };
        InputStream file = new BufferedInputStream(unclosed, BUFFER);
        try {
            gzip = startsWithGzipMagic(file);
            byte[] head = peek(file, 512);
            String[] packed = gzip ? null : Encodings.packing(head, head.length);
            if (packed != null) {
                return state.outcome(Reason.COMPRESSED, "compressed with " + packed[0] + ": unpack it first ("
                        + packed[1] + " '" + name + "'), then index what it holds");
            }
        } catch (IOException e) {
            return state.outcome(Reason.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try (InputStream in = new BufferedInputStream(new BoundedInputStream(gzip ? members = new GzipMembers(file, true) : file,
                limits.maxFileBytes()), BUFFER)) {
            byte[] head = peek(in, 512);
            if (Encodings.tar(head, head.length)) {
                return state.outcome(Reason.ARCHIVE, "a tar archive" + (gzip ? " (gzip'd)" : "") + ": unpack it first (tar -xf '"
                        + name + "'), then index the folder");
            }
            byte[] first4 = peek(in, 4);
            Encodings.Foreign foreign = Encodings.sniff(first4, first4.length);
            if (foreign != null) {
                return state.outcome(foreign.reason(), foreign.hint(name));
            }
            if (first4.length > 0 && first4[0] != 0 && Encodings.foreign(first4, first4.length)) {
                // Zero bytes that spell no encoding: binary data that begins like JSON, before a parser guesses.
                return state.outcome(Reason.INVALID_JSON, "a zero byte among the first four: binary data, not UTF-8 JSON");
            }
            int first = firstNonBlank(in);
            if (first < 0) {
                return state.outcome(Reason.EMPTY, null);
            }
            if (first != '{' && first != '[') {
                return state.outcome(Reason.NOT_JSON, "starts with " + printable(first));
            }
            RootValueReader reader = new RootValueReader(mapper, schema, limits, state);
            if (isJsonLines(name)) {
                readLines(in, reader, state);
            } else {
                reader.readAll(in, 0, 1);
            }
            FileOutcome read = state.outcome(null, null);
            if (members != null && read.ok() && members.drainedWhole()) {
                // The events were read to the end, so the gzip stream was too: its first member's hash is whole.
                members.drain();
                read = read.withContent(new ContentHash(HexFormat.of().formatHex(members.firstMemberHash()), true,
                        members.members(), members.trailingBytes()));
            }
            return read;
        } catch (SinkException e) {
            throw e;
        } catch (LimitExceededException e) {
            return state.outcome(e.reason, e.getMessage());
        } catch (StreamConstraintsException e) {
            return state.outcome(Reason.LIMIT_EXCEEDED, jsonDetail(e));
        } catch (JsonProcessingException e) {
            return state.outcome(jsonReason(e), jsonDetail(e));
        } catch (java.io.CharConversionException e) {
            return state.outcome(Reason.INVALID_JSON, e.getMessage());
        } catch (CorruptGzipException e) {
            return state.outcome(e.truncated() ? Reason.TRUNCATED_GZIP : Reason.CORRUPT_GZIP, e.getMessage());
        } catch (ZipException e) {
            return state.outcome(Reason.CORRUPT_GZIP, e.getMessage());
        } catch (EOFException e) {
            return state.outcome(gzip ? Reason.TRUNCATED_GZIP : Reason.UNREADABLE, e.getMessage());
        } catch (IOException e) {
            return state.outcome(Reason.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static boolean isJsonLines(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        return n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    /** The first {@code n} bytes (fewer at the end), leaving the stream where it was. */
    private static byte[] peek(InputStream in, int n) throws IOException {
        in.mark(n);
        try {
            return in.readNBytes(n);
        } finally {
            in.reset();
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    /**
     * Peeks at the first four bytes: a UTF-16 or UTF-32 text, or null. Zero bytes that spell neither (binary data
     * that begins like JSON) make the file invalid JSON, before a parser guesses an encoding from them.
     */
    private static Encodings.Foreign sniff(InputStream in) throws IOException {
        in.mark(4);
        try {
            byte[] head = new byte[4];
            int n = in.readNBytes(head, 0, 4);
            Encodings.Foreign f = Encodings.sniff(head, n);
            if (f == null && Encodings.foreign(head, n) && n > 0 && head[0] != 0) {
                return new Encodings.Foreign("binary", Reason.INVALID_JSON);
            }
            return f;
        } finally {
            in.reset();
        }
    }

    /** Peeks at the first byte that is not white space (or a UTF-8 byte-order mark), or -1 at end of input. */
    private static int firstNonBlank(InputStream in) throws IOException {
        in.mark(BUFFER);
        try {
            for (int i = 0; i < BUFFER; i++) {
                int b = in.read();
                if (b < 0 || !(b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0xEF || b == 0xBB || b == 0xBF)) {
                    return b;
                }
            }
            return 'x';
        } finally {
            in.reset();
        }
    }

    private static String printable(int b) {
        return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
    }

    /** Input that ends in the middle of a value is truncated; anything else is invalid. */
    private static Reason jsonReason(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        boolean atEnd = e instanceof JsonEOFException || (msg != null && msg.contains("end-of-input"));
        return atEnd ? Reason.TRUNCATED_JSON : Reason.INVALID_JSON;
    }

    private static String jsonDetail(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        int nl = msg == null ? -1 : msg.indexOf('\n');
        String first = nl < 0 ? String.valueOf(msg) : msg.substring(0, nl);
        int marker = first.indexOf(" (start marker at");
        if (marker > 0) {
            first = first.substring(0, marker);
        }
        if (e.getLocation() != null) {
            return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + first;
        }
        return first;
    }

    /** JSON lines: each line is parsed on its own; a bad line is counted and the next line is read. */
    private void readLines(InputStream in, RootValueReader reader, FileState state) throws IOException {
        LineSplitter lines = new LineSplitter(in, limits.maxEventBytes());
        LineSplitter.Line line;
        while ((line = lines.next()) != null) {
            if (line.tooLong()) {
                state.reject(Reason.EVENT_TOO_LARGE);
                continue;
            }
            if (line.blank()) {
                continue;
            }
            if (Encodings.foreign(line.bytes(), line.bytes().length)) {
                // The parser would switch to UTF-16/32 for this line alone and misplace its bytes.
                state.reject(Reason.INVALID_JSON);
                continue;
            }
            try {
                reader.readAll(new ByteArrayInputStream(line.bytes()), line.offset(), line.number());
            } catch (StreamConstraintsException e) {
                state.reject(Reason.LIMIT_EXCEEDED);
            } catch (JsonProcessingException e) {
                state.reject(jsonReason(e));
            }
        }
    }
}
