package dev.trailindex.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.TestSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example runs on the bundled samples and prints what it should. */
class EmbeddingExampleTest {
    @TempDir
    Path tmp;

    @Test
    void theReadmeExampleRuns() throws Exception {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(new String[] {tmp.resolve("index").toString(), TestSupport.SAMPLES.toString()});
        } finally {
            System.setOut(was);
        }
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("79 new events\n"), said);
        assertTrue(said.contains("\"sourceIPAddress\":\"203.0.113.50\""), said);
        assertTrue(said.contains("from ") && said.contains("hours"), said);
    }
}
