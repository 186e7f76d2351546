package dev.trailindex.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The yardstick for indexing speed: a plain decompress-and-parse pass over the same files (gunzip, then every
 * event of every Records array parsed into a tree), on the same number of threads. Prints JSON.
 * {@code ParseBaseline DIR THREADS}
 */
public final class ParseBaseline {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList();
        }
        ObjectMapper mapper = new ObjectMapper();
        AtomicLong events = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> tasks = files.stream().<Future<?>>map(f -> pool.submit(() -> {
            try (InputStream raw = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16), 1 << 16);
                 CountingStream in = new CountingStream(raw);
                 JsonParser p = mapper.getFactory().createParser(in)) {
                long n = 0;
                while (p.nextToken() != null) {
                    if (p.currentToken() == JsonToken.FIELD_NAME && "Records".equals(p.currentName())) {
                        p.nextToken();
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode event = p.readValueAsTree();
                            if (event != null) {
                                n++;
                            }
                        }
                    }
                }
                events.addAndGet(n);
                bytes.addAndGet(in.count);
            }
            return null;
        })).toList();
        for (Future<?> t : tasks) {
            t.get();
        }
        pool.shutdown();
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("{\"files\":%d,\"events\":%d,\"raw_bytes\":%d,\"seconds\":%.2f,\"events_per_s\":%.0f,\"mb_per_s\":%.1f}%n",
                files.size(), events.get(), bytes.get(), secs, events.get() / secs, bytes.get() / secs / 1e6);
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
