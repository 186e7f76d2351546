package dev.trailindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.TestSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables fit the width, cut long values in the middle, and never show two different values alike. */
class TableTest {
    @TempDir
    Path tmp;

    private static List<String> print(Table t, int width) {
        StringWriter sw = new StringWriter();
        try (PrintWriter out = new PrintWriter(sw)) {
            t.print(out, width);
        }
        return sw.toString().lines().toList();
    }

    @Test
    void longValuesAreCutInTheMiddleAndStayDistinct() {
        Table t = new Table(List.of("time", "principal", "source"));
        List<String> arns = List.of("arn:aws:sts::111122223333:assumed-role/Ops/ops-maint",
                "arn:aws:sts::111122223333:assumed-role/Ops/ops-maine",
                "arn:aws:sts::111122223333:assumed-role/Dev/ops-maint",
                "arn:aws:sts::444455556666:assumed-role/Ops/ops-maint");
        for (String a : arns) {
            t.row(List.of("2026-11-20T11:41:07Z", a, "s3.amazonaws.com"));
        }
        t.whole(0);
        List<String> lines = print(t, 60);
        Map<String, String> shown = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.length() <= 60, line.length() + ": " + line);
            assertTrue(line.startsWith("2026-11-20T11:41:07Z  "), "the time is never cut: " + line);
            String cell = line.substring(22, line.lastIndexOf("  s3")).strip();
            assertTrue(cell.contains("\u2026"), cell);
            String arn = arns.get(i - 1);
            String[] ends = cell.split("\u2026");
            assertTrue(arn.startsWith(ends[0]) && arn.endsWith(ends[1]), "both ends are the value's: " + cell + " of " + arn);
            String before = shown.put(cell, arn);
            assertTrue(before == null || before.equals(arn), "two values read the same: " + cell);
        }
        assertEquals(5, lines.size());
        // With room for the principal, the short column keeps its whole value.
        assertTrue(print(t, 80).stream().skip(1).allMatch(l -> l.endsWith("s3.amazonaws.com") && l.length() <= 80));
    }

    @Test
    void fitShareTheRoomLikeWaterFilling() {
        int[] w = Table.fit(new int[] {20, 80, 15, 30}, new int[] {20, 10, 10, 10}, 100);
        assertEquals(100, w[0] + w[1] + w[2] + w[3]);
        assertEquals(20, w[0]);
        assertEquals(15, w[2], "a column that fits under the cap keeps its width");
        assertTrue(w[1] >= w[3], "the widest need gets at least as much");
        assertEquals(List.of(20, 80, 15, 30), java.util.Arrays.stream(Table.fit(new int[] {20, 80, 15, 30},
                new int[] {20, 10, 10, 10}, 200)).boxed().toList(), "with room, everyone gets what they need");
    }

    @Test
    void defaultOutputFitsAPipeAndANarrowTerminal() throws Exception {
        Path index = CliTest.indexSamples(tmp.resolve("idx"));
        for (String cmd : new String[] {"search", "summary", "hunt", "fields", "stats", "facets"}) {
            List<String> args = new java.util.ArrayList<>(List.of(cmd, "--index", index.toString()));
            if (cmd.equals("summary")) {
                args.addAll(List.of("--by", "principal"));
            } else if (cmd.equals("facets")) {
                args.addAll(List.of("--field", "related.arn"));
            } else if (cmd.equals("fields")) {
                args = List.of("fields");
            }
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), cmd + ": " + r.stderr());
            int widest = r.out().lines().mapToInt(String::length).max().orElse(0);
            assertTrue(widest <= (cmd.equals("fields") ? 124 : Terminal.PIPED), cmd + " is " + widest + " wide:\n" + r.out());
        }
        // A narrow terminal. (Below about 95 columns, keeping six columns' values distinct can need more than the width.)
        System.setProperty("trailindex.columns", "100");
        try {
            CliTest.Run r = CliTest.run("search", "--index", index.toString(), "--limit", "50", "");
            // The table fits; the line after it carries the cursor, which is never cut.
            assertTrue(r.out().lines().filter(l -> !l.contains("--cursor")).allMatch(l -> l.length() <= 100), r.out());
            assertEquals(52, r.out().lines().count(), r.stderr() + r.out());
        } finally {
            System.clearProperty("trailindex.columns");
        }
    }

    @Test
    void whoActedIsShownEvenWithoutAnArnAndEveryFieldCanBeAColumn() throws Exception {
        Path index = CliTest.indexSamples(tmp.resolve("idx2"));
        // Independent: the raw events say who acted, ARN first, else user name, else principalId, else invokedBy.
        CliTest.Run nd = CliTest.run("search", "--index", index.toString(), "--format", "ndjson", "--limit", "100", "eventName:ConsoleLogin");
        List<String> want = nd.out().lines().map(l -> {
            try {
                var ui = TestSupport.JSON.readTree(l).path("userIdentity");
                for (String k : new String[] {"arn", "userName", "principalId", "invokedBy"}) {
                    if (ui.path(k).isTextual() && !ui.path(k).asText().isBlank()) {
                        return ui.path(k).asText();
                    }
                }
                return "";
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        CliTest.Run csv = CliTest.run("search", "--index", index.toString(), "--format", "csv", "--limit", "100",
                "--fields", "principal,eventID,ti.credential,ti.size,related.ip", "eventName:ConsoleLogin");
        List<String> rows = csv.out().lines().toList();
        assertEquals("principal,eventID,ti.credential,ti.size,related.ip", rows.get(0), "columns are headed as asked");
        for (int i = 0; i < want.size(); i++) {
            String[] cells = rows.get(i + 1).split(",");
            assertEquals(want.get(i), cells[0]);
            assertTrue(cells[3].matches("[0-9]+"), rows.get(i + 1));
            assertTrue(cells[4].matches("[0-9.]+"), rows.get(i + 1));
        }
        assertTrue(want.stream().anyMatch(w -> !w.startsWith("arn:")), "the samples have a sign-in without an ARN: " + want);
        CliTest.Run plus = CliTest.run("search", "--index", index.toString(), "--fields", "+eventID", "eventName:ConsoleLogin");
        assertTrue(plus.out().lines().findFirst().orElseThrow().matches("eventTime +eventName +eventSource +ti.principal +sourceIPAddress +errorCode +eventID"), plus.out());
    }
}
