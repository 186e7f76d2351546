package dev.trailindex.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.LockObtainFailedException;

/** Integrity checks of an index: Lucene's per-file checksums, and its CheckIndex for {@code trailindex check}. */
public final class IndexCheck {
    private IndexCheck() {
    }

    /**
     * The result of {@code trailindex check}.
     *
     * @param clean     whether every segment passed
     * @param segments  segments checked
     * @param documents live documents
     * @param problem   the first problem in one line (file and reason), or null
     */
    public record Result(boolean clean, int segments, long documents, String problem) {
    }

    /**
     * Verifies the checksum of every file of the latest commit, without the write lock; throws an
     * {@link IndexException} naming the first damaged file.
     */
    static void checksums(Path indexDir, Directory dir) throws IOException {
        SegmentInfos infos;
        try {
            infos = SegmentInfos.readLatestCommit(dir);
        } catch (CorruptIndexException e) {
            throw damaged(indexDir, e);
        }
        for (String file : infos.files(true)) {
            try (IndexInput in = dir.openInput(file, IOContext.READONCE)) {
                CodecUtil.checksumEntireFile(in);
            } catch (CorruptIndexException e) {
                throw damaged(indexDir, e);
            }
        }
    }

    /** Verifies the checksums of the latest commit; throws an {@link IndexException} naming a damaged file. */
    public static void verify(Path indexDir, Directory dir) {
        try {
            checksums(indexDir, dir);
        } catch (IOException e) {
            throw new IndexException("cannot read the index at " + indexDir + ": " + oneLine(e), e);
        }
    }

    /** Runs Lucene's CheckIndex over the index at {@code indexDir}: checksums, and with {@code thorough} every structure. */
    public static Result check(Path indexDir, boolean thorough) {
        if (IndexFolder.inspect(indexDir) != IndexFolder.State.INDEX) {
            throw new IndexException("no index at " + indexDir + ": run 'trailindex index PATH...' first (or pass --index)");
        }
        try (Directory dir = FSDirectory.open(indexDir); CheckIndex ci = new CheckIndex(dir)) {
            ci.setLevel(thorough ? CheckIndex.Level.MIN_LEVEL_FOR_SLOW_CHECKS : CheckIndex.Level.MIN_LEVEL_FOR_INTEGRITY_CHECKS);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            ci.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
            ci.setThreadCount(1);
            CheckIndex.Status st = ci.checkIndex();
            long docs = 0;
            String problem = null;
            for (CheckIndex.Status.SegmentInfoStatus seg : st.segmentInfos) {
                docs += seg.liveDocStatus == null ? 0 : seg.maxDoc - (seg.liveDocStatus.numDeleted);
                if (problem == null && seg.error != null) {
                    problem = "segment " + seg.name + ": " + describe(seg.error);
                }
            }
            if (problem == null && st.missingSegments) {
                problem = "no commit can be read (segments_N is missing or damaged)";
            } else if (problem == null && !st.clean) {
                problem = "damaged (" + st.numBadSegments + " bad segments)";
            }
            return new Result(st.clean, st.numSegments, docs, problem);
        } catch (LockObtainFailedException e) {
            throw new IndexException("the index at " + indexDir + " is being written by 'trailindex index': check it "
                    + "when that run is over", e);
        } catch (IOException e) {
            throw new IndexException("cannot check the index at " + indexDir + ": " + oneLine(e), e);
        }
    }

    /** The one-line message for a damaged index: which file, and what to do. */
    public static IndexException damaged(Path indexDir, Throwable e) {
        return new IndexException("the index at " + indexDir + " is damaged: " + describe(e) + "; 'trailindex check' "
                + "reports every damaged file; rebuild it with 'trailindex index' into a new folder", e);
    }

    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("path=\"([^\"]+)\"");
    private static final java.util.regex.Pattern SLICE = java.util.regex.Pattern.compile("slice=([^\\])\\s]+)");
    private static final java.util.regex.Pattern RESOURCE = java.util.regex.Pattern.compile("\\(resource=([^)\\s]+)");

    /**
     * A corruption in words: the file (and the part of a compound file) and what is wrong, without Lucene's
     * stream class names.
     */
    static String describe(Throwable t) {
        String m = oneLine(t);
        if (!(t instanceof CorruptIndexException)) {
            return m;
        }
        java.util.regex.Matcher path = PATH.matcher(m);
        java.util.regex.Matcher slice = SLICE.matcher(m);
        java.util.regex.Matcher resource = RESOURCE.matcher(m);
        String file = path.find() ? path.group(1) : resource.find() ? resource.group(1) : null;
        int cut = m.indexOf(" (resource=");
        String what = (cut < 0 ? m : m.substring(0, cut)).replace(" (hardware problem?)", "");
        int detail = what.indexOf(" : expected=");
        if (detail >= 0) {
            what = what.substring(0, detail);
        }
        if (file == null) {
            return what.strip();
        }
        return file + (slice.find() ? " (its part " + slice.group(1) + ")" : "") + ": " + what.strip();
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
