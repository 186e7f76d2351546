package dev.trailindex.cli;

import dev.trailindex.http.HostCheck;
import dev.trailindex.http.HttpLimits;
import dev.trailindex.http.ServerOptions;
import dev.trailindex.http.TrailIndexServer;
import dev.trailindex.query.Durations;
import dev.trailindex.search.SearchBackend;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Serve the index over HTTP: a web page at /, a read-only JSON API under /api/ (search, facets, "
                + "histogram, events/{id}, stats, fields) and /health.",
        description = "Binds to loopback unless told otherwise, and answers only requests whose Host names the bound "
                + "address (127.0.0.1, localhost, [::1] on loopback) or an --allow-host name; others get 403, so a "
                + "web page cannot reach the index through DNS rebinding. Slow clients are cut off at "
                + "--head-timeout and --response-timeout without holding a request thread. Searches keep working "
                + "while 'trailindex index' adds files to the same index. Ctrl-C stops it.",
        footer = ExitCodes.FOOTER)
final class ServeCommand extends Subcommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes the index to the network).")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "Also answer requests with Host NAME (any port), such as this machine's DNS name; repeatable.")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", defaultValue = "16", description = "Request threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--max-concurrent", paramLabel = "N", description = "Searches run at once; more wait briefly, then get 503 (default: twice the cores).")
    Integer maxConcurrent;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "256",
            description = "Open connections at once; one more gets 503 (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--query-timeout", paramLabel = "AGE", defaultValue = "10s", description = "Stop a search after this long (default: ${DEFAULT-VALUE}).")
    String queryTimeout;

    @Option(names = "--head-timeout", paramLabel = "AGE", defaultValue = "10s",
            description = "Time a client has to send a request's head; idle connections close after it too (default: ${DEFAULT-VALUE}).")
    String headTimeout;

    @Option(names = "--response-timeout", paramLabel = "AGE", defaultValue = "30s",
            description = "Time a client has to take a whole response (default: ${DEFAULT-VALUE}).")
    String responseTimeout;

    @Option(names = "--rules", paramLabel = "DIR", arity = "1..*",
            description = "Sigma rules (folders or files) that GET /api/detections runs over the index.")
    java.util.List<java.nio.file.Path> rules;

    @Option(names = "--placeholders", paramLabel = "FILE", description = "Values of the rules' %placeholders% (as detect takes them).")
    java.nio.file.Path placeholders;

    @Option(names = "--access-log", description = "Log one line per request to stderr.")
    boolean accessLog;

    @Override
    public Integer call() throws IOException, InterruptedException {
        check(port >= 0 && port <= 65535, "--port must be between 0 and 65535 (0 picks a free one), not " + port);
        check(threads >= 1, "--threads must be at least 1");
        check(maxConcurrent == null || maxConcurrent >= 1, "--max-concurrent must be at least 1");
        check(maxConnections >= 1, "--max-connections must be at least 1");
        Duration timeout = Durations.parse(queryTimeout, "--query-timeout");
        ServerOptions options = new ServerOptions(allowHosts, Durations.parse(headTimeout, "--head-timeout"),
                Durations.parse(responseTimeout, "--response-timeout"), maxConnections, ServerOptions.defaults().maxHeadBytes());
        HttpLimits d = HttpLimits.defaults();
        HttpLimits limits = new HttpLimits(d.maxUriLength(), d.maxQueryChars(), d.maxLimit(), d.maxTop(), d.maxFields(),
                maxConcurrent == null ? d.maxConcurrent() : maxConcurrent, d.queueWait());
        InetAddress address = resolve();
        try {
            HostCheck.forBind(address, allowHosts);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--allow-host: " + e.getMessage());
        }
        java.util.List<dev.trailindex.sigma.SigmaRule> sigma = java.util.List.of();
        if (rules != null) {
            try {
                var loaded = new dev.trailindex.sigma.RuleLoader(placeholders == null ? java.util.Map.of()
                        : dev.trailindex.sigma.RuleLoader.placeholders(placeholders)).load(rules);
                loaded.warnings().forEach(w -> err().println("trailindex: " + w));
                sigma = loaded.rules();
            } catch (dev.trailindex.sigma.SigmaException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rules: " + e.getMessage());
            }
        }
        PrintStream log = accessLog ? new PrintStream(System.err, true, StandardCharsets.UTF_8) : null;
        try (SearchBackend search = open(timeout);
             TrailIndexServer server = listen(search, new InetSocketAddress(address, port), limits, log, options, sigma)) {
            if (!address.isLoopbackAddress()) {
                err().println("trailindex: warning: listening on " + bind + ": anyone who can reach this address can search the index");
            }
            out().println("trailindex: serving " + search.describe() + " at " + server.uri() + " (Ctrl-C stops)");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        }
        return ExitCodes.OK;
    }

    /** The cluster's events when --opensearch names one (each request bounded by the query timeout), else the local index. */
    private SearchBackend open(Duration timeout) {
        if (opensearch.enabled()) {
            dev.trailindex.opensearch.OsConnection c = opensearch.connection();
            return dev.trailindex.opensearch.OpenSearchBackend.open(new dev.trailindex.opensearch.OsConnection(c.url(), c.index(),
                    c.user(), c.password(), c.caFile(), timeout), main.schema());
        }
        return dev.trailindex.search.LocalBackend.open(index.path(), main.schema(), timeout);
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    private InetAddress resolve() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("cannot resolve --bind " + bind, e);
        }
    }

    private TrailIndexServer listen(SearchBackend search, InetSocketAddress at, HttpLimits limits, PrintStream log,
            ServerOptions options, java.util.List<dev.trailindex.sigma.SigmaRule> sigma) throws IOException {
        try {
            return TrailIndexServer.start(search, at, limits, threads, log, options, sigma);
        } catch (BindException e) {
            String host = at.getAddress().getHostAddress();
            String where = (host.contains(":") ? "[" + host + "]" : host) + ":" + at.getPort();
            String why = String.valueOf(e.getMessage()).startsWith("Address already in use") ? "the address is already in use"
                    : String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            throw new UncheckedIOException("cannot listen on " + where + ": " + why
                    + "; pick another --port (0 picks a free one) or --bind address", e);
        }
    }
}
