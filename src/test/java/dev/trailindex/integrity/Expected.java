package dev.trailindex.integrity;

import dev.trailindex.integrity.SignedBucket.Digest;
import dev.trailindex.integrity.SignedBucket.Log;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a verifier must find in a {@link SignedBucket}, derived only from what the bucket wrote and what was done to it:
 * the rules of CloudTrail's chain, applied to the generator's own records.
 */
final class Expected {
    /** The expected verdict on one digest; hash and signature are null for a missing one. */
    record DigestExpectation(Presence presence, HashStatus hash, SignatureStatus signature) {
    }

    /** The expected verdict on one log file. */
    record LogExpectation(LogStatus status, UnlistedReason reason) {
    }

    final Map<String, DigestExpectation> digests = new HashMap<>();
    final Map<String, LogExpectation> logs = new HashMap<>();
    final List<Problem.Kind> problems = new ArrayList<>();

    /**
     * @param keys the fingerprints of the keys given to the verifier; null when none are given
     */
    Expected(SignedBucket bucket, Set<String> keys) {
        for (SignedBucket.Chain c : bucket.chains) {
            chain(c, keys);
        }
        for (Log l : bucket.logs()) {
            LogExpectation e = log(l);
            if (e != null) {
                logs.put(l.key, e);
                problemOf(e);
            }
        }
        problems.sort(null);
    }

    private void chain(SignedBucket.Chain c, Set<String> keys) {
        List<Digest> ds = c.digests;
        for (int i = 0; i < ds.size(); i++) {
            Digest d = ds.get(i);
            if (d.starting && i > 0 && !(ds.get(i - 1).finalDigest && !ds.get(i - 1).deleted)) {
                // A restart is explained only by a StopLogging that the final digest before it lists.
                problems.add(Problem.Kind.UNEXPLAINED_RESTART);
            }
            Digest next = i + 1 < ds.size() && !ds.get(i + 1).starting ? ds.get(i + 1) : null;
            if (d.deleted) {
                missing(ds, i, next);
                continue;
            }
            boolean vouched = next != null && !next.deleted;
            HashStatus hash = !vouched ? HashStatus.UNANCHORED : d.modified ? HashStatus.MODIFIED : HashStatus.OK;
            SignatureStatus sig = !vouched ? SignatureStatus.UNAVAILABLE : keys == null ? SignatureStatus.NO_KEY
                    : !keys.contains(d.claimed.fingerprint) ? SignatureStatus.KEY_NOT_FOUND
                    : d.modified || d.signer != d.claimed ? SignatureStatus.INVALID : SignatureStatus.VALID;
            digests.put(d.key, new DigestExpectation(Presence.PRESENT, hash, sig));
            if (hash == HashStatus.MODIFIED) {
                problems.add(Problem.Kind.MODIFIED_DIGEST);
            }
            if (sig == SignatureStatus.INVALID) {
                problems.add(Problem.Kind.INVALID_SIGNATURE);
            }
            if (sig == SignatureStatus.KEY_NOT_FOUND) {
                problems.add(Problem.Kind.UNKNOWN_SIGNING_KEY);
            }
        }
    }

    /**
     * A deleted digest is named (missing) when the digest after it is on disk and continues the chain, and inferred
     * when it is inside a run of deleted ones that ends at such a digest and begins after one on disk.
     */
    private void missing(List<Digest> ds, int i, Digest next) {
        if (next != null && !next.deleted) {
            digests.put(ds.get(i).key, new DigestExpectation(Presence.MISSING, null, null));
            problems.add(Problem.Kind.MISSING_DIGEST);
            return;
        }
        int end = i;
        while (end + 1 < ds.size() && ds.get(end + 1).deleted && !ds.get(end + 1).starting) {
            end++;
        }
        boolean namedAfter = end + 1 < ds.size() && !ds.get(end + 1).starting;
        int begin = i;
        while (begin > 0 && ds.get(begin - 1).deleted) {
            begin--;
        }
        boolean presentBefore = begin > 0 && !ds.get(begin).starting;
        if (namedAfter && presentBefore) {
            digests.put(ds.get(i).key, new DigestExpectation(Presence.MISSING_INFERRED, null, null));
            problems.add(Problem.Kind.MISSING_DIGEST);
        }
    }

    private LogExpectation log(Log l) {
        if (l.added) {
            return new LogExpectation(LogStatus.NOT_IN_ANY_DIGEST, UnlistedReason.IN_COVERED_WINDOW);
        }
        if (l.listedBy.deleted) {
            boolean known = digests.containsKey(l.listedBy.key);
            return l.deleted ? null : new LogExpectation(LogStatus.NOT_IN_ANY_DIGEST,
                    known ? UnlistedReason.IN_MISSING_DIGEST_WINDOW : null);
        }
        if (l.deleted) {
            return new LogExpectation(LogStatus.MISSING, null);
        }
        if (l.modified) {
            return new LogExpectation(LogStatus.MODIFIED, null);
        }
        return new LogExpectation(l.appended ? LogStatus.TRAILING_DATA : LogStatus.VALID, null);
    }

    private void problemOf(LogExpectation e) {
        switch (e.status()) {
            case MISSING -> problems.add(Problem.Kind.MISSING_LOG);
            case MODIFIED -> problems.add(Problem.Kind.MODIFIED_LOG);
            case TRAILING_DATA -> problems.add(Problem.Kind.TRAILING_DATA);
            case NOT_IN_ANY_DIGEST -> {
                if (e.reason() == UnlistedReason.IN_COVERED_WINDOW) {
                    problems.add(Problem.Kind.ADDED_LOG);
                }
            }
            case VALID -> { }
        }
    }
}
