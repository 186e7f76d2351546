package dev.trailindex.index;

import java.util.ArrayList;
import java.util.List;

/**
 * The ARNs of the S3 bucket and object a request names by value ({@code "bucketName": "logs"}, {@code "key":
 * "a/b.txt"}), so that related.arn:arn:aws:s3:::logs also finds the management and data events that carry the
 * bucket only as a parameter. S3 ARNs hold no region or account: {@code arn:PARTITION:s3:::bucket[/key]}.
 */
final class S3Arns {
    private S3Arns() {
    }

    /** The bucket's ARN and, with a key, the object's; nothing when {@code bucket} is not a bucket name. */
    static List<String> of(String bucket, String key, String region) {
        List<String> out = new ArrayList<>(2);
        if (bucket == null || !isBucketName(bucket)) {
            return out;
        }
        String prefix = "arn:" + partition(region) + ":s3:::" + bucket;
        out.add(prefix);
        if (key != null && !key.isEmpty() && key.length() <= 1024) {
            out.add(prefix + "/" + key);
        }
        return out;
    }

    /**
     * Bucket names: 3 to 63 characters of lower-case letters, digits, dots and hyphens today; older us-east-1
     * buckets may also hold upper case and underscores (up to 255). Anything with a slash or colon is not one.
     */
    static boolean isBucketName(String b) {
        if (b.length() < 3 || b.length() > 255) {
            return false;
        }
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The partition of a region: aws-cn for cn-*, aws-us-gov for us-gov-*, else aws. */
    static String partition(String region) {
        if (region == null) {
            return "aws";
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
