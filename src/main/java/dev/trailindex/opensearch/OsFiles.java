package dev.trailindex.opensearch;

/**
 * The load bookkeeping beside the events (index {@code NAME-files}, kept by the loader): how many files and
 * digest files the loads have recorded, as the local manifest says for {@code stats}.
 */
final class OsFiles {
    private final OsIndex index;

    OsFiles(OsIndex index) {
        this.index = index;
    }

    record Recorded(long files, long digests) {
    }

    /** Zeros when the bookkeeping cannot be read, as locally when the manifest cannot. */
    Recorded recorded() {
        // TODO(os-load): count the files and digests in the loader's NAME-files index once its layout is on osload.
        return new Recorded(0, 0);
    }
}
