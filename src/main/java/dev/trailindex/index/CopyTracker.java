package dev.trailindex.index;

import dev.trailindex.ingest.RawEvent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells identical copies of an event from differing ones during a run. Two whole copies are identical when their
 * exact bytes are (a 64-bit hash of them; formatting differences count as differences, since the bytes are the
 * evidence). A partial copy is never a conflict: it is cut, not changed. For each key it keeps the hash of the
 * indexed copy (16 bytes a key, spilling to its own file past a few million keys like the duplicate table), and for keys with differing copies,
 * which are rare, every distinct content with its best place (lowest rank), so the count of conflicts is the same
 * whatever order threads read the files in: distinct contents less one, per key.
 */
final class CopyTracker implements AutoCloseable {
    /** Content hash of a partial copy, or of an indexed copy not seen yet. */
    static final long UNKNOWN = 0L;

    /** Where one content of a key was best seen; rank {@link DedupTable#EARLIER_RUN} for earlier runs. */
    record Place(long rank, String file, long record, long offset) {
    }

    /**
     * What noting two differing copies found: how many contents are new for the key (each a conflict), and which of
     * the two copies must be kept in the {@link CopyStore} (a new content, or a known one at a better place).
     */
    record Noted(int newContents, boolean keepHeld, boolean keepArrived) {
    }

    private final LongLongMap winners;
    private final Map<Long, Map<Long, Place>> contents = new HashMap<>();
    private final Set<String> conflictedThisRun = new LinkedHashSet<>();

    /** {@code earlier}: the copies kept by earlier runs. */
    CopyTracker(Path spillDir, List<CopyStore.Copy> earlier) {
        this.winners = new LongLongMap(spillDir, LongLongMap.HEAP_SLOTS, "copies");
        for (CopyStore.Copy c : earlier) {
            contents.computeIfAbsent(EventKeys.hash64(c.key()), k -> new HashMap<>())
                    .putIfAbsent(HexFormat.fromHexDigitsToLong(c.content()), new Place(DedupTable.EARLIER_RUN, c.file(), c.record(), c.offset()));
        }
    }

    /** The content hash of a copy (never {@link #UNKNOWN} for a whole one). */
    static long content(RawEvent ev) {
        return ev.partial() ? UNKNOWN : content(ev.json());
    }

    static long content(byte[] json) {
        return EventKeys.contentHash(json);
    }

    static String hex(long content) {
        return HexFormat.of().toHexDigits(content);
    }

    synchronized long winner(long keyHash) {
        return winners.get(keyHash, UNKNOWN);
    }

    synchronized void winner(long keyHash, long content) {
        winners.put(keyHash, content);
    }

    /** Whether the key has differing copies (its indexed copy is flagged conflicting-copies). */
    synchronized boolean conflicted(long keyHash) {
        return contents.containsKey(keyHash);
    }

    /**
     * Notes that a whole copy of content {@code arrived} differs from the held one of content {@code held} (the
     * one indexed until now). The copy that stays indexed has a null place; the other has its own, to be kept.
     */
    synchronized Noted differing(String key, long keyHash, long held, Place heldPlace, long arrived, Place arrivedPlace) {
        Map<Long, Place> m = contents.computeIfAbsent(keyHash, k -> new HashMap<>());
        // The held copy existed before this note, noted or not.
        int before = m.size() + (m.containsKey(held) ? 0 : 1);
        boolean keepHeld = note(m, held, heldPlace);
        boolean keepArrived = note(m, arrived, arrivedPlace);
        int added = m.size() - before;
        if (added > 0) {
            conflictedThisRun.add(key);
        }
        return new Noted(added, keepHeld, keepArrived);
    }

    private static boolean note(Map<Long, Place> m, long content, Place place) {
        if (place == null) {
            m.putIfAbsent(content, null);
            return false;
        }
        Place had = m.get(content);
        boolean better = !m.containsKey(content) || had == null
                || (had.rank() != DedupTable.EARLIER_RUN && place.rank() < had.rank());
        if (better) {
            m.put(content, place);
        }
        return better;
    }

    /** Keys that got a new differing copy in this run. */
    synchronized List<String> conflictedThisRun() {
        return List.copyOf(conflictedThisRun);
    }

    /** The best place of every content of {@code key} other than {@code winnerContent}. */
    synchronized List<Place> differingFrom(String key, long winnerContent) {
        Map<Long, Place> m = contents.getOrDefault(EventKeys.hash64(key), Map.of());
        return m.entrySet().stream().filter(e -> e.getKey() != winnerContent && e.getValue() != null)
                .map(Map.Entry::getValue)
                .sorted(java.util.Comparator.comparing(Place::file).thenComparingLong(Place::record)).toList();
    }

    @Override
    public synchronized void close() {
        winners.close();
    }
}
