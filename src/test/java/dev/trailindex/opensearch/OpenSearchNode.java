package dev.trailindex.opensearch;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSearch node (the integ-test distribution that Maven unpacks into target/opensearch) on loopback, for
 * tests. Its config is copied into a writable folder under target/opensearch-nodes (as root, under /tmp: see
 * {@code reachable}; logs stay there), it listens on
 * free ports, runs with a 512 MB heap under the JDK that runs the tests and, since OpenSearch refuses to run as
 * root, as user nobody through {@code setpriv} when the tests run as root. {@link #shared()} starts one node per
 * test JVM, lazily, and a shutdown hook stops it by its pid; {@link #cluster} starts several that form one cluster.
 * Without the distribution the tests skip and say why, unless {@code -Dtrailindex.opensearch.required=true}.
 */
public final class OpenSearchNode {
    private static final int NOBODY = 65534;
    private static final long START_TIMEOUT_MS = 180_000;
    private static OpenSearchNode shared;
    /** As root: the world-traversable folder under /tmp holding the distribution and the nodes (see reachable). */
    private static Path base;
    private static final List<OpenSearchNode> ALL = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final String name;
    private final Path dir;
    private final int httpPort;
    private final int transportPort;
    private Process process;
    private String heap = "512m";
    private int clusterSize = 1;

    private OpenSearchNode(String name, Path dir, int httpPort, int transportPort) {
        this.name = name;
        this.dir = dir;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        ALL.add(this);
    }

    /** The single-node cluster shared by every test of this JVM, started on first use. */
    public static synchronized OpenSearchNode shared() {
        if (shared == null) {
            Path home = home();
            int[] ports = freePorts(2);
            OpenSearchNode n = new OpenSearchNode("shared", nodeDir("shared"), ports[0], ports[1]);
            n.configure(home, "trailindex-test-shared", List.of(), true);
            n.start();
            shared = n;
        }
        return shared;
    }

    /** A single node of its own (for benchmarks), with the given heap, e.g. "1g". */
    public static OpenSearchNode standalone(String name, String heap) {
        Path home = home();
        int[] ports = freePorts(2);
        OpenSearchNode n = new OpenSearchNode(name, nodeDir(name), ports[0], ports[1]);
        n.heap = heap;
        n.configure(home, "trailindex-" + name, List.of(), true);
        n.start();
        return n;
    }

    /**
     * A cluster of {@code count} nodes on loopback, started and green or yellow. The first is the only
     * cluster-manager-eligible node, so stopping any other keeps the cluster up.
     */
    public static List<OpenSearchNode> cluster(String clusterName, int count) {
        Path home = home();
        int[] ports = freePorts(2 * count);
        List<OpenSearchNode> nodes = new ArrayList<>();
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nodes.add(new OpenSearchNode(clusterName + "-" + i, nodeDir(clusterName + "-" + i), ports[2 * i], ports[2 * i + 1]));
            seeds.add("127.0.0.1:" + ports[2 * i + 1]);
        }
        for (OpenSearchNode n : nodes) {
            n.clusterSize = count;
            n.configure(home, clusterName, seeds, n == nodes.get(0));
        }
        nodes.forEach(OpenSearchNode::launch);
        nodes.forEach(n -> n.awaitHealth(count));
        return nodes;
    }

    /** The node's HTTP address, e.g. {@code http://127.0.0.1:45123}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String name() {
        return name;
    }

    /** Where the node's data and logs are. */
    public Path dir() {
        return dir;
    }

    /** The pid of the node's JVM, or -1 when it is not running. */
    public synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /** Starts (or restarts, on the same data and ports) and waits until it answers. */
    public synchronized void start() {
        launch();
        awaitHealth(clusterSize);
    }

    /** Stops the node by its pid: SIGTERM, then SIGKILL after 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The unpacked distribution, or a skip (a failure when required) saying why there is none. */
    static Path home() {
        Path home = Path.of(System.getProperty("trailindex.opensearch.home", "target/opensearch/missing"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String missing = !Files.isExecutable(home.resolve("bin/opensearch")) ? "no OpenSearch distribution at " + home.toAbsolutePath()
                + " (mvn unpacks it from org.opensearch.distribution.integ-test-zip)"
                : !Files.isExecutable(java) ? "no JDK at " + java : root() && !Files.isExecutable(Path.of("/usr/bin/setpriv"))
                        ? "running as root and no setpriv to start OpenSearch as nobody" : null;
        if (missing != null && Boolean.getBoolean("trailindex.opensearch.required")) {
            fail("OpenSearch is required but " + missing);
        }
        assumeTrue(missing == null, missing + "; OpenSearch tests skipped");
        return root() ? reachable(home) : home;
    }

    /**
     * Where nobody can reach the distribution and the nodes' folders. A checkout may sit in a folder only root can
     * enter (mktemp -d makes them mode 700), so as root the distribution is hard-linked (copied when /tmp is another
     * file system) into one world-traversable folder under /tmp per test JVM, with the nodes' folders beside it;
     * the folder is removed when the JVM ends, after its nodes are stopped.
     */
    private static synchronized Path reachable(Path home) {
        if (base == null) {
            try {
                Path b = Files.createTempDirectory("trailindex-opensearch-");
                Files.setPosixFilePermissions(b, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                Path linked = b.resolve("home");
                try {
                    run("cp", "-al", home.toAbsolutePath().toString(), linked.toString());
                } catch (IOException e) {
                    run("rm", "-rf", linked.toString());
                    run("cp", "-a", home.toAbsolutePath().toString(), linked.toString());
                }
                base = b;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    ALL.forEach(OpenSearchNode::stop);
                    try {
                        run("rm", "-rf", b.toString());
                    } catch (IOException e) {
                        // Left in /tmp; nothing else depends on it.
                    }
                }));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot prepare a folder for OpenSearch under /tmp", e);
            }
        }
        return base.resolve("home");
    }

    private void configure(Path home, String clusterName, List<String> seeds, boolean manager) {
        try {
            deleteTree(dir);
            Path config = dir.resolve("config");
            Files.createDirectories(config);
            try (Stream<Path> files = Files.walk(home.resolve("config"))) {
                for (Path p : files.toList()) {
                    Path to = config.resolve(home.resolve("config").relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            Files.writeString(config.resolve("jvm.options"), jvmOptions(Files.readString(config.resolve("jvm.options"))));
            Files.writeString(config.resolve("opensearch.yml"), settings(clusterName, seeds, manager));
            for (String d : List.of("data", "logs", "tmp")) {
                Files.createDirectories(dir.resolve(d));
            }
            if (root()) {
                run("chown", "-R", NOBODY + ":" + NOBODY, dir.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the OpenSearch node folder " + dir, e);
        }
    }

    /** The distribution's JVM options, with our heap and every relative path made absolute in the node folder. */
    private String jvmOptions(String original) {
        StringBuilder sb = new StringBuilder();
        for (String line : original.split("\n")) {
            if (line.startsWith("-Xms") || line.startsWith("-Xmx")) {
                continue;
            }
            sb.append(line.replace("file=logs/", "file=" + dir.resolve("logs") + "/")
                    .replace("HeapDumpPath=data", "HeapDumpPath=" + dir.resolve("data"))
                    .replace("ErrorFile=logs/", "ErrorFile=" + dir.resolve("logs") + "/")).append('\n');
        }
        return sb.append("-Xms" + heap + "\n-Xmx" + heap + "\n").toString();
    }

    private String settings(String clusterName, List<String> seeds, boolean manager) {
        StringBuilder sb = new StringBuilder()
                .append("cluster.name: ").append(clusterName).append('\n')
                .append("node.name: ").append(name).append('\n')
                .append("network.host: 127.0.0.1\n")
                .append("http.port: ").append(httpPort).append('\n')
                .append("transport.port: ").append(transportPort).append('\n')
                .append("path.data: ").append(dir.resolve("data")).append('\n')
                .append("path.logs: ").append(dir.resolve("logs")).append('\n')
                .append("cluster.routing.allocation.disk.threshold_enabled: false\n")
                .append("action.destructive_requires_name: false\n");
        if (seeds.isEmpty()) {
            sb.append("discovery.type: single-node\n");
        } else {
            sb.append("discovery.seed_hosts: [").append(String.join(", ", seeds)).append("]\n")
                    .append("node.roles: ").append(manager ? "[cluster_manager, data, ingest]" : "[data, ingest]").append('\n');
            if (manager) {
                sb.append("cluster.initial_cluster_manager_nodes: [").append(name).append("]\n");
            }
        }
        return sb.toString();
    }

    private synchronized void launch() {
        if (pid() > 0) {
            return;
        }
        Path home = home();
        List<String> cmd = new ArrayList<>();
        if (root()) {
            cmd.addAll(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        cmd.add(home.resolve("bin/opensearch").toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("logs/console.log").toFile()));
        pb.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OPENSEARCH_PATH_CONF", dir.resolve("config").toString());
        pb.environment().put("OPENSEARCH_TMPDIR", dir.resolve("tmp").toString());
        pb.environment().remove("OPENSEARCH_JAVA_OPTS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start OpenSearch: " + e.getMessage(), e);
        }
    }

    /** Waits until the node answers and the cluster has {@code nodes} nodes and is yellow or green. */
    private void awaitHealth(int nodes) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        String health = url() + "/_cluster/health?wait_for_status=yellow&wait_for_nodes=%3E%3D" + nodes + "&timeout=5s";
        while (System.currentTimeMillis() < deadline) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException("OpenSearch node " + name + " exited while starting; see " + dir.resolve("logs"));
            }
            if (get(health) == 200) {
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException("OpenSearch node " + name + " did not become healthy within "
                + START_TIMEOUT_MS / 1000 + " s; see " + dir.resolve("logs"));
    }

    private static int get(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(10_000);
            int code = c.getResponseCode();
            (code < 400 ? c.getInputStream() : c.getErrorStream()).readAllBytes();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    private static Path nodeDir(String name) {
        return root() ? base.resolve("nodes").resolve(name) : Path.of("target", "opensearch-nodes", name).toAbsolutePath();
    }

    private static int[] freePorts(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                held.add(new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()));
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // a port we only borrowed
                }
            }
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(String... cmd) throws IOException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
