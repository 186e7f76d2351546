package dev.trailindex.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the breaks of each chain: runs of missing digests, restarts (a starting digest after older ones, explained when
 * a StopLogging or DeleteTrail for the trail was logged in the account since the last digest before it began), and
 * present digests inside a chain that no digest names.
 */
final class Breaks {
    /** How far before the last digest's window a stop event may be (its log is delivered late). */
    private static final long SLACK = 15 * 60_000L;

    private final List<TrailEvent> events;
    private final java.util.Set<String> listedLogs;

    /** @param listedLogs the keys of the log files a present digest lists */
    Breaks(List<TrailEvent> events, java.util.Set<String> listedLogs) {
        this.events = events;
        this.listedLogs = listedLogs;
    }

    List<ChainBreak> of(Chain chain) {
        List<ChainBreak> out = new ArrayList<>();
        List<DigestVerdict> e = chain.entries();
        for (int i = 0; i < e.size(); i++) {
            DigestVerdict d = e.get(i);
            if (!d.present()) {
                int j = i;
                while (j + 1 < e.size() && !e.get(j + 1).present()) {
                    j++;
                }
                out.add(missingRun(chain, i == 0 ? null : e.get(i - 1), e.subList(i, j + 1), j + 1 < e.size() ? e.get(j + 1) : null));
                i = j;
            } else if (d.starting() && i > 0) {
                DigestVerdict older = chain.presentBefore(d.end());
                if (older != null) {
                    out.add(restart(chain, older, d));
                }
            } else if (d.hash() == HashStatus.UNANCHORED && i + 1 < e.size() && e.get(i + 1).present()
                    && !e.get(i + 1).starting()) {
                out.add(new ChainBreak(ChainBreak.UNLINKED, chain.name(), d.key(), e.get(i + 1).key(), d.start(), d.end(), 0,
                        null, false, null, "no digest names it, yet a newer digest of the chain follows it"));
            }
        }
        return out;
    }

    private ChainBreak missingRun(Chain chain, DigestVerdict older, List<DigestVerdict> run, DigestVerdict newer) {
        DigestVerdict first = run.get(0);
        DigestVerdict last = run.get(run.size() - 1);
        TrailEvent stop = older == null ? null : find(chain, true, older.start() - SLACK, last.end());
        String note = stop == null ? null : "or logging stopped: " + stop.name() + " at " + java.time.Instant.ofEpochMilli(stop.time())
                + " (then the digest after the stop, not the ones counted, is what is gone)";
        return new ChainBreak(ChainBreak.MISSING_DIGESTS, chain.name(), older == null ? null : older.key(),
                newer == null ? null : newer.key(), first.start(), last.end(), run.size(), null, false, null, note);
    }

    private ChainBreak restart(Chain chain, DigestVerdict older, DigestVerdict start) {
        TrailEvent stop = find(chain, true, older.start() - SLACK, start.start());
        TrailEvent begin = find(chain, false, older.start(), start.end());
        boolean listed = stop != null && listedLogs.contains(stop.logFile());
        String note = stop == null ? "no StopLogging or DeleteTrail for this trail was found in the logs: digests may have "
                + "been deleted, or validation was turned off" + (chain.sample().region().equals(chain.sample().homeRegion())
                        ? "" : " (a stop is logged in the trail's home region " + chain.sample().homeRegion() + " only)")
                : listed ? null : stop.name() + " is in a log file no present digest lists: the final digest that covers it "
                        + "is gone";
        return new ChainBreak(ChainBreak.RESTART, chain.name(), older.key(), start.key(), older.end(), start.start(), 0,
                stop, listed, begin, note);
    }

    /** Prefers a stop whose log file a digest lists. */
    private TrailEvent better(TrailEvent found, TrailEvent t) {
        return found != null && listedLogs.contains(found.logFile()) && !listedLogs.contains(t.logFile()) ? found : t;
    }

    /** The latest stop (or first start) event for the chain's trail and account in {@code [from, to]}. */
    private TrailEvent find(Chain chain, boolean stop, long from, long to) {
        TrailEvent found = null;
        for (TrailEvent t : events) {
            if (t.stops() == stop && t.time() >= from && t.time() <= to && t.account().equals(chain.sample().account())
                    && t.concerns(chain.sample().trail())) {
                if (!stop) {
                    return t;
                }
                found = better(found, t);
            }
        }
        return found;
    }
}
