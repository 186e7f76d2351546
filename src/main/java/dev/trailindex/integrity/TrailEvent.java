package dev.trailindex.integrity;

/**
 * An event that starts or stops a trail's logging (StopLogging, DeleteTrail, StartLogging, CreateTrail), found in a
 * log file.
 *
 * @param name    the API call
 * @param time    its event time, epoch millis
 * @param trail   the trail it names (its name or ARN, from the request parameters), or null
 * @param logFile the S3 key of the log file it is in
 * @param region  the region of that log file
 */
public record TrailEvent(String name, long time, String trail, String logFile, String account, String region) {
    static final String STOP_LOGGING = "StopLogging";
    static final String DELETE_TRAIL = "DeleteTrail";
    static final String START_LOGGING = "StartLogging";
    static final String CREATE_TRAIL = "CreateTrail";

    static boolean interesting(String eventName) {
        return STOP_LOGGING.equals(eventName) || DELETE_TRAIL.equals(eventName) || START_LOGGING.equals(eventName)
                || CREATE_TRAIL.equals(eventName);
    }

    /** Whether it ends logging: StopLogging or DeleteTrail. */
    boolean stops() {
        return STOP_LOGGING.equals(name) || DELETE_TRAIL.equals(name);
    }

    /** Whether it is about {@code trailName}: it names that trail (by name or ARN), or names none. */
    boolean concerns(String trailName) {
        return trail == null || trail.equals(trailName) || trail.endsWith("/" + trailName);
    }
}
