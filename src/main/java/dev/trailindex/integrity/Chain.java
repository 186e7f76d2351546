package dev.trailindex.integrity;

import java.util.List;

/**
 * One digest chain: the digests of one trail, account and source region in one root, present and missing, oldest first.
 *
 * @param root    the root its digests are in
 * @param prefix  the key prefix of that root ("" for none)
 * @param sample  the key of one of its digests (account, region, trail, home region, organization)
 * @param entries its digests, by end time
 */
public record Chain(int root, String prefix, DigestKey sample, List<DigestVerdict> entries) {

    /** Its name: the prefix, organization, account, source region, trail and home region. */
    public String name() {
        return (prefix.isEmpty() ? "" : prefix + "/") + sample.chainName();
    }

    /** The present digests. */
    public List<DigestVerdict> present() {
        return entries.stream().filter(DigestVerdict::present).toList();
    }

    /** The present digest newest before {@code time}, or null. */
    DigestVerdict presentBefore(long time) {
        DigestVerdict best = null;
        for (DigestVerdict d : entries) {
            if (d.present() && d.end() < time) {
                best = d;
            }
        }
        return best;
    }

    /** The row of the coverage this chain belongs to. */
    AccountRegion place() {
        return new AccountRegion(root, prefix, sample.org(), sample.account(), sample.region());
    }
}
