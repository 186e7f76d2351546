package dev.trailindex.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files an index has ingested: path, size, modification time, content hash and outcome, one JSON line per
 * file, appended (and synced) only after the commit that holds the file's events. A crash can therefore only
 * make the manifest lag the index, never lead it: a file it does not list is simply read again, and its events
 * are recognised as duplicates. The last line for a path wins; a torn last line is ignored.
 */
final class FileManifest {
    static final String NAME = "trailindex-files.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One ingested file. {@code failed} files are read again on every run until they read whole. */
    record Entry(String path, long size, long mtime, String sha256, long events, boolean failed) {
    }

    private final Path file;
    private final Map<String, Entry> entries;

    private FileManifest(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    static FileManifest load(Path indexDir) throws IOException {
        Path f = indexDir.resolve(NAME);
        Map<String, Entry> m = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                try {
                    JsonNode n = JSON.readTree(line);
                    Entry e = new Entry(n.get("path").asText(), n.get("size").asLong(), n.get("mtime").asLong(),
                            n.get("sha256").asText(), n.get("events").asLong(), n.get("failed").asBoolean());
                    m.put(e.path(), e);
                } catch (IOException | NullPointerException e) {
                    // A line torn by a crash mid-append: its file is not known to be committed, so read it again.
                }
            }
        } catch (NoSuchFileException e) {
            // A new index, or one built before the manifest existed: every file is new.
        } catch (java.nio.charset.MalformedInputException e) {
            // A torn multi-byte character at the end: entries read so far stand.
        }
        return new FileManifest(f, m);
    }

    int size() {
        return entries.size();
    }

    Entry get(String path) {
        return entries.get(path);
    }

    /** Records files whose events are in a finished commit. */
    synchronized void append(List<Entry> done) throws IOException {
        if (done.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Entry e : done) {
            sb.append(JSON.writeValueAsString(Map.of("path", e.path(), "size", e.size(), "mtime", e.mtime(),
                    "sha256", e.sha256(), "events", e.events(), "failed", e.failed()))).append('\n');
            entries.put(e.path(), e);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }
}
