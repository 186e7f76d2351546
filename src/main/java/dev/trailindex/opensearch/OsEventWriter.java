package dev.trailindex.opensearch;

import dev.trailindex.index.DocumentBuilder;
import dev.trailindex.index.EventKeys;
import dev.trailindex.index.Flag;
import dev.trailindex.index.IngestReport;
import dev.trailindex.index.LongLongMap;
import dev.trailindex.index.ReportBuilder;
import dev.trailindex.ingest.RawEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, event by event in walk order, what becomes of each copy of a key, with the local index's rules: the
 * earliest whole copy wins (a whole copy beats a partial one), an identical or cut later copy is a duplicate, and a
 * later copy whose bytes differ is kept in NAME-copies while the winner is flagged conflicting-copies. Copies
 * already on the cluster (earlier runs, a killed run) are looked up by key, a chunk of events at a time. A key stays
 * in the index its first copy went to, so there is one document per key across the monthly indices.
 */
final class OsEventWriter {
    private static final long UNKNOWN = 0L;

    private final DocumentBuilder builder;
    private final OsIndices indices;
    private final BulkSender sender;
    private final ClusterCopies cluster;
    private final ReportBuilder report;
    private final boolean lookUp;
    private final WalkOrder order;
    private final LongLongMap ranks = new LongLongMap(null, Long.MAX_VALUE, "os-ranks");
    private final LongLongMap contents = new LongLongMap(null, Long.MAX_VALUE, "os-contents");
    private final LongLongMap months = new LongLongMap(null, Long.MAX_VALUE, "os-months");
    private final Map<Long, Set<Long>> differing = new HashMap<>();
    /** Keys whose winner must be rewritten with the flag conflicting-copies, with the places of their copies. */
    private final Map<String, List<RawEvent>> toFlag = new LinkedHashMap<>();
    private final List<IngestReport.Conflict> pairs = new ArrayList<>();

    /** {@code lookUp}: whether the cluster may hold some of the keys already (false for a first load). */
    OsEventWriter(DocumentBuilder builder, OsIndices indices, BulkSender sender, ClusterCopies cluster, ReportBuilder report,
            boolean lookUp, WalkOrder order) {
        this.builder = builder;
        this.indices = indices;
        this.sender = sender;
        this.cluster = cluster;
        this.report = report;
        this.lookUp = lookUp;
        this.order = order;
    }

    /** Decides the events of one chunk of file {@code file}, in order. */
    void write(String file, List<RawEvent> chunk) {
        List<String> keys = new ArrayList<>(chunk.size());
        Set<String> unknown = new HashSet<>();
        for (RawEvent ev : chunk) {
            String key = builder.key(ev);
            keys.add(key);
            if (lookUp && ranks.get(EventKeys.hash64(key), -1) == -1) {
                unknown.add(key);
            }
        }
        Map<String, ClusterCopies.Held> held = unknown.isEmpty() ? Map.of() : cluster.find(unknown);
        for (int i = 0; i < chunk.size(); i++) {
            write(chunk.get(i), keys.get(i), held.get(keys.get(i)));
            report.eventRead();
        }
    }

    private void write(RawEvent ev, String key, ClusterCopies.Held onCluster) {
        long hash = EventKeys.hash64(key);
        long rank = order.rank(ev.file(), ev.record(), ev.partial());
        long content = contentOf(key, ev);
        if (onCluster != null && ranks.get(hash, -1) == -1) {
            ClusterCopies.Held h = onCluster;
            remember(hash, order.rank(h.event().file(), h.event().record(), h.partial()), contentOf(key, h.event()),
                    OsDocument.monthCode(indices, h.index()));
            if (h.conflicting()) {
                differing.computeIfAbsent(hash, k -> new HashSet<>()).add(contentOf(key, h.event()));
            }
        } else {
            onCluster = null;
        }
        long heldRank = ranks.get(hash, -1);
        if (heldRank == -1) {
            long month = OsDocument.monthCode(OsDocument.month(builder.schema(), ev.tree()));
            String index = OsDocument.index(indices, month);
            indices.ensure(index, true);
            remember(hash, rank, content, month);
            send("create", index, key, ev, Set.of());
            report.indexedOne();
        } else if (rank < heldRank) {
            displace(ev, key, hash, rank, content, onCluster);
        } else {
            keepAside(ev, key, hash, content, onCluster);
        }
    }

