package dev.trailindex.integrity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links the digests read into chains: each digest's hash against the previousDigestHashValue of the digest that names
 * it, its signature (from that digest's previousDigestSignature, else from --signatures), its place, and the digests
 * that are gone: those a present digest names, and the runs of consecutive ones before them, counted from the time
 * hole down to the next older digest on disk (CloudTrail writes one digest an hour, at the same minute and second).
 */
final class ChainBuilder {
    static final long HOUR = 3_600_000L;
    /** A hole this much longer than an hour holds at least one more digest. */
    private static final long SLACK = 10 * 60_000L;

    private final KeyPrefixes prefixes;
    private final PublicKeyRing keys;
    private final SignatureStore signatures;
    private final long from;
    private final Map<String, DigestFacts> byPlace = new HashMap<>();
    private final Map<String, DigestFacts> namedBy = new HashMap<>();

    private ChainBuilder(KeyPrefixes prefixes, PublicKeyRing keys, SignatureStore signatures, long from) {
        this.prefixes = prefixes;
        this.keys = keys;
        this.signatures = signatures;
        this.from = from;
    }

    /** The chains of {@code present}; digests gone before {@code from} (epoch millis) are not looked for. */
    static List<Chain> build(List<DigestFacts> present, KeyPrefixes prefixes, PublicKeyRing keys, SignatureStore signatures,
            long from) {
        ChainBuilder b = new ChainBuilder(prefixes, keys, signatures, from);
        for (DigestFacts d : present) {
            b.byPlace.put(place(d.root(), d.key().tail()), d);
        }
        for (DigestFacts d : present) {
            String previous = d.content() == null ? null : KeyPrefixes.tail(d.content().previousObject());
            if (previous != null) {
                b.namedBy.putIfAbsent(place(d.root(), previous), d);
            }
        }
        Map<String, List<DigestVerdict>> chains = new LinkedHashMap<>();
        for (DigestFacts d : present) {
            chains.computeIfAbsent(d.root() + "|" + d.key().chainName(), k -> new ArrayList<>()).add(b.verdict(d));
        }
        List<Chain> out = new ArrayList<>();
        for (List<DigestVerdict> entries : chains.values()) {
            out.add(b.complete(entries));
        }
        return out;
    }

    static String place(int root, String tail) {
        return root + "|" + tail;
    }

    private DigestVerdict verdict(DigestFacts d) {
        DigestFile c = d.content();
        DigestFacts next = namedBy.get(place(d.root(), d.key().tail()));
        List<String> detail = new ArrayList<>();
        if (d.problem() != null) {
            detail.add(d.problem());
        }
        String moved = c == null ? null : prefixes.locationProblem(d);
        if (moved != null) {
            detail.add(moved);
        }
        String format = c == null ? DigestVerdict.FORMAT_CORRUPT : d.trailingBytes() > 0 ? DigestVerdict.FORMAT_TRAILING
                : DigestVerdict.FORMAT_OK;
        if (d.trailingBytes() > 0) {
            detail.add(d.trailingBytes() + " bytes follow its gzip member");
        }
        HashStatus hash = hash(d, next, detail);
        String signature = next != null && next.content().previousSignature() != null ? next.content().previousSignature()
                : signatures.find(prefixes.key(d.root(), d.key().tail()), d.key().tail()).orElse(null);
        SignatureStatus sig = DigestSignature.check(d, signature, keys);
        long end = c == null ? d.key().end() : c.end();
        if (sig == SignatureStatus.VALID && !keys.find(c.fingerprint()).orElseThrow().validAt(end)) {
            detail.add("its key's validity period (from --public-keys) does not include its end time");
        }
        long start = c == null ? end - HOUR : c.start();
        return new DigestVerdict(prefixes.key(d.root(), d.key().tail()), d.key(), d.root(), d, Presence.PRESENT, hash, sig,
                format, moved != null, next == null ? null : prefixes.key(next.root(), next.key().tail()), start, end,
                c == null ? -1 : c.logFiles().size(), detail.isEmpty() ? null : String.join("; ", detail));
    }

    private static HashStatus hash(DigestFacts d, DigestFacts next, List<String> detail) {
        if (next == null) {
            return HashStatus.UNANCHORED;
        }
        String expected = next.content().previousHash();
        String actual = Hashes.hex(d.sha256());
        if (actual != null && actual.equalsIgnoreCase(expected)) {
            return HashStatus.OK;
        }
        detail.add("its SHA-256 is " + (actual == null ? "unknown" : actual) + ", the next digest recorded " + expected);
        return HashStatus.MODIFIED;
    }

    /** Adds the digests that are gone, then sorts. */
    private Chain complete(List<DigestVerdict> present) {
        DigestVerdict first = present.get(0);
        List<DigestVerdict> entries = new ArrayList<>(present);
        entries.sort(Comparator.comparingLong(DigestVerdict::end));
        List<DigestVerdict> missing = new ArrayList<>();
        for (DigestVerdict s : present) {
            DigestVerdict m = namedMissing(s);
            if (m != null && missing.stream().noneMatch(x -> x.key().equals(m.key()))) {
                missing.add(m);
            }
        }
        Chain sorted = new Chain(first.root(), KeyPrefixes.prefix(first.key()), first.where(), entries);
        List<DigestVerdict> all = new ArrayList<>(entries);
        for (DigestVerdict m : missing) {
            all.addAll(run(sorted, m));
        }
        all.sort(Comparator.comparingLong(DigestVerdict::end).thenComparing(DigestVerdict::presence));
        return new Chain(first.root(), sorted.prefix(), first.where(), List.copyOf(all));
    }

    /** The digest {@code s} names, when it is not on disk (and not before the range). */
    private DigestVerdict namedMissing(DigestVerdict s) {
        DigestFile c = s.facts().content();
        String tail = c == null ? null : KeyPrefixes.tail(c.previousObject());
        if (tail == null || byPlace.containsKey(place(s.root(), tail))) {
            return null;
        }
        DigestKey k = DigestKey.parse(tail).orElse(null);
        if (k == null || k.end() < from) {
            return null;
        }
        return new DigestVerdict(prefixes.key(s.root(), tail), k, s.root(), null, Presence.MISSING, null, null, null, false,
                s.key(), k.end() - HOUR, k.end(), -1, "named by " + s.key() + " but not on disk");
    }

    /** A missing digest and the ones inferred before it, down to the newest older digest on disk. */
    private List<DigestVerdict> run(Chain chain, DigestVerdict missing) {
        DigestVerdict older = chain.presentBefore(missing.end());
        if (older == null) {
            return List.of(missing);
        }
        long hole = missing.end() - older.end();
        int inferred = hole > HOUR + SLACK ? (int) Math.round((double) hole / HOUR) - 1 : 0;
        List<Long> ends = new ArrayList<>();
        for (int i = 0; i <= inferred && missing.end() - i * HOUR > older.end(); i++) {
            ends.add(missing.end() - i * HOUR);
        }
        List<DigestVerdict> out = new ArrayList<>();
        for (int i = 0; i < ends.size(); i++) {
            long end = ends.get(i);
            long start = i + 1 < ends.size() ? ends.get(i + 1) : older.end();
            out.add(i == 0 ? window(missing, start) : inferred(missing, older, end, start, ends.size() - 1));
        }
        return out;
    }

    private static DigestVerdict window(DigestVerdict m, long start) {
        return new DigestVerdict(m.key(), m.where(), m.root(), null, m.presence(), null, null, null, false, m.namedBy(),
                start, m.end(), -1, m.detail());
    }

    private DigestVerdict inferred(DigestVerdict named, DigestVerdict older, long end, long start, int count) {
        DigestKey k = named.where().at(end);
        return new DigestVerdict(prefixes.key(named.root(), k.tail()), k, named.root(), null, Presence.MISSING_INFERRED,
                null, null, null, false, null, start, end, -1, "inferred: the hole between " + older.key() + " and "
                + named.key() + " holds " + count + " more digest" + (count == 1 ? "" : "s"));
    }
}
