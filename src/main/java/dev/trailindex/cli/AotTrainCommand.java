package dev.trailindex.cli;

import dev.trailindex.TrailIndex;
import dev.trailindex.query.Hunts;
import dev.trailindex.query.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Hidden: one run through indexing and every kind of query, so the launcher can record the classes they load
 * into the JDK's ahead-of-time cache once after a build. Later commands then start in a third of the time.
 */
@Command(name = "aot-train", hidden = true, description = "Exercise the code paths for the JVM's ahead-of-time cache.")
final class AotTrainCommand extends Subcommand implements Callable<Integer> {
    @Parameters(paramLabel = "LOGS", description = "Sample logs to index into a scratch index.")
    Path logs;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("trailindex-aot-");
        List<String> facetFields = main.schema().summary().stream().map(dev.trailindex.schema.FieldSpec::name).toList();
        // The scratch index stores its events as zstd frames, as a large index does, so their classes are recorded.
        System.setProperty(dev.trailindex.index.RawEvents.MODE_PROPERTY, "always");
        try (TrailIndex index = TrailIndex.open(dir)) {
            index.index(List.of(logs));
            System.clearProperty(dev.trailindex.index.RawEvents.MODE_PROPERTY);
            index.backend().stream(SearchRequest.of(""), e -> { });
            String[] queries = {"", "eventName:ConsoleLogin", "ip:10.0.0.0/8", "user:*role/*", "errorCode:* AND NOT readOnly:true",
                "related.arn:\"arn:aws:s3:::x\"", "eventTime:[2024-01-01 TO 2024-01-02]", "requestParameters.bucketName:x", "word"};
            for (String q : queries) {
                index.search(SearchRequest.of(q));
                index.count(SearchRequest.of(q));
                index.facets(SearchRequest.of(q), facetFields, 5);
                index.histogram(SearchRequest.of(q), null);
                index.backend().summary(SearchRequest.of(q), "user", 3);
            }
            for (Hunts.Hunt h : Hunts.bundled().all()) {
                index.backend().hunt(h, SearchRequest.of(""), 3);
            }
            index.stats();
            index.event("none");
            index.histogram(SearchRequest.of(""), Duration.ofHours(1));
        }
        try {
            // The commands themselves, as a user runs them: their picocli models and output paths are recorded too.
            java.io.OutputStream sink = java.io.OutputStream.nullOutputStream();
            String at = dir.toString();
            String[][] commands = {{"search", "--index", at, "--count", "eventName:ConsoleLogin"},
                {"search", "--index", at, "--limit", "all", "--format", "ndjson", "userIdentity.accessKeyId:*"},
                {"search", "--index", at, "eventName:*"}, {"search", "--index", at, "--format", "json", "x"},
                {"facets", "--index", at, "--field", facetFields.get(0), "*:*"}, {"export", "--index", at, "-o", "-", "eventName:*"},
                {"stats", "--index", at}, {"show", "--index", at, "none"}};
            for (String[] c : commands) {
                Main.run(c, sink, sink);
            }
        } finally {
            System.clearProperty(dev.trailindex.index.RawEvents.MODE_PROPERTY);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return ExitCodes.OK;
    }
}