    /** What a copy's bytes are to conflicts: their hash, or UNKNOWN for a cut copy or a content-keyed event. */
    private static long contentOf(String key, RawEvent ev) {
        return key.startsWith(EventKeys.HASH_PREFIX) || ev.partial() ? UNKNOWN : EventKeys.contentHash(ev.json());
    }

    /**
     * {@code ev} ranks before the held copy: it becomes the event, in the held copy's index. In walk order this
     * happens only to a copy found on the cluster ({@code held}) or to a cut copy, which is never a conflict.
     */
    private void displace(RawEvent ev, String key, long hash, long rank, long content, ClusterCopies.Held held) {
        long heldContent = contents.get(hash, UNKNOWN);
        boolean conflict = differ(heldContent, content) && noteDiffering(hash, heldContent, content);
        if (conflict && held != null) {
            sender.send(copy(key, heldContent, held.event()));
            pairs.add(new IngestReport.Conflict(key, ev.file(), ev.record(), ev.offset(), held.event().file(), held.event().record(),
                    held.event().offset()));
        }
        boolean flagged = differing.containsKey(hash);
        long month = months.get(hash, 0);
        remember(hash, rank, content, month);
        send("index", OsDocument.index(indices, month), key, ev, flagged ? Set.of(Flag.CONFLICTING_COPIES) : Set.of());
        count(conflict);
    }

    /** {@code ev} ranks after the held copy: a duplicate, or a differing copy to keep aside. */
    private void keepAside(RawEvent ev, String key, long hash, long content, ClusterCopies.Held held) {
        long heldContent = contents.get(hash, UNKNOWN);
        if (!differ(heldContent, content)) {
            report.duplicate();
            return;
        }
        boolean wasFlagged = differing.containsKey(hash);
        boolean isNew = noteDiffering(hash, heldContent, content);
        if (isNew) {
            sender.send(copy(key, content, ev));
            toFlag.computeIfAbsent(key, k -> new ArrayList<>()).add(ev);
        }
        if (!wasFlagged) {
            toFlag.computeIfAbsent(key, k -> new ArrayList<>());
        }
        count(isNew);
    }

    private void count(boolean conflict) {
        if (conflict) {
            report.conflict();
        } else {
            report.duplicate();
        }
    }

    /** Notes two differing contents of a key; true when {@code arrived} is new for it. */
    private boolean noteDiffering(long hash, long held, long arrived) {
        Set<Long> seen = differing.computeIfAbsent(hash, k -> new HashSet<>());
        seen.add(held);
        return seen.add(arrived);
    }

    private static boolean differ(long held, long arrived) {
        return held != UNKNOWN && arrived != UNKNOWN && held != arrived;
    }

    private void remember(long hash, long rank, long content, long month) {
        ranks.put(hash, rank);
        contents.put(hash, content);
        months.put(hash, month);
    }

    /** The index that holds the document of {@code key} (this run wrote or found it), or null. */
    String indexOf(String key) {
        long m = months.get(EventKeys.hash64(key), 0);
        return m == 0 ? null : OsDocument.index(indices, m);
    }

    /** The keys whose winner needs the conflicting-copies flag, and the differing copies seen; cleared. */
    Map<String, List<RawEvent>> takeToFlag() {
        Map<String, List<RawEvent>> out = new LinkedHashMap<>(toFlag);
        toFlag.clear();
        return out;
    }

    void conflictPair(IngestReport.Conflict c) {
        pairs.add(c);
    }

    List<IngestReport.Conflict> conflicts() {
        return pairs;
    }

    private void send(String action, String index, String key, RawEvent ev, Set<Flag> flags) {
        sender.send(new EventOp(builder, action, index, key, ev, flags));
    }

    private BulkSender.Op copy(String key, long content, RawEvent copy) {
        String id = OsCopies.id(key, content);
        String index = indices.copies();
        return new BulkSender.Op() {
            @Override
            public String id() {
                return key;
            }

            @Override
            public byte[] lines() throws java.io.IOException {
                return BulkSender.lines("index", index, id, OsCopies.doc(key, content, copy));
            }
        };
    }

    void close() {
        ranks.close();
        contents.close();
        months.close();
    }
}
