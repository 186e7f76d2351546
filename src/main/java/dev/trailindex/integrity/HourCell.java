package dev.trailindex.integrity;

/**
 * One UTC hour of one account and region.
 *
 * @param hour    the hour's start, epoch millis
 * @param events  events whose event time is in the hour, from the log files read
 * @param stopped whether logging was stopped (a StopLogging or DeleteTrail explains the gap) during part of it
 */
public record HourCell(AccountRegion place, long hour, HourStatus status, long events, boolean stopped) {
}
