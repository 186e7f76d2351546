package dev.trailindex.integrity;

import dev.trailindex.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks the log files: every file a present digest lists (read from where the digest says, even outside the paths
 * walked) and every file found on disk, on several threads, each read once to hash it and count its events.
 */
final class LogStage {
    /** What a digest recorded for one log file. */
    private record Listing(DigestVerdict digest, byte[] sha256) {
    }

    /** One file to read. */
    private record Task(int root, LogKey key, Listing listing) {
    }

    private final BucketScan.Found found;
    private final KeyPrefixes prefixes;
    private final LogFileCheck check;
    private final Map<String, Listing> listed = new HashMap<>();
    private final EventTally tally = new EventTally();
    private final dev.trailindex.index.IndexedFiles indexed;
    private final AtomicInteger filesRead = new AtomicInteger();
    private final AtomicInteger filesReused = new AtomicInteger();

    LogStage(BucketScan.Found found, KeyPrefixes prefixes, Schema schema, dev.trailindex.index.IndexedFiles indexed) {
        this(found, prefixes, new LogFileCheck(schema), indexed);
    }

    /** With the reading of one file given (tests count the reads). */
    LogStage(BucketScan.Found found, KeyPrefixes prefixes, LogFileCheck check, dev.trailindex.index.IndexedFiles indexed) {
        this.found = found;
        this.prefixes = prefixes;
        this.check = check;
        this.indexed = indexed;
    }

    /** Log files read by this run. */
    int filesRead() {
        return filesRead.get();
    }

    /** Log files whose facts came from the index, unread. */
    int filesReused() {
        return filesReused.get();
    }

    EventTally tally() {
        return tally;
    }

    /**
     * The verdicts on every listed and every found log file (unlisted ones without their reason yet), sorted by key.
     *
     * @param inRange whether a found, unlisted file's key is in the time range asked for
     */
    List<LogVerdict> run(List<Chain> chains, java.util.function.LongPredicate inRange, int threads, AtomicInteger done,
            AtomicInteger total) {
        List<LogVerdict> out = new ArrayList<>();
        List<Task> tasks = tasks(chains, inRange, out);
        total.set(tasks.size());
        LogVerdict[] verdicts = new LogVerdict[tasks.size()];
        Workers.run(threads, tasks.size(), done, i -> verdicts[i] = read(tasks.get(i)));
        out.addAll(List.of(verdicts));
        out.sort(java.util.Comparator.comparing(LogVerdict::key).thenComparingInt(LogVerdict::root));
        return out;
    }

    private List<Task> tasks(List<Chain> chains, java.util.function.LongPredicate inRange, List<LogVerdict> missing) {
        for (Chain c : chains) {
            for (DigestVerdict d : c.present()) {
                DigestFile content = d.facts().content();
                for (DigestFile.Listed l : content == null ? List.<DigestFile.Listed>of() : content.logFiles()) {
                    String tail = KeyPrefixes.tail(l.object());
                    listed.putIfAbsent(ChainBuilder.place(d.root(), tail == null ? l.object() : tail), new Listing(d, l.sha256()));
                }
            }
        }
        List<Task> tasks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BucketScan.FoundLog f : found.logs()) {
            String place = ChainBuilder.place(f.root(), f.key().tail());
            Listing l = listed.get(place);
            if (l != null || inRange.test(f.key().stamp())) {
                tasks.add(new Task(f.root(), f.key(), l));
                seen.add(place);
            }
        }
        for (var e : listed.entrySet()) {
            if (!seen.contains(e.getKey())) {
                addListed(e.getKey(), e.getValue(), tasks, missing);
            }
        }
        return tasks;
    }

    /** A listed file the walk did not find: read it where the digest says, or it is missing. */
    private void addListed(String place, Listing l, List<Task> tasks, List<LogVerdict> missing) {
        String tail = place.substring(place.indexOf('|') + 1);
        LogKey key = LogKey.parse(tail).orElse(null);
        int root = l.digest().root();
        if (key != null && Files.isRegularFile(found.path(root, tail))) {
            tasks.add(new Task(root, key, l));
            return;
        }
        String detail = key == null ? "its digest lists it at a key that is not a CloudTrail log key" : "not on disk";
        missing.add(new LogVerdict(prefixes.key(root, tail), key, root, LogStatus.MISSING, null, l.digest().key(),
                l.digest().trust(), 0, detail));
    }

    private LogVerdict read(Task t) {
        Path path = found.path(t.root(), t.key().tail());
        String key = prefixes.key(t.root(), t.key().tail());
        LogFacts facts = facts(path);
        tally.add(prefixes.place(t.root(), t.key()), key, facts);
        String trailing = facts.trailingBytes() == 0 ? null : facts.trailingBytes() + " bytes follow its gzip member"
                + (facts.members() > 1 ? " (" + (facts.members() - 1) + " more gzip member" + (facts.members() > 2 ? "s" : "")
                        + ")" : "");
        if (t.listing() == null) {
            return new LogVerdict(key, t.key(), t.root(), LogStatus.NOT_IN_ANY_DIGEST, null, null, null, facts.events(),
                    join(facts.problem(), trailing));
        }
        Listing l = t.listing();
        LogStatus status;
        String detail;
        if (facts.sha256() == null) {
            status = LogStatus.MODIFIED;
            detail = facts.problem();
        } else if (l.sha256() == null || !java.util.Arrays.equals(l.sha256(), facts.sha256())) {
            status = LogStatus.MODIFIED;
            detail = join("its SHA-256 is " + Hashes.hex(facts.sha256()) + ", its digest recorded "
                    + (l.sha256() == null ? "no valid SHA-256" : Hashes.hex(l.sha256())), trailing);
        } else {
            status = trailing == null ? LogStatus.VALID : LogStatus.TRAILING_DATA;
            detail = join(trailing, facts.problem());
        }
        return new LogVerdict(key, t.key(), t.root(), status, null, l.digest().key(), l.digest().trust(), facts.events(),
                detail);
    }

    /** The index's facts of a gzip log file it read whole and that is unchanged since, else the file read now. */
    private LogFacts facts(Path path) {
        var known = indexed == null ? java.util.Optional.<dev.trailindex.index.IndexedContent>empty() : indexed.unchanged(path);
        if (known.isPresent() && known.get().hash().gzip()) {
            filesReused.incrementAndGet();
            return LogFacts.of(known.get());
        }
        filesRead.incrementAndGet();
        return check.check(path);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + "; " + b;
    }
}
