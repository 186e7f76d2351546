package dev.trailindex.integrity;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where CloudTrail writes a log file, parsed from its key: {@code AWSLogs/[o-ORG/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/
 * ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz}.
 *
 * @param tail  the key from {@code AWSLogs/} on
 * @param org   the organization id of an organization trail, or null
 * @param stamp the time in the name, epoch millis: about when it was delivered (CloudTrail names a file after its
 *              newest event, rounded up to five minutes, and delivers it within 15 minutes of that)
 */
public record LogKey(String tail, String org, String account, String region, long stamp) {

    private static final Pattern KEY = Pattern.compile("AWSLogs/(?:(?<org>o-[a-z0-9]{10,32})/)?(?<account>\\d{12})"
            + "/CloudTrail/(?<region>[a-z0-9-]+)/\\d{4}/\\d{2}/\\d{2}/\\k<account>_CloudTrail_\\k<region>_"
            + "(?<time>\\d{8}T\\d{4}Z)_[A-Za-z0-9]+\\.json\\.gz");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");

    /** The log-file key in {@code tail}, if it is one. */
    public static Optional<LogKey> parse(String tail) {
        Matcher m = KEY.matcher(tail);
        if (!m.matches()) {
            return Optional.empty();
        }
        Long stamp = utc(m.group("time"), STAMP);
        return stamp == null ? Optional.empty()
                : Optional.of(new LogKey(tail, m.group("org"), m.group("account"), m.group("region"), stamp));
    }

    /** The UTC time {@code text} names in {@code format}, epoch millis, or null when it names none (a 13th month). */
    static Long utc(String text, DateTimeFormatter format) {
        try {
            return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
