package dev.trailindex.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trailindex.TestSupport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 32 concurrent clients with a mixed workload against a real server for a few seconds: every request must be
 * answered with 200. Latency is printed, never asserted (benchmarks/ holds the measured figures).
 */
class HttpLoadTest {
    @Test
    void thirtyTwoClientsGetAnswersWithoutErrors() throws Exception {
        var indexed = TestSupport.indexed(TestSupport.SAMPLES);
        HttpLimits d = HttpLimits.defaults();
        // Searches queue for a slot for up to 10 s here: the test is about correctness under contention.
        HttpLimits limits = new HttpLimits(d.maxUriLength(), d.maxQueryChars(), d.maxLimit(), d.maxTop(), d.maxFields(),
                4, Duration.ofSeconds(10));
        try (TrailIndexServer server = TrailIndexServer.start(indexed.search(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                limits, 16, null)) {
            List<String> paths = LoadGenerator.mix(List.of("eventName:ConsoleLogin", "key:AKIAE3P2DLMCHEXAMPLE",
                    "ip:198.51.100.0/24", "errorCode:* AND NOT eventSource:s3.amazonaws.com", "related.arn:*acme*", "attacker"),
                    List.of("9a000117-9046-4dcf-b459-1097984dc387"));
            LoadGenerator.Result r = LoadGenerator.run(server.uri(), paths, 32, Duration.ofSeconds(3));
            System.out.println("HttpLoadTest: " + r.summary());
            assertTrue(r.requests() > 100, r.summary());
            assertEquals(Map.of(200, r.requests()), r.statuses(), r.summary());
        }
    }
}
