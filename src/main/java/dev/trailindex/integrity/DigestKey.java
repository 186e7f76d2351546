package dev.trailindex.integrity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where CloudTrail writes a digest file, parsed from its key: {@code AWSLogs/[o-ORG/]ACCOUNT/CloudTrail-Digest/REGION/
 * YYYY/MM/DD/ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ[_backfill].json.gz}. The trail name may
 * hold underscores, so the name is read from the right: timestamp, home region, then the rest.
 *
 * @param tail       the key from {@code AWSLogs/} on (the key prefix, if any, is not part of it)
 * @param org        the organization id of an organization trail, or null
 * @param region     the source region: where the digest was delivered from
 * @param homeRegion the trail's home region
 * @param end        the digest's end time (the key's timestamp), epoch millis
 */
public record DigestKey(String tail, String org, String account, String region, String trail, String homeRegion,
        long end, boolean backfill) {

    private static final Pattern KEY = Pattern.compile("AWSLogs/(?:(?<org>o-[a-z0-9]{10,32})/)?(?<account>\\d{12})"
            + "/CloudTrail-Digest/(?<region>[a-z0-9-]+)/\\d{4}/\\d{2}/\\d{2}/\\k<account>_CloudTrail-Digest_\\k<region>_"
            + "(?<trail>[A-Za-z0-9._-]+)_(?<home>[a-z]{2}(?:-[a-z]+)+-\\d+)_(?<time>\\d{8}T\\d{6}Z)(?<backfill>_backfill)?"
            + "\\.json\\.gz");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    /** The digest key in {@code tail}, if it is one. */
    public static Optional<DigestKey> parse(String tail) {
        Matcher m = KEY.matcher(tail);
        if (!m.matches()) {
            return Optional.empty();
        }
        Long end = LogKey.utc(m.group("time"), STAMP);
        if (end == null) {
            return Optional.empty();
        }
        return Optional.of(new DigestKey(tail, m.group("org"), m.group("account"), m.group("region"), m.group("trail"),
                m.group("home"), end, m.group("backfill") != null));
    }

    /** The key the same trail's digest ending at {@code otherEnd} has (used to name digests that are gone). */
    public DigestKey at(long otherEnd) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(otherEnd), ZoneOffset.UTC);
        String name = account + "_CloudTrail-Digest_" + region + "_" + trail + "_" + homeRegion + "_" + STAMP.format(t)
                + (backfill ? "_backfill" : "") + ".json.gz";
        String path = "AWSLogs/" + (org == null ? "" : org + "/") + account + "/CloudTrail-Digest/" + region + "/"
                + FOLDER.format(t) + "/" + name;
        return new DigestKey(path, org, account, region, trail, homeRegion, otherEnd, backfill);
    }

    /** What identifies the chain this digest belongs to (within one bucket and prefix). */
    public String chainName() {
        return (org == null ? "" : org + "/") + account + "/" + region + "/" + trail + "/" + homeRegion
                + (backfill ? "/backfill" : "");
    }
}
