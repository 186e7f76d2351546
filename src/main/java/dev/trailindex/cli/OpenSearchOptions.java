package dev.trailindex.cli;

import dev.trailindex.opensearch.OsConnection;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that point a command at a trailindex on an OpenSearch cluster instead of a local index folder. A
 * mixin: every read command, {@code serve}, {@code index} and {@code opensearch} take the same ones.
 */
public final class OpenSearchOptions {
    @Option(names = "--opensearch", paramLabel = "URL", defaultValue = "${env:" + OsConnection.URL_ENV + "}",
            description = "Use the trailindex on this OpenSearch cluster (http://HOST:PORT or https://...) instead of a local "
                    + "index (default: $" + OsConnection.URL_ENV + ").")
    String url;

    @Option(names = "--opensearch-index", paramLabel = "NAME", defaultValue = OsConnection.DEFAULT_INDEX,
            description = "The alias of the events on the cluster; its indices are NAME-events-YYYY.MM (default: ${DEFAULT-VALUE}).")
    String index;

    @Option(names = "--opensearch-user", paramLabel = "USER",
            description = "Basic-auth user; the password is read from $" + OsConnection.PASSWORD_ENV + ".")
    String user;

    @Option(names = "--opensearch-ca", paramLabel = "FILE",
            description = "PEM file of the CA certificate(s) to trust for https (default: the JDK's trusted CAs).")
    Path ca;

    /** The alias given (or the default), whether or not a cluster was named. */
    public String index() {
        return index;
    }

    /** Whether a cluster was named (by option or environment). */
    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    /** The connection the options describe; a bad value is a usage error (one line, exit 2). */
    public OsConnection connection() {
        if (!enabled()) {
            throw new UsageError("no OpenSearch cluster given: use --opensearch URL or $" + OsConnection.URL_ENV);
        }
        String password = System.getenv(OsConnection.PASSWORD_ENV);
        try {
            URI uri = URI.create(url.strip());
            OsConnection c = new OsConnection(uri, index, user, user == null ? null : password, ca, OsConnection.DEFAULT_TIMEOUT);
            if (ca != null) {
                dev.trailindex.opensearch.OsClient.checkCaFile(ca);
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
