package dev.trailindex.bench;

/**
 * Starts a single OpenSearch node as the tests do (benchmarks/opensearch.sh uses it), prints its URL and pid,
 * and stops it when standard input ends. Usage: OsNodeMain HEAP (e.g. 1g).
 */
public final class OsNodeMain {
    private OsNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        dev.trailindex.opensearch.OpenSearchNode node = dev.trailindex.opensearch.OpenSearchNode.standalone("bench", args.length > 0 ? args[0] : "1g");
        System.out.println(node.url() + " " + node.pid() + " " + node.dir());
        System.out.flush();
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
        node.stop();
    }
}
