package dev.trailindex.cli;

/** Exit statuses, documented in --help and the README. */
public final class ExitCodes {
    /** Success: everything was read, or the search ran. */
    public static final int OK = 0;
    /** Could not run: no index, index needs re-indexing, index cannot be written, internal error. */
    public static final int ERROR = 1;
    /** Bad usage: unknown option, bad query or time, unknown field. */
    public static final int USAGE = 2;
    /** Indexing finished but some input files failed (corrupt, truncated, invalid); good events were indexed. */
    public static final int INPUT_FAILED = 3;
    /** show: no event with that id. */
    public static final int NOT_FOUND = 4;
    /** verify: an integrity problem was found (a digest or log file changed, gone, added or badly signed). */
    public static final int INTEGRITY = 5;

    /**
     * OpenSearch: the cluster cannot be reached, refused the credentials, has no trailindex template or one of
     * another schema version, is read-only, or its mapping refused a document.
     */
    public static final int CLUSTER = 6;

    static final String FOOTER = """

            Exit status: 0 success; 1 cannot run (no index, index unwritable, re-index needed); 2 bad usage \
            or query; 3 indexing finished but some input files failed (good events were still indexed); \
            4 no such event; 5 verify found an integrity problem; 6 the OpenSearch cluster is unreachable, refused the \
            credentials, has no trailindex template (or one of another schema version), is read-only or refused a document.""";

    private ExitCodes() {
    }
}
