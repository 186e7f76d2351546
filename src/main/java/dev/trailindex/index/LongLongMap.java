package dev.trailindex.index;

/**
 * A map from 64-bit keys to 64-bit values in open addressing, 16 bytes an entry: the duplicate table for ten
 * million events fits in a few hundred megabytes. Not thread-safe.
 */
final class LongLongMap {
    private static final long EMPTY = 0L;
    /** Stands in for the key 0, which marks empty slots. */
    private static final long ZERO_KEY = 0x9E3779B97F4A7C15L;
    private long[] keys = new long[1 << 14];
    private long[] values = new long[1 << 14];
    private int size;

    /** The value for {@code key}, or {@code absent}. */
    long get(long key, long absent) {
        long k = key == EMPTY ? ZERO_KEY : key;
        int mask = keys.length - 1;
        for (int i = slot(k, mask); keys[i] != EMPTY; i = (i + 1) & mask) {
            if (keys[i] == k) {
                return values[i];
            }
        }
        return absent;
    }

    void put(long key, long value) {
        long k = key == EMPTY ? ZERO_KEY : key;
        if ((size + 1) * 2L > keys.length) {
            grow();
        }
        if (insert(keys, values, k, value)) {
            size++;
        }
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] ks, long[] vs, long k, long v) {
        int mask = ks.length - 1;
        int i = slot(k, mask);
        while (ks[i] != EMPTY) {
            if (ks[i] == k) {
                vs[i] = v;
                return false;
            }
            i = (i + 1) & mask;
        }
        ks[i] = k;
        vs[i] = v;
        return true;
    }

    private void grow() {
        long[] nk = new long[keys.length * 2];
        long[] nv = new long[values.length * 2];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                insert(nk, nv, keys[i], values[i]);
            }
        }
        keys = nk;
        values = nv;
    }

    private static int slot(long x, int mask) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return (int) (x & mask);
    }
}
