package dev.trailindex.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of events that differ from the indexed copy (same eventID, other bytes), kept beside the index in
 * {@value #NAME}, one JSON line per copy with its exact bytes (base64), file and position.
 *
 * <p>Why a side file and not hidden documents: every search, count, facet, histogram, statistic and hunt would
 * have to leave hidden documents out, and the index's document count would no longer be its number of events;
 * one forgotten filter would count a copy as an event. A side file cannot leak into a search, and conflicting
 * copies are rare, so reading the whole file for {@code show --all-copies} is cheap.
 *
 * <p>Crash-safe like the file manifest, and incremental: copies are appended as they are found and forced to disk
 * before every commit, so a commit never records a file whose copies are not on disk. A crash can leave copies
 * whose file is read again by the next run, which appends them again: a copy (same key, file, position and bytes)
 * is listed once however often it was written, and a line torn by a crash is ignored.
 */
public final class CopyStore implements Closeable {
    public static final String NAME = "trailindex-copies.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One kept copy.
     *
     * @param key     the event's key (its eventID)
     * @param content a hash of the copy's exact bytes, in hex: copies with the same are identical
     * @param file    the file it was read from
     * @param record  its 0-based position among the events of that file
     * @param offset  byte offset in the decompressed file
     * @param line    1-based line there
     * @param json    the copy's exact bytes
     */
    public record Copy(String key, String content, String file, long record, long offset, long line, byte[] json) {
        String identity() {
            return key + '\n' + content + '\n' + file + '\n' + record;
        }
    }

    private final Path file;
    private FileChannel channel;
    private boolean dirty;

    private CopyStore(Path file) {
        this.file = file;
    }

    /** The store of the index at {@code indexDir}, for appending during a run. */
    static CopyStore open(Path indexDir) {
        return new CopyStore(indexDir.resolve(NAME));
    }

    /** Every copy kept at {@code indexDir}, each once, in the order they were found. */
    public static List<Copy> load(Path indexDir) throws IOException {
        Map<String, Copy> copies = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(indexDir.resolve(NAME), StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                try {
                    JsonNode n = JSON.readTree(line);
                    Copy c = new Copy(n.get("key").asText(), n.get("content").asText(), n.get("file").asText(),
                            n.get("record").asLong(), n.get("offset").asLong(), n.get("line").asLong(),
                            Base64.getDecoder().decode(n.get("json").asText()));
                    copies.putIfAbsent(c.identity(), c);
                } catch (IOException | RuntimeException e) {
                    // A line torn by a crash mid-append: its file was not committed, so it is read again.
                }
            }
        } catch (NoSuchFileException e) {
            // No conflicting copy was ever found.
        } catch (java.nio.charset.MalformedInputException e) {
            // A torn character at the end: the copies read so far stand.
        }
        return List.copyOf(copies.values());
    }

    /** The kept copies of {@code key}. */
    public static List<Copy> of(Path indexDir, String key) throws IOException {
        List<Copy> out = new ArrayList<>();
        for (Copy c : load(indexDir)) {
            if (c.key().equals(key)) {
                out.add(c);
            }
        }
        return out;
    }

    synchronized void append(Copy c) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", c.key());
        m.put("content", c.content());
        m.put("file", c.file());
        m.put("record", c.record());
        m.put("offset", c.offset());
        m.put("line", c.line());
        m.put("json", Base64.getEncoder().encodeToString(c.json()));
        ByteBuffer buf = ByteBuffer.wrap((JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8));
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        dirty = true;
    }

    /** Forces what was appended to disk: called before every commit. */
    synchronized void sync() throws IOException {
        if (dirty) {
            channel.force(true);
            dirty = false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
