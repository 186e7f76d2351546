package dev.trailindex.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.schema.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input shape, and every kind of broken input, on small files written here. */
class LogFileReaderTest {
    private static final String E1 = "{\"eventVersion\":\"1.08\",\"eventID\":\"e1\",\"eventName\":\"A\"}";
    private static final String E2 = "{ \"eventID\" : \"e2\",\n  \"eventName\" : \"B\",\n  \"nested\": {\"x\": [1, {\"y\": \"}\"}]} }";
    private static final String E3 = "{\"eventID\":\"e3\",\"eventName\":\"C\",\"s\":\"caf\u00e9 \u76e3\u8996\"}";

    @TempDir
    Path dir;

    private final LogFileReader reader = new LogFileReader(Schema.bundled(), IngestLimits.DEFAULT);

    private record Read(FileOutcome outcome, List<RawEvent> events) {
        List<String> json() {
            return events.stream().map(e -> new String(e.json(), StandardCharsets.UTF_8)).toList();
        }
    }

    private Read read(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        List<RawEvent> events = new ArrayList<>();
        FileOutcome o = reader.read(p, name, events::add);
        return new Read(o, events);
    }

    private Read read(String name, String content) throws IOException {
        return read(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return bos.toByteArray();
    }

    @Test
    void recordsFileKeepsExactBytesAndPositions() throws IOException {
        String content = "{\"Records\":[" + E1 + ",\n" + E2 + " , " + E3 + "]}";
        Read r = read("a.json", content);
        assertTrue(r.outcome().ok());
        assertEquals(List.of(E1, E2, E3), r.json());
        assertEquals(3, r.outcome().events());
        RawEvent second = r.events().get(1);
        assertEquals(1, second.record());
        assertEquals(content.indexOf(E2), second.offset());
        assertEquals(2, second.line());
        // Offsets count bytes of the file (E3 holds multi-byte characters).
        assertEquals(content.getBytes(StandardCharsets.UTF_8).length - E3.getBytes(StandardCharsets.UTF_8).length - 2,
                r.events().get(2).offset());
    }

    @Test
    void gzipIsRecognisedByContentNotName() throws IOException {
        Read r = read("no-gz-suffix.json", gzip("{\"Records\":[" + E1 + "," + E3 + "]}"));
        assertTrue(r.outcome().ok());
        assertEquals(List.of(E1, E3), r.json());
    }

    @Test
    void bareArraySingleObjectAndConcatenatedObjects() throws IOException {
        assertEquals(List.of(E1, E2), read("arr.json", "[" + E1 + "," + E2 + "]").json());
        assertEquals(List.of(E3), read("one.json", "  \n" + E3 + "\n").json());
        assertEquals(List.of(E1, E2, E3), read("lines.json", E1 + "\n" + E2 + "\n" + E3 + "\n").json());
    }

    @Test
    void jsonLinesSkipOnlyTheBadLine() throws IOException {
        Read r = read("x.ndjson", E1 + "\n{\"eventID\": broken\n\n" + E3 + "\n");
        assertEquals(List.of(E1, E3), r.json());
        assertEquals(Map.of(Reason.INVALID_JSON, 1L), r.outcome().rejected());
        assertTrue(r.outcome().failed());
        assertEquals(4, r.events().get(1).line());
    }

    @Test
    void lookupEventsOutputInBothShapes() throws IOException {
        String wrapped = "{\"EventId\":\"e1\",\"EventName\":\"A\",\"CloudTrailEvent\":" + quote(E1) + "}";
        String array = "{\"NextToken\":\"t\",\"Events\":[" + wrapped + ",{\"CloudTrailEvent\":" + quote(E3) + "}]}";
        assertEquals(List.of(E1, E3), read("lookup.json", array).json());
        assertEquals(List.of(E1, E1), read("lookup.jsonl", wrapped + "\n" + wrapped + "\n").json());
        // Insights output holds the events themselves in Events.
        assertEquals(List.of(E2), read("insights.json", "{\"Events\":[" + E2 + "]}").json());
    }

    @Test
    void truncatedFileKeepsTheEventsBeforeTheBreak() throws IOException {
        String content = "{\"Records\":[" + E1 + "," + E2 + ",{\"eventID\":\"e3\",\"eventN";
        Read r = read("cut.json", content);
        assertEquals(List.of(E1, E2), r.json());
        assertEquals(Reason.TRUNCATED_JSON, r.outcome().reason());
        assertTrue(r.outcome().failed());
        assertTrue(r.outcome().detail().startsWith("line 3, column"), r.outcome().detail());
    }

    @Test
    void invalidJsonAfterAGoodObject() throws IOException {
        Read r = read("stray.json", E1 + ", \"eventID\": \"x\" }");
        assertEquals(List.of(E1), r.json());
        assertEquals(Reason.INVALID_JSON, r.outcome().reason());
    }

    @Test
    void nonObjectEventsAreRejectedAndTheRestRead() throws IOException {
        Read r = read("mixed.json", "{\"Records\":[" + E1 + ",42,\"x\",[1]," + E2 + "]}");
        assertEquals(List.of(E1, E2), r.json());
        assertEquals(Map.of(Reason.NOT_AN_OBJECT, 3L), r.outcome().rejected());
    }

    @Test
    void corruptAndTruncatedGzip() throws IOException {
        byte[] good = gzip("{\"Records\":[" + E1 + "," + E2 + "," + E3 + "]}");
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 12);
        Read truncated = read("cut.json.gz", cut);
        assertEquals(Reason.TRUNCATED_GZIP, truncated.outcome().reason(), truncated.outcome().toString());
        byte[] corrupt = good.clone();
        corrupt[10] = (byte) 0xff; // first deflate block header: BTYPE 11 is reserved, so invalid
        assertEquals(Reason.CORRUPT_GZIP, read("bad.json.gz", corrupt).outcome().reason());
    }

