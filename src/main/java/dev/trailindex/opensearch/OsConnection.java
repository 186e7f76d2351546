package dev.trailindex.opensearch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a trailindex on OpenSearch is: the cluster's URL, the alias its events are searched by (the indices are
 * named after it, see {@link IndexTemplate}), and how to sign in.
 *
 * @param url      the cluster, {@code http://} or {@code https://}, without a path
 * @param index    the alias, e.g. {@code trailindex}
 * @param user     the basic-auth user, or null
 * @param password the basic-auth password (from {@link #PASSWORD_ENV}), or null
 * @param caFile   a PEM file of the CA certificates to trust for https, or null for the JDK's own
 * @param timeout  how long one request may take
 */
public record OsConnection(URI url, String index, String user, String password, Path caFile, Duration timeout) {
    /** The environment variable of the cluster URL. */
    public static final String URL_ENV = "TRAILINDEX_OPENSEARCH";
    /** The environment variable of the password: never on the command line, where ps shows it. */
    public static final String PASSWORD_ENV = "TRAILINDEX_OPENSEARCH_PASSWORD";
    public static final String DEFAULT_INDEX = "trailindex";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public OsConnection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("the OpenSearch URL must be http://HOST:PORT or https://HOST:PORT, not '" + url + "'");
        }
        if (url.getPath() != null && !url.getPath().isEmpty() && !url.getPath().equals("/")) {
            throw new IllegalArgumentException("the OpenSearch URL must not have a path ('" + url.getPath() + "'): give the index with --opensearch-index");
        }
        if (url.getUserInfo() != null) {
            throw new IllegalArgumentException("put no credentials in the OpenSearch URL: use --opensearch-user and $" + PASSWORD_ENV);
        }
        if (!index.matches("[a-z0-9][a-z0-9_.+-]{0,200}") || index.contains("..")) {
            throw new IllegalArgumentException("an OpenSearch index name is lower case letters, digits and _ . + -, starting with a letter or digit, not '" + index + "'");
        }
        if (user != null && password == null) {
            throw new IllegalArgumentException("--opensearch-user " + user + " needs the password in the environment variable " + PASSWORD_ENV);
        }
    }

    /** A connection without credentials, e.g. to a loopback node. */
    public static OsConnection of(String url, String index) {
        return new OsConnection(URI.create(url), index, null, null, null, DEFAULT_TIMEOUT);
    }

    /** The URL without a trailing slash, to append paths to. */
    public String base() {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        // Never the password.
        return "OsConnection[" + base() + ", index " + index + (user == null ? "" : ", user " + user) + "]";
    }
}
