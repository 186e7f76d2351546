package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forensic commands and options as a user runs them, over the bundled samples. */
class CliQueryTest {
    @TempDir
    static Path tmp;

    static String index;

    @BeforeAll
    static void indexSamples() {
        index = tmp.resolve("idx").toString();
        assertEquals(0, CliTest.run("index", "-q", "--index", index, TestSupport.SAMPLES.toString()).code());
    }

    private static CliTest.Run run(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.add(1, "--index");
        a.add(2, index);
        return CliTest.run(a.toArray(String[]::new));
    }

    private static long count(String... args) {
        List<String> a = new ArrayList<>(List.of("search", "--count"));
        a.addAll(List.of(args));
        CliTest.Run r = run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.stderr());
        return Long.parseLong(r.out().strip());
    }

    @Test
    void aliasesExistenceAndForgivingValues() {
        assertEquals(count("sourceIPAddress:203.0.113.50"), count("ip:203.0.113.50"));
        assertEquals(count("errorCode:*"), count("_exists_:errorCode"));
        assertEquals(count("eventName:ConsoleLogin"), count("ACTION:consolelogin"));
        assertEquals(count("userIdentity.arn:\"arn:aws:iam::111122223333:user/ci-deploy\""),
                count("user:arn:aws:iam::111122223333:user/ci-deploy"));
        assertEquals(30, count("key:AKIAE3P2DLMCHEXAMPLE"));
        String fields = CliTest.run("fields").out();
        assertTrue(fields.contains("sourceIPAddress") && fields.lines().anyMatch(l -> l.startsWith("sourceIPAddress") && l.contains(" ip ")), fields);
    }

    @Test
    void pagingWithCursorsSeesEveryEventOnceInOrder() throws Exception {
        for (String sort : List.of("newest", "oldest")) {
            JsonNode all = TestSupport.JSON.readTree(run("search", "--format", "json", "--limit", "500", "--sort", sort).stdout());
            List<String> want = new ArrayList<>();
            all.get("hits").forEach(h -> want.add(h.get("eventID").asText()));
            assertEquals(79, want.size());
            assertTrue(all.get("cursor").isNull());
            List<String> got = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                List<String> args = new ArrayList<>(List.of("search", "--format", "json", "--limit", "7", "--sort", sort));
                if (cursor != null) {
                    args.addAll(List.of("--cursor", cursor));
                }
                JsonNode page = TestSupport.JSON.readTree(run(args.toArray(String[]::new)).stdout());
                page.get("hits").forEach(h -> got.add(h.get("eventID").asText()));
                cursor = page.get("cursor").isNull() ? null : page.get("cursor").asText();
                pages++;
            } while (cursor != null);
            assertEquals(want, got, sort);
            assertEquals(12, pages);
        }
        CliTest.Run bad = run("search", "--cursor", "not-a-cursor");
        assertEquals(2, bad.code());
        assertTrue(bad.stderr().contains("not a cursor"), bad.stderr());
    }

    @Test
    void csvIsSpreadsheetSafe() throws Exception {
        Path logs = tmp.resolve("csv-logs");
        Files.createDirectories(logs);
        Files.writeString(logs.resolve("evil.json"), "{\"Records\":[{\"eventID\":\"csv-1\",\"eventTime\":\"2024-01-01T00:00:00Z\","
                + "\"eventName\":\"=HYPERLINK(\\\"http://x\\\",\\\"click\\\")\",\"eventSource\":\"+cmd\",\"sourceIPAddress\":\"-1+2\","
                + "\"errorCode\":\"@SUM(A1)\",\"userIdentity\":{\"arn\":\"a,b \\\"quoted\\\"\"}}]}");
        String idx = tmp.resolve("csv-idx").toString();
        assertEquals(0, CliTest.run("index", "-q", "--index", idx, logs.toString()).code());
        String csv = CliTest.run("search", "--index", idx, "--format", "csv").out();
        List<String> lines = csv.lines().toList();
        assertEquals("eventTime,eventName,eventSource,ti.principal,sourceIPAddress,errorCode", lines.get(0));
        assertEquals("2024-01-01T00:00:00Z,\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",'+cmd,\"a,b \"\"quoted\"\"\",'-1+2,'@SUM(A1)", lines.get(1));
        assertTrue(csv.endsWith("\r\n"));
    }

    @Test
    void exportWritesARecordsFileOfTheOriginalBytes() throws Exception {
        Path out = tmp.resolve("denied.json.gz");
        CliTest.Run r = run("export", "--out", out.toString(), "errorCode:AccessDenied");
        assertEquals(0, r.code(), r.stderr());
        assertEquals("exported 8 events to " + out + "\n", r.out());
        byte[] json;
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            json = in.readAllBytes();
        }
        JsonNode records = TestSupport.JSON.readTree(json).get("Records");
        assertEquals(8, records.size());
        String text = new String(json, StandardCharsets.UTF_8);
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode e : records) {
            String id = e.get("eventID").asText();
            ids.add(id);
            byte[] original = run("show", id).stdout();
            String exact = new String(original, 0, original.length - 1, StandardCharsets.UTF_8);
            assertTrue(text.contains(exact), "export holds the exact bytes of " + id);
        }
        // Oldest first, and another index built from the export holds the same events.
        List<String> times = new ArrayList<>();
        records.forEach(e -> times.add(e.get("eventTime").asText()));
        assertEquals(times.stream().sorted().toList(), times);
        String idx2 = tmp.resolve("reimport").toString();
        assertEquals(0, CliTest.run("index", "-q", "--index", idx2, out.toString()).code());
        JsonNode again = TestSupport.JSON.readTree(CliTest.run("search", "--index", idx2, "--format", "json", "--limit", "20").stdout());
        Set<String> reIds = new LinkedHashSet<>();
        again.get("hits").forEach(h -> reIds.add(h.get("eventID").asText()));
        assertEquals(new java.util.TreeSet<>(ids), new java.util.TreeSet<>(reIds));
    }

    @Test
    void timeOptions() {
        // --tz shows times with an explicit offset and reads times without one in that zone.
        String berlin = run("search", "--tz", "Europe/Berlin", "--fields", "eventTime", "--limit", "1", "--sort", "oldest").out();
        assertTrue(berlin.contains("2026-11-20T08:02:03+01:00"), berlin);
        assertEquals(count("--from", "2026-11-20T11:00Z"), count("--from", "2026-11-20T12:00", "--tz", "Europe/Berlin"));
        assertEquals(count("--to", "2026-11-20T10:59:59Z"), count("--to", "2026-11-20T11:59:59", "--tz", "+01:00"));
        // --since AGE is --from now-AGE.
        Instant now = Instant.now();
        long hours = ChronoUnit.HOURS.between(Instant.parse("2026-11-20T11:00:00Z"), now);
        assertEquals(count("--from", now.minus(hours, ChronoUnit.HOURS).toString()), count("--since", hours + "h"));
        assertEquals(79, count("--since", (hours + 24) + "h"));
        assertEquals(2, run("search", "--since", "yesterday").code());
        assertEquals(2, run("search", "--since", "1d", "--from", "2026-11-20").code());
        assertEquals(2, run("search", "--tz", "Mars/Olympus").code());
    }

    @Test
    void histogramSummaryAndHunts() throws Exception {
        String chart = run("histogram", "--interval", "1h").out();
        assertTrue(chart.startsWith("79 events, interval 1h"), chart);
        assertTrue(chart.contains("2026-11-20T11:00:00Z  33  " + "#".repeat(50)), chart);
        JsonNode h = TestSupport.JSON.readTree(run("histogram", "--format", "json", "--interval", "1d").stdout());
        assertEquals(86400, h.get("intervalSeconds").asInt());
        assertEquals(86_400_000L, h.get("intervalMs").asLong());
        assertEquals("1d", h.get("interval").asText());
        assertEquals(79, h.get("buckets").get(0).get("count").asInt());
        assertEquals(2, run("histogram", "--interval", "fortnightly").code());
        // With a time range the buckets span it, not only the first to the last match; days start at local midnight.
        JsonNode span = TestSupport.JSON.readTree(run("histogram", "--format", "json", "--interval", "1h",
                "--from", "2026-11-20T04:00", "--to", "2026-11-20T13:59").stdout());
        assertEquals("2026-11-20T04:00:00Z", span.get("buckets").get(0).get("start").asText());
        assertEquals(0, span.get("buckets").get(0).get("count").asInt(), "the samples begin at 07:02");
        assertEquals(10, span.get("buckets").size());
        JsonNode local = TestSupport.JSON.readTree(run("histogram", "--format", "json", "--interval", "1d", "--tz", "Europe/Berlin").stdout());
        assertEquals("2026-11-20T00:00:00+01:00", local.get("buckets").get(0).get("start").asText());

        JsonNode summary = TestSupport.JSON.readTree(run("summary", "--by", "key", "--top", "1", "--format", "json").stdout());
        assertEquals(1, summary.get("version").asInt());
        JsonNode sheet = summary.get("rows");
        assertEquals("AKIAE3P2DLMCHEXAMPLE", sheet.get(0).get("value").asText());
        assertEquals(30, sheet.get(0).get("events").asInt());
        assertEquals("2026-11-20T11:34:51Z", sheet.get(0).get("lastSeen").asText());

        String table = run("hunt").out();
        assertTrue(table.lines().count() >= 16, table);
        assertTrue(table.lines().anyMatch(l -> l.matches("cloudtrail-tampering +1 +.*")), table);
        String one = run("hunt", "cloudtrail-tampering").out();
        assertTrue(one.contains("why:") && one.contains("StopLogging") && one.contains("1 of 1 matching event"), one);
        CliTest.Run unknown = run("hunt", "no-such-hunt");
        assertEquals(2, unknown.code());
        assertTrue(unknown.stderr().contains("no hunt named 'no-such-hunt'"));
    }

    @Test
    void ndjsonIsByteExactForCompactEvents() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(run("search", "--format", "ndjson", "--limit", "100", "eventName:StopLogging").stdout());
        byte[] shown = run("show", "9a000117-9046-4dcf-b459-1097984dc387").stdout();
        assertArrayEquals(shown, all.toByteArray());
    }
}