    @Test
    void nonEventsAreSkippedWithAReason() throws IOException {
        assertEquals(Reason.DIGEST, read("AWSLogs/1/CloudTrail-Digest/d.json.gz", "{}").outcome().reason());
        assertEquals(Reason.DIGEST, read("digest.json",
                "{\"awsAccountId\":\"1\",\"digestStartTime\":\"2015-08-17T14:01:31Z\",\"logFiles\":[]}").outcome().reason());
        Read sns = read("SQSMessageBody", "{\"Type\":\"Notification\",\"TopicArn\":\"arn:aws:sns:x\",\"Message\":\"{}\"}");
        assertEquals(Reason.NOT_CLOUDTRAIL, sns.outcome().reason());
        assertTrue(sns.outcome().detail().contains("SNS"), sns.outcome().detail());
        assertTrue(sns.outcome().skipped());
        assertEquals(Reason.NOT_CLOUDTRAIL, read("policy.json",
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}").outcome().reason());
        Read s3 = read("s3-notification.json", "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\","
                + "\"awsRegion\":\"us-east-1\",\"eventTime\":\"2024-01-01T00:00:00.000Z\",\"eventName\":\"ObjectCreated:Put\","
                + "\"s3\":{\"bucket\":{\"name\":\"b\"}}}]}");
        assertEquals(Reason.NOT_CLOUDTRAIL, s3.outcome().reason());
        assertTrue(s3.events().isEmpty());
        assertEquals(Reason.NOT_CLOUDTRAIL, read("sqs.json", "{\"Records\":[{\"messageId\":\"m\",\"body\":\"x\","
                + "\"eventSource\":\"aws:sqs\"}]}").outcome().reason());
        assertEquals(Reason.NOT_CLOUDTRAIL, read("sns.json", "{\"Records\":[{\"EventSource\":\"aws:sns\","
                + "\"EventVersion\":\"1.0\",\"Sns\":{}}]}").outcome().reason());
        assertEquals(Reason.NOT_JSON, read("README.md", "# hello").outcome().reason());
        assertEquals(Reason.NOT_JSON, read("junk.json.gz", new byte[] {0, 1, 2, 3}).outcome().reason());
        assertEquals(Reason.EMPTY, read("empty.json", "  \n").outcome().reason());
        assertTrue(read("empty-records.json", "{\"Records\":[]}").outcome().ok());
    }

    @Test
    void missingFileIsUnreadable() {
        FileOutcome o = reader.read(dir.resolve("nope.json"), "nope.json", e -> { });
        assertEquals(Reason.UNREADABLE, o.reason());
        assertTrue(o.failed());
    }

    @Test
    void invalidUtf8IsInvalidJson() throws IOException {
        byte[] bad = "{\"Records\":[{\"eventID\":\"\u00ff\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Reason.INVALID_JSON, read("latin1.json", bad).outcome().reason());
    }

    @Test
    void deepNestingHitsTheLimitNotTheStack() throws IOException {
        String deep = "{\"Records\":[{\"eventID\":\"d\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}]}";
        Read r = read("deep.json", deep);
        assertEquals(Reason.LIMIT_EXCEEDED, r.outcome().reason());
        assertNull(r.events().isEmpty() ? null : r.events());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void filesPackedWithOtherToolsAreNamedAsWhatTheyAre() throws IOException {
        // The formats' own signatures (bzip2 "BZh9", xz FD 37 7A 58 5A 00, zstd 28 B5 2F FD, zip "PK\3\4", 7z).
        byte[][] magic = {{'B', 'Z', 'h', '9', 1, 2}, {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 1}, {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0},
            {'P', 'K', 3, 4, 0, 0}, {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0}};
        String[] names = {"bzip2", "xz", "zstd", "zip", "7z"};
        for (int i = 0; i < magic.length; i++) {
            Read r = read("packed-" + i + ".json", magic[i]);
            assertEquals(Reason.COMPRESSED, r.outcome().reason(), names[i]);
            assertTrue(r.outcome().detail().startsWith("compressed with " + names[i] + ": unpack it first"), r.outcome().detail());
            assertTrue(r.outcome().failed());
        }
        // A tar archive (a ustar header of 512 bytes), plain and gzip'd.
        byte[] tar = new byte[1024];
        byte[] name = "ev.json".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, tar, 0, name.length);
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
        assertEquals(Reason.ARCHIVE, read("logs.tar", tar).outcome().reason());
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(tar);
        }
        Read tgz = read("logs.tgz", gz.toByteArray());
        assertEquals(Reason.ARCHIVE, tgz.outcome().reason());
        assertTrue(tgz.outcome().detail().contains("gzip'd"), tgz.outcome().detail());
    }

    @Test
    void anObjectWithNeitherNameNorTimeIsNoEvent() throws IOException {
        Read alone = read("alone.json", "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"Root\"}}");
        assertEquals(Reason.NOT_CLOUDTRAIL, alone.outcome().reason());
        assertTrue(alone.outcome().detail().contains("no eventName or eventTime"), alone.outcome().detail());
        assertTrue(alone.events().isEmpty());
        Read inside = read("inside.json", "{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":{},\"eventName\":null},"
                + "{\"eventName\":\"A\"},{\"eventTime\":\"2024-01-01T00:00:00Z\"},{\"eventVersion\":\"1\",\"eventName\":\" \"}]}");
        assertEquals(2, inside.events().size(), "a name or a time makes an event");
        assertEquals(java.util.Map.of(Reason.NO_NAME_OR_TIME, 2L), inside.outcome().rejected());
    }
}
