package dev.trailindex.opensearch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of OpenSearch's REST API with a JSON body (null for none) and its JSON answer. Failures are one-line
 * exceptions of the client (unreachable, refused, an error status with OpenSearch's reason).
 */
@FunctionalInterface
interface OsCalls {
    JsonNode call(String method, String path, JsonNode body);
}
