package dev.trailindex.cli;

import dev.trailindex.query.Order;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.query.SearchResult;
import dev.trailindex.query.SearchService;
import dev.trailindex.query.StoredEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the events matching QUERY, oldest first, as a CloudTrail delivery file",
                "{\"Records\":[...]} that other tools read: gzip'd when FILE ends in .gz. Each event is its original",
                "JSON, byte for byte. The file appears only when complete."},
        footer = ExitCodes.FOOTER)
final class ExportCommand extends Subcommand implements Callable<Integer> {
    private static final int PAGE = 1000;

    @Mixin
    IndexOption index;

    @Mixin
    TimeRangeOptions time;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The file to write (e.g. incident.json.gz).")
    Path out;

    @Mixin
    QueryParameter query;

    @Override
    public Integer call() throws IOException {
        String q = query.text();
        SearchRequest req = time.request(q, PAGE, Order.OLDEST, null);
        Path abs = out.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".part");
        long n = 0;
        try (SearchService search = openIndex(index)) {
            try (OutputStream file = open(tmp)) {
                file.write("{\"Records\":[".getBytes(StandardCharsets.UTF_8));
                SearchResult page = search.search(req);
                while (true) {
                    for (StoredEvent e : page.hits()) {
                        file.write(n++ == 0 ? "\n" .getBytes(StandardCharsets.UTF_8) : ",\n".getBytes(StandardCharsets.UTF_8));
                        file.write(e.json());
                    }
                    if (page.nextCursor() == null) {
                        break;
                    }
                    page = search.search(req.page(page.nextCursor()));
                }
                file.write("\n]}\n".getBytes(StandardCharsets.UTF_8));
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        out().printf("exported %s events to %s%n", Formats.number(n), out);
        return ExitCodes.OK;
    }

    private OutputStream open(Path p) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
        return out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
    }
}
