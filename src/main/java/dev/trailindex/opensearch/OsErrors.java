package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.opensearch.OpenSearchException.Kind;

/** Turns an error answer of OpenSearch into one line that says what to do. */
final class OsErrors {
    private OsErrors() {
    }

    static OpenSearchException of(OsConnection c, String what, OsClient.Response r) {
        JsonNode error = r.body() == null ? null : r.body().path("error");
        String type = error == null ? "" : error.path("type").asText("");
        String reason = reason(r.body());
        return of(c, what, r.status(), type, reason);
    }

    /** The same for one item of a bulk answer: its status and error object. */
    static OpenSearchException ofItem(OsConnection c, int status, JsonNode error) {
        return of(c, "bulk", status, error.path("type").asText(""), oneLine(error.path("reason").asText(error.toString())));
    }

    private static OpenSearchException of(OsConnection c, String what, int status, String type, String reason) {
        // 403 too, but not about credentials.
        if (type.contains("cluster_block_exception")) {
            return new OpenSearchException(Kind.READ_ONLY, "the OpenSearch index is read-only (" + reason
                    + "); lift the block (index.blocks.write, or free disk space for read_only_allow_delete) and run again");
        }
        if (status == 401) {
            return new OpenSearchException(Kind.CREDENTIALS, "OpenSearch at " + c.base() + " refused the credentials (401"
                    + (c.user() == null ? ", and none were given: use --opensearch-user and $" + OsConnection.PASSWORD_ENV
                            : " for user " + c.user() + ": check --opensearch-user and $" + OsConnection.PASSWORD_ENV) + ")");
        }
        if (status == 403) {
            return new OpenSearchException(Kind.CREDENTIALS, "OpenSearch at " + c.base() + " does not allow "
                    + (c.user() == null ? "an anonymous user" : "user " + c.user()) + " to " + what + " (403" + (reason.isEmpty() ? "" : ": " + reason) + ")");
        }
        if (type.contains("mapper") || type.contains("strict_dynamic_mapping") || type.contains("document_parsing")) {
            return new OpenSearchException(Kind.MAPPING, "OpenSearch's mapping refused a document (" + type + ": " + reason
                    + "); is the index from this trailindex's template (trailindex opensearch setup)?");
        }
        if (status == 429 || status == 502 || status == 503 || status == 504 || type.contains("rejected_execution")) {
            return new OpenSearchException(Kind.BUSY, "OpenSearch at " + c.base() + " is busy (" + status
                    + (reason.isEmpty() ? "" : ": " + reason) + ")");
        }
        return new OpenSearchException(Kind.FAILED, "OpenSearch refused " + what + " (" + status
                + (type.isEmpty() ? "" : " " + type) + (reason.isEmpty() ? "" : ": " + reason) + ")");
    }

    /** The most telling reason in an error body: the first root cause's, else the error's. */
    static String reason(JsonNode body) {
        if (body == null) {
            return "";
        }
        if (body.isTextual()) {
            return oneLine(body.asText());
        }
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return oneLine(error.asText());
        }
        JsonNode root = error.path("root_cause").path(0);
        String r = root.path("reason").asText(error.path("reason").asText(""));
        return oneLine(r);
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (t instanceof java.net.ConnectException && (m == null || m.isBlank())) {
            return "connection refused";
        }
        return oneLine(m == null ? t.getClass().getSimpleName() : m);
    }

    private static String oneLine(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }
}
