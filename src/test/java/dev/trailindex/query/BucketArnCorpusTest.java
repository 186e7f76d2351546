package dev.trailindex.query;

import dev.trailindex.search.SearchBackend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * related.arn:arn:aws:s3:::BUCKET finds every event that touched the bucket, also those that name it only in
 * requestParameters.bucketName: for every bucket of the real corpus, the count equals an independent Python count.
 */
class BucketArnCorpusTest {
    @Test
    void everyEventThatTouchedABucketIsFound() throws Exception {
        Path corpus = TestSupport.corpus().toAbsolutePath().normalize();
        JsonNode expected = TestSupport.bucketExpectations(corpus);
        SearchBackend search = TestSupport.indexed(corpus).search();
        int buckets = 0;
        for (var e : expected.get("buckets").properties()) {
            String q = TestSupport.exact("related.arn", "arn:aws:s3:::" + e.getKey());
            assertEquals(e.getValue().asLong(), search.count(SearchRequest.of(q)), q);
            buckets++;
        }
        assertTrue(buckets > 20, "buckets checked: " + buckets);
        assertTrue(expected.get("by_name_only").asLong() > 0, "the corpus has events naming a bucket only by value");
        // The bucket the review named: 84 events, none of which carries the bucket's ARN alone.
        assertEquals(84, expected.get("buckets").get("alucloud").asLong());
    }
}
