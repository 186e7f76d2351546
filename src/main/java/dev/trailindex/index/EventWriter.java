package dev.trailindex.index;

import dev.trailindex.ingest.RawEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Writes the events of one run: decides with the {@link DedupTable} which copy of a key is the event, and with the
 * {@link CopyTracker} whether a losing copy is a plain duplicate (identical bytes, or a cut copy) or a conflicting
 * one. A conflicting copy is kept in the {@link CopyStore}, counted apart, and the indexed copy is flagged
 * conflicting-copies, rewritten if it was already written without the flag (its document is rebuilt from its
 * stored original). Copies of one key are handled under one lock stripe, so these steps never interleave.
 */
final class EventWriter {
    private static final int LOCK_STRIPES = 256;
    private static final Set<Flag> CONFLICTING = Set.of(Flag.CONFLICTING_COPIES);

    private final IndexWriter writer;
    private final DocumentBuilder builder;
    private final DedupTable dedup;
    private final CommittedEvents committed;
    private final CommittedEvents live;
    private final CopyTracker copies;
    private final CopyStore store;
    private final ReportBuilder report;
    private final Map<String, Integer> fileIndexes;
    private final Object[] stripes = new Object[LOCK_STRIPES];

    /** {@code fileIndexes}: each file's place in this run's walk order, by the name events carry. */
    EventWriter(IndexWriter writer, DocumentBuilder builder, DedupTable dedup, CommittedEvents committed, CopyTracker copies,
            CopyStore store, ReportBuilder report, Map<String, Integer> fileIndexes, RawEvents raw) {
        this.writer = writer;
        this.builder = builder;
        this.dedup = dedup;
        this.committed = committed;
        this.live = CommittedEvents.live(writer, builder.schema(), raw);
        this.copies = copies;
        this.store = store;
        this.report = report;
        this.fileIndexes = fileIndexes;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    void write(int fileIndex, RawEvent ev) throws IOException {
        // The key decides; the document is built only for events that will be written (a duplicate, and every
        // event of a --full re-run, costs a key, not a document).
        String key = builder.key(ev);
        long hash = EventKeys.hash64(key);
        long rank = DedupTable.rank(fileIndex, ev.record(), ev.partial());
        long content = contentOf(key, ev);
        synchronized (stripes[(int) (hash & (LOCK_STRIPES - 1))]) {
            switch (dedup.claim(hash, rank)) {
                case NEW -> {
                    add(ev, key);
                    copies.winner(hash, content);
                }
                case REPLACE -> displace(ev, key, hash, rank, content, null);
                case DUPLICATE -> keepAside(ev, key, hash, rank, content, null);
                case COMMITTED -> {
                    CommittedEvents.Location had = committed.locate(key);
                    if (had == null) {
                        add(ev, key);
                        copies.winner(hash, content);
                        dedup.take(hash, rank);
                        break;
                    }
                    if (copies.winner(hash) == CopyTracker.UNKNOWN && !had.partial() && content != CopyTracker.UNKNOWN) {
                        copies.winner(hash, CopyTracker.content(had.json()));
                    }
                    if (had.after(ev.file(), ev.record(), ev.partial())) {
                        // An earlier run (perhaps killed) committed a copy that ranks after this one: this one wins,
                        // as it would have in one uninterrupted run.
                        displace(ev, key, hash, rank, content, had);
                        dedup.take(hash, rank);
                    } else {
                        keepAside(ev, key, hash, rank, content, had);
                    }
                }
            }
        }
        report.eventsRead.incrementAndGet();
    }

    /** {@code ev} ranks before the copy held for its key ({@code held}, or looked up): it becomes the event. */
    private void displace(RawEvent ev, String key, long hash, long rank, long content, CommittedEvents.Location held) throws IOException {
        long heldContent = copies.winner(hash);
        boolean conflict = false;
        if (differ(heldContent, content)) {
            CommittedEvents.Location h = held != null ? held : live.locate(key);
            CopyTracker.Noted n = copies.differing(key, hash, heldContent, place(h), content, null);
            if (n.keepHeld()) {
                store.append(new CopyStore.Copy(key, CopyTracker.hex(heldContent), h.file(), h.record(), h.offset(), h.line(), h.json()));
            }
            conflict = n.newContents() > 0;
        }
        boolean flagged = copies.conflicted(hash) || (held != null && held.conflicting());
        writer.updateDocument(term(key), builder.build(ev, key, flagged ? CONFLICTING : Set.of()));
        copies.winner(hash, content);
        (conflict ? report.conflicts : report.duplicates).incrementAndGet();
    }

    /** {@code ev} ranks after the copy held for its key: a duplicate, or a conflicting copy to keep. */
    private void keepAside(RawEvent ev, String key, long hash, long rank, long content, CommittedEvents.Location held) throws IOException {
        long heldContent = copies.winner(hash);
        if (!differ(heldContent, content)) {
            report.duplicates.incrementAndGet();
            return;
        }
        boolean flagged = copies.conflicted(hash) || (held != null && held.conflicting());
        CopyTracker.Noted n = copies.differing(key, hash, heldContent, null, content,
                new CopyTracker.Place(rank, ev.file(), ev.record(), ev.offset()));
        if (n.keepArrived()) {
            store.append(new CopyStore.Copy(key, CopyTracker.hex(content), ev.file(), ev.record(), ev.offset(), ev.line(), ev.json()));
        }
        if (!flagged) {
            CommittedEvents.Location h = held != null ? held : live.locate(key);
            writer.updateDocument(term(key), builder.build(h.event(), key, CONFLICTING));
        }
        (n.newContents() > 0 ? report.conflicts : report.duplicates).incrementAndGet();
    }

    /**
     * What a copy's bytes are to conflicts: their hash, or UNKNOWN for a partial copy (cut, not changed) and for an
     * event keyed by its content (no eventID): its copies have the same content by construction and differ at
     * most in formatting, which is no evidence.
     */
    private static long contentOf(String key, RawEvent ev) {
        return key.startsWith(EventKeys.HASH_PREFIX) ? CopyTracker.UNKNOWN : CopyTracker.content(ev);
    }

    /** Whole copies whose bytes differ; a cut copy is never a conflict. */
    private static boolean differ(long held, long arrived) {
        return held != CopyTracker.UNKNOWN && arrived != CopyTracker.UNKNOWN && held != arrived;
    }

    private CopyTracker.Place place(CommittedEvents.Location h) {
        Integer i = fileIndexes.get(h.file());
        long rank = i == null ? DedupTable.EARLIER_RUN : DedupTable.rank(i, h.record(), h.partial());
        return new CopyTracker.Place(rank, h.file(), h.record(), h.offset());
    }

    private void add(RawEvent ev, String key) throws IOException {
        writer.addDocument(builder.build(ev, key));
        report.indexed.incrementAndGet();
    }

    private Term term(String key) {
        return KeywordTerms.term(builder.schema().derived(dev.trailindex.schema.Derivation.EVENT_KEY), key);
    }

    /** The pairs of this run's conflicts: for each key that got a new differing copy, the event and each copy. */
    List<IngestReport.Conflict> conflicts() throws IOException {
        List<IngestReport.Conflict> out = new ArrayList<>();
        for (String key : copies.conflictedThisRun()) {
            CommittedEvents.Location w = live.locate(key);
            if (w == null) {
                continue;
            }
            for (CopyTracker.Place p : copies.differingFrom(key, CopyTracker.content(w.json()))) {
                out.add(new IngestReport.Conflict(key, w.file(), w.record(), w.offset(), p.file(), p.record(), p.offset()));
            }
        }
        return out;
    }

    void close() throws IOException {
        live.close();
    }
}
