package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A small client for the OpenSearch REST API on the JDK's HttpClient and Jackson: JSON in, JSON out, basic auth,
 * TLS with a CA file, a timeout per request, and every failure as one {@link OpenSearchException} line. (Why not
 * opensearch-java: the README's section "On an OpenSearch cluster" says.)
 */
public final class OsClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";
    private static final String APPLICATION_JSON = "application/json";

    /** An answer: its HTTP status and its body (null when it had none or it was not JSON). */
    public record Response(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final OsConnection connection;
    private final HttpClient http;
    private final String authorization;

    public OsClient(OsConnection connection) {
        this.connection = connection;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connection.timeout()).followRedirects(HttpClient.Redirect.NEVER);
        if (connection.caFile() != null) {
            b.sslContext(CaFile.sslContext(connection.caFile()));
        }
        this.http = b.build();
        this.authorization = connection.user() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (connection.user() + ":" + connection.password()).getBytes(StandardCharsets.UTF_8));
    }

    /** Checks that {@code file} is a readable file of certificates: else an IllegalArgumentException of one line. */
    public static void checkCaFile(java.nio.file.Path file) {
        CaFile.certificates(file);
    }

    public OsConnection connection() {
        return connection;
    }

    /** GET {@code path}; an error status is an exception. */
    public JsonNode get(String path) {
        return checked("GET", path, null);
    }

    public JsonNode put(String path, JsonNode body) {
        return checked("PUT", path, body);
    }

    public JsonNode post(String path, JsonNode body) {
        return checked("POST", path, body);
    }

    public JsonNode delete(String path) {
        return checked("DELETE", path, null);
    }

    /** Whether {@code path} exists (HEAD: 200 or 404; anything else is an exception). */
    public boolean exists(String path) {
        Response r = send("HEAD", path, null, APPLICATION_JSON);
        if (r.status() == 404) {
            return false;
        }
        if (!r.ok()) {
            throw OsErrors.of(connection, "HEAD " + path, r);
        }
        return true;
    }

    /** The number of documents of {@code index} matching {@code query} (match_all when null). */
    public long count(String index, JsonNode query) {
        ObjectNode body = JSON.createObjectNode();
        body.set("query", query != null ? query : JSON.createObjectNode().set("match_all", JSON.createObjectNode()));
        return post("/" + index + "/_count", body).path("count").asLong();
    }

    /** Makes what was written to {@code index} searchable now. */
    public void refresh(String index) {
        checked("POST", "/" + index + "/_refresh", null);
    }

    /**
     * One bulk request of newline-delimited JSON; the answer says per item what happened. A request-level error is
     * an exception (retryable ones say so).
     */
    public JsonNode bulk(byte[] ndjson) {
        Response r = send("POST", "/_bulk", ndjson, NDJSON);
        if (!r.ok()) {
            throw OsErrors.of(connection, "bulk", r);
        }
        return r.body();
    }

    /** A JSON request whose error status is an exception. */
    public JsonNode checked(String method, String path, JsonNode body) {
        Response r = request(method, path, body);
        if (!r.ok()) {
            throw OsErrors.of(connection, method + " " + path, r);
        }
        return r.body();
    }

    /** A JSON request; any status is returned, only a failure to talk to the cluster is an exception. */
    public Response request(String method, String path, JsonNode body) {
        try {
            return send(method, path, body == null ? null : JSON.writeValueAsBytes(body), APPLICATION_JSON);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response send(String method, String path, byte[] body, String type) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(connection.base() + path)).timeout(connection.timeout())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            rb.header("Content-Type", type);
        }
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new OpenSearchException(OpenSearchException.Kind.UNREACHABLE, "cannot reach OpenSearch at " + connection.base()
                    + ": no connection within " + connection.timeout().toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw new OpenSearchException(OpenSearchException.Kind.BUSY, "OpenSearch at " + connection.base() + " did not answer "
                    + method + " " + path + " within " + connection.timeout().toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new OpenSearchException(OpenSearchException.Kind.UNREACHABLE, "cannot reach OpenSearch at " + connection.base()
                    + ": " + OsErrors.describe(e), e);
        } catch (IOException e) {
            throw new OpenSearchException(OpenSearchException.Kind.UNREACHABLE, "lost the connection to OpenSearch at "
                    + connection.base() + ": " + OsErrors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenSearchException(OpenSearchException.Kind.UNREACHABLE, "interrupted while talking to OpenSearch", e);
        }
        return new Response(resp.statusCode(), parse(resp.body()));
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.getNodeFactory().textNode(new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
