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

    /**
     * One ingested file. {@code failed} files are read again on every run until they read whole. {@code sha256} is the
     * hash of the bytes as stored (to recognise a file that was only touched); {@code content}, for a file read whole,
     * what verify needs of it (the hash of the uncompressed content, events by hour), or null.
     */
    record Entry(String path, long size, long mtime, String sha256, long events, boolean failed, IndexedContent content) {
        Entry(String path, long size, long mtime, String sha256, long events, boolean failed) {
            this(path, size, mtime, sha256, events, failed, null);
        }

        Entry withContent(IndexedContent c) {
            return new Entry(path, size, mtime, sha256, events, failed, c);
        }
    }

    /** The key of a line that records a digest file seen (digests are not indexed as events). */
    private static final String DIGEST = "digest";

    private final Path file;
    private final Map<String, Entry> entries;
    private final java.util.Set<String> digests;

    private FileManifest(Path file, Map<String, Entry> entries, java.util.Set<String> digests) {
        this.file = file;
        this.entries = entries;
        this.digests = digests;
    }

    static FileManifest load(Path indexDir) throws IOException {
        Path f = indexDir.resolve(NAME);
        Map<String, Entry> m = new HashMap<>();
        java.util.Set<String> digests = new java.util.TreeSet<>();
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                try {
                    JsonNode n = JSON.readTree(line);
                    if (n.has(DIGEST)) {
                        digests.add(n.get(DIGEST).asText());
                        continue;
                    }
                    Entry e = new Entry(n.get("path").asText(), n.get("size").asLong(), n.get("mtime").asLong(),
                            n.get("sha256").asText(), n.get("events").asLong(), n.get("failed").asBoolean(),
                            ManifestContent.read(n.get(ManifestContent.KEY)));
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
        return new FileManifest(f, m, digests);
    }

    int size() {
        return entries.size();
    }

    Entry get(String path) {
        return entries.get(path);
    }

    /** Every file recorded, by path. */
    Map<String, Entry> entries() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    /** The digest files seen by runs on this index (index or verify), by path. */
    synchronized java.util.Set<String> digests() {
        return java.util.Set.copyOf(digests);
    }

    /** Records digest files seen; those already recorded are left out. */
    synchronized void appendDigests(java.util.Collection<String> seen) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String d : new java.util.TreeSet<>(seen)) {
            if (digests.add(d)) {
                sb.append(JSON.writeValueAsString(Map.of(DIGEST, d))).append('\n');
            }
        }
        write(sb);
    }

    /** Records files whose events are in a finished commit. */
    synchronized void append(List<Entry> done) throws IOException {
        if (done.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Entry e : done) {
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("path", e.path());
            line.put("size", e.size());
            line.put("mtime", e.mtime());
            line.put("sha256", e.sha256());
            line.put("events", e.events());
            line.put("failed", e.failed());
            if (e.content() != null) {
                line.put(ManifestContent.KEY, ManifestContent.write(e.content()));
            }
            sb.append(JSON.writeValueAsString(line)).append('\n');
            entries.put(e.path(), e);
        }
        write(sb);
    }

    private void write(StringBuilder sb) throws IOException {
        if (sb.isEmpty()) {
            return;
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
