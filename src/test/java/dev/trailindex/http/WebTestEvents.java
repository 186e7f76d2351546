package dev.trailindex.http;

import dev.trailindex.TestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Three events made for the web page's tests. Their user ARNs differ only in the middle (alpha, bravo, delta), so a
 * cut keeping both ends would make them look alike. The first holds values that are hard to put into a query:
 * quotes and a backslash, nested keys with a space and with colons, a value starting with '/', query words, an
 * IPv6 address, a number too large for a double, a boolean, and values that are not searchable (a path outside the
 * schema, null, "").
 */
final class WebTestEvents {
    static final String SUBJECT_ID = "0e5c3a52-7d1f-4d35-9c43-00000000000a";
    static final String BIG_NUMBER = "12345678901234567890";

    private WebTestEvents() {
    }

    static String arn(String middle) {
        return "arn:aws:sts::111122223333:assumed-role/acme-pipeline-" + middle + "-ingest-worker-role/i-0123456789abcdef0";
    }

    private static final String SUBJECT = """
            {"eventVersion":"1.11","eventID":"%s","eventTime":"2026-11-21T10:00:00Z",
             "eventSource":"s3.amazonaws.com","eventName":"PutBucketTagging","awsRegion":"eu-west-1",
             "sourceIPAddress":"2001:db8::7","userAgent":"aws-cli/2.15 \\"quoted\\" agent",
             "userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:alpha","arn":"%s","accountId":"111122223333"},
             "requestParameters":{"bucketName":"acme \\"quoted\\" bucket\\\\x","tag key":"v:1/2 (a) [b] *c?",
               "encryptionContext":{"aws:lambda:FunctionArn":"arn:aws:lambda:eu-west-1:111122223333:function:f"},
               "tagSet":{"items":[{"key":"vol","value":"/vol/mysql"},{"key":"words","value":"NOT OR AND"}]},
               "maxItems":%s,"versioning":true,"empty":"","nothing":null},
             "responseElements":null,"addendum":{"reason":"not in the schema"},"readOnly":false,
             "recipientAccountId":"111122223333"}
            """.formatted(SUBJECT_ID, arn("alpha"), BIG_NUMBER).replace("\n", "");

    private static String other(int n, String middle) {
        return ("{\"eventVersion\":\"1.11\",\"eventID\":\"0e5c3a52-7d1f-4d35-9c43-00000000000%d\","
                + "\"eventTime\":\"2026-11-21T1%d:30:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"PutBucketTagging\","
                + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"192.0.2.%d\",\"userAgent\":\"aws-cli/2.15\","
                + "\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:%s\",\"arn\":\"%s\",\"accountId\":\"111122223333\"},"
                + "\"requestParameters\":{\"bucketName\":\"acme-other-%d\",\"tagSet\":{\"items\":[{\"key\":\"vol\",\"value\":\"/vol/other\"}]},"
                + "\"versioning\":false},\"readOnly\":true,\"recipientAccountId\":\"111122223333\"}")
                .formatted(n, n, n, middle, arn(middle), n);
    }

    /** A folder with the three events as JSON lines, made once per test run. */
    static synchronized Path folder() {
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("trailindex-web-events-");
                Files.write(folder.resolve("events.jsonl"), List.of(SUBJECT, other(1, "bravo"), other(2, "delta")), StandardCharsets.UTF_8);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder;

    static TestSupport.Indexed indexed() throws IOException {
        return TestSupport.indexed(folder());
    }
}
