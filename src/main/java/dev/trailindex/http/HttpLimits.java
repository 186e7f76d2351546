package dev.trailindex.http;

import java.time.Duration;

/**
 * Bounds on what one request may ask of the server, so a slow or huge request cannot starve the others.
 *
 * @param maxUriLength  longest request URI, in characters
 * @param maxQueryChars longest query text
 * @param maxLimit      most hits in one page
 * @param maxTop        most facet values per field
 * @param maxFields     most facet fields in one request
 * @param maxConcurrent searches running at once; more wait up to {@code queueWait}, then get 503
 * @param queueWait     how long a request may wait for a free search slot
 */
public record HttpLimits(int maxUriLength, int maxQueryChars, int maxLimit, int maxTop, int maxFields,
        int maxConcurrent, Duration queueWait) {

    public static HttpLimits defaults() {
        return new HttpLimits(8192, 4096, 1000, 1000, 20, Math.max(2, Runtime.getRuntime().availableProcessors() * 2),
                Duration.ofSeconds(2));
    }
}
