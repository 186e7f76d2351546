package dev.trailindex.integrity;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of a verify run.
 *
 * @param roots       the folders holding {@code AWSLogs} that were found
 * @param digests     every digest found or known to be missing, by chain and time
 * @param logFiles    every log file listed by a present digest or found on disk, by key
 * @param breaks      the chains' discontinuities
 * @param hours       the coverage, by account, region and hour
 * @param trailEvents the events that stop or start logging found in the log files
 * @param problems    the integrity problems, grouped by kind
 * @param events      events read from all log files
 * @param otherFiles  files found that are neither digests nor log files
 * @param notes       things worth saying that are not problems (what could not be checked, and why)
 * @param unreadable  paths that could not be walked
 * @param filesRead   log files this run read
 * @param filesReused log files not read because the index had read them whole and they are unchanged since
 *                    ({@code verify --index})
 */
public record VerifyReport(List<Path> roots, List<DigestVerdict> digests, List<LogVerdict> logFiles, List<Chain> chains,
        List<ChainBreak> breaks, List<HourCell> hours, List<TrailEvent> trailEvents, List<Problem> problems, long events,
        long otherFiles, boolean keysGiven, List<String> notes, List<String> unreadable, int filesRead, int filesReused) {

    /** Whether everything present checks out. */
    public boolean intact() {
        return problems.isEmpty();
    }

    /**
     * {@code problems} when there is an integrity problem; else {@code unverified} when no digest was found at all
     * (nothing to check the log files against); else {@code intact}.
     */
    public String verdict() {
        if (!intact()) {
            return "problems";
        }
        return digests.stream().anyMatch(DigestVerdict::present) ? "intact" : "unverified";
    }

    /**
     * The verdict on each log file on disk, as an event's {@code ti.integrity} says it, by the file's path: verified (a
     * digest whose signature checks out lists it with its hash), hash-only (listed with its hash, the signature not
     * checked or the digest itself in doubt), modified, trailing-data, not-in-any-digest. Files that are gone have none.
     */
    public java.util.Map<String, String> fileVerdicts() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (LogVerdict l : logFiles) {
            String label = switch (l.status()) {
                case VALID -> l.trust() == Trust.AUTHENTICATED ? "verified" : "hash-only";
                case MODIFIED -> "modified";
                case TRAILING_DATA -> "trailing-data";
                case NOT_IN_ANY_DIGEST -> "not-in-any-digest";
                case MISSING -> null;
            };
            if (label != null && l.where() != null) {
                out.put(roots.get(l.root()).resolve(l.where().tail()).toString(), label);
            }
        }
        return out;
    }

    /** The digest files on disk that the run read. */
    public List<Path> digestFiles() {
        return digests.stream().filter(DigestVerdict::present).map(d -> roots.get(d.root()).resolve(d.where().tail())).toList();
    }

    /** How many entries of {@code list} have {@code label} under {@code get}. */
    public static <T> long count(List<T> list, java.util.function.Function<T, ? extends Labelled> get, Labelled label) {
        return list.stream().filter(x -> get.apply(x) == label).count();
    }
}
