package dev.trailindex.cli;

import dev.trailindex.http.HttpLimits;
import dev.trailindex.http.TrailIndexServer;
import dev.trailindex.query.SearchService;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the index over HTTP: a web page at /, a read-only JSON API under /api/ (search, facets,",
                "histogram, events/{id}, stats, fields) and /health. Binds to loopback unless told otherwise.",
                "Searches keep working while 'trailindex index' adds files to the same index. Ctrl-C stops it."},
        footer = ExitCodes.FOOTER)
final class ServeCommand extends Subcommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes the index to the network).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "16", description = "Request threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--max-concurrent", paramLabel = "N", description = "Searches run at once; more wait briefly, then get 503 (default: twice the cores).")
    Integer maxConcurrent;

    @Option(names = "--query-timeout", paramLabel = "AGE", defaultValue = "10s", description = "Stop a search after this long (default: ${DEFAULT-VALUE}).")
    String queryTimeout;

    @Option(names = "--access-log", description = "Log one line per request to stderr.")
    boolean accessLog;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535 || threads < 1 || (maxConcurrent != null && maxConcurrent < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port, --threads and --max-concurrent must be in range");
        }
        Duration timeout = dev.trailindex.query.Durations.parse(queryTimeout, "--query-timeout");
        HttpLimits d = HttpLimits.defaults();
        HttpLimits limits = new HttpLimits(d.maxUriLength(), d.maxQueryChars(), d.maxLimit(), d.maxTop(), d.maxFields(),
                maxConcurrent == null ? d.maxConcurrent() : maxConcurrent, d.queueWait());
        InetAddress address = InetAddress.getByName(bind);
        PrintStream log = accessLog ? new PrintStream(System.err, true, StandardCharsets.UTF_8) : null;
        try (SearchService search = SearchService.open(index.path(), main.schema(), timeout);
             TrailIndexServer server = TrailIndexServer.start(search, new InetSocketAddress(address, port), limits, threads, log)) {
            if (!address.isLoopbackAddress()) {
                err().println("trailindex: warning: listening on " + bind + ": anyone who can reach this address can search the index");
            }
            out().println("trailindex: serving " + index.path() + " at " + server.uri() + " (Ctrl-C stops)");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return ExitCodes.OK;
    }
}
