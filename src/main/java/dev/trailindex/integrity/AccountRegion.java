package dev.trailindex.integrity;

/**
 * One row of the coverage: an account and region of one root (one bucket and key prefix), with its organization.
 *
 * @param prefix the key prefix ("" for none)
 * @param org    the organization id, or null
 */
public record AccountRegion(int root, String prefix, String org, String account, String region) {
    /** How a person reads it: {@code [prefix/][o-org/]account region}. */
    public String label() {
        return (prefix.isEmpty() ? "" : prefix + "/") + (org == null ? "" : org + "/") + account + " " + region;
    }
}
