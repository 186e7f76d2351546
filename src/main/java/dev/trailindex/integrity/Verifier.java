package dev.trailindex.integrity;

import dev.trailindex.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Verifies a local copy of a CloudTrail bucket offline: finds the digests and log files under the paths given, reads
 * every digest and every log file once (on {@link VerifyOptions#threads()} threads, streaming, never holding a log
 * file), links the chains, classifies what no digest lists, and builds the hour-by-hour coverage.
 */
public final class Verifier {
    private final Schema schema;
    private final VerifyOptions options;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private volatile String phase = "digests";

    public Verifier(Schema schema, VerifyOptions options) {
        this.schema = schema;
        this.options = options;
    }

    public VerifyReport run(List<Path> paths) {
        ScheduledExecutorService ticker = startTicker();
        try {
            return verify(paths);
        } finally {
            if (ticker != null) {
                ticker.shutdownNow();
            }
        }
    }

    private VerifyReport verify(List<Path> paths) {
        BucketScan.Found found = BucketScan.walk(paths);
        List<DigestFacts> digests = readDigests(found);
        KeyPrefixes prefixes = new KeyPrefixes(found.roots(), digests);
        List<Chain> chains = ChainBuilder.build(digests, prefixes, options.keys(), options.signatures(), options.fromMillis());
        phase = "log files";
        done.set(0);
        LogStage stage = new LogStage(found, prefixes, schema, options.indexed());
        List<LogVerdict> logs = stage.run(chains, t -> t >= options.fromMillis() && t < options.toMillis(),
                options.threads(), done, total);
        Windows windows = new Windows(chains);
        logs = logs.stream().map(l -> l.status() != LogStatus.NOT_IN_ANY_DIGEST ? l
                : l.withReason(UnlistedLogs.reason(l.where().stamp(), windows.of(prefixes.place(l.root(), l.where()))))).toList();
        List<TrailEvent> events = stage.tally().trailEvents();
        Set<String> listed = new HashSet<>();
        logs.stream().filter(l -> l.digest() != null).forEach(l -> listed.add(l.key()));
        Breaks finder = new Breaks(events, listed);
        List<ChainBreak> breaks = chains.stream().flatMap(c -> finder.of(c).stream()).toList();
        Coverage coverage = new Coverage(chains, logs, prefixes, breaks, options.fromMillis(), options.toMillis());
        List<HourCell> hours = coverage.cells(stage.tally());
        List<DigestVerdict> all = chains.stream().flatMap(c -> c.entries().stream()).toList();
        List<Problem> problems = Problems.of(all, logs, breaks);
        List<String> notes = Notes.of(chains, logs, options, found.other(), coverage.truncated());
        return new VerifyReport(found.roots(), all, logs, chains, breaks, hours, events, problems, stage.tally().events(),
                found.other(), !options.keys().isEmpty(), notes, found.unreadable(), stage.filesRead(), stage.filesReused());
    }

    /** Reads the digests found in the range, then the older ones they name that lie outside the paths walked. */
    private List<DigestFacts> readDigests(BucketScan.Found found) {
        long from = options.fromMillis();
        long to = options.toMillis();
        List<BucketScan.FoundDigest> wanted = found.digests().stream()
                .filter(d -> d.key().end() >= from && (to == Long.MAX_VALUE || d.key().end() <= to + 2 * ChainBuilder.HOUR))
                .toList();
        List<DigestFacts> out = new ArrayList<>(read(found, wanted));
        Set<String> seen = new HashSet<>();
        wanted.forEach(d -> seen.add(ChainBuilder.place(d.root(), d.key().tail())));
        for (int i = 0; i < out.size(); i++) {
            BucketScan.FoundDigest previous = outsideWalk(found, out.get(i), seen);
            if (previous != null) {
                seen.add(ChainBuilder.place(previous.root(), previous.key().tail()));
                out.addAll(read(found, List.of(previous)));
            }
        }
        return out;
    }

    private BucketScan.FoundDigest outsideWalk(BucketScan.Found found, DigestFacts d, Set<String> seen) {
        String tail = d.content() == null ? null : KeyPrefixes.tail(d.content().previousObject());
        DigestKey k = tail == null ? null : DigestKey.parse(tail).orElse(null);
        if (k == null || k.end() < options.fromMillis() || seen.contains(ChainBuilder.place(d.root(), tail))
                || !Files.isRegularFile(found.path(d.root(), tail))) {
            return null;
        }
        return new BucketScan.FoundDigest(d.root(), k);
    }

    private List<DigestFacts> read(BucketScan.Found found, List<BucketScan.FoundDigest> digests) {
        DigestFacts[] facts = new DigestFacts[digests.size()];
        total.addAndGet(digests.size());
        Workers.run(options.threads(), digests.size(), done, i -> {
            BucketScan.FoundDigest d = digests.get(i);
            facts[i] = DigestReader.read(d.root(), d.key(), found.path(d.root(), d.key().tail()));
        });
        return List.of(facts);
    }

    private ScheduledExecutorService startTicker() {
        VerifyOptions.Progress progress = options.progress();
        if (progress == null) {
            return null;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trailindex-verify-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> progress.update(phase, done.get(), total.get()), 2, 2, TimeUnit.SECONDS);
        return timer;
    }
}
