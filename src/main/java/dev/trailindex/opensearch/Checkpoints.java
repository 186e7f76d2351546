package dev.trailindex.opensearch;

import dev.trailindex.index.DocumentBuilder;
import dev.trailindex.index.Flag;
import dev.trailindex.index.IngestReport;
import dev.trailindex.ingest.RawEvent;
import dev.trailindex.schema.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The points of a load at which what was sent is known to be on the cluster: everything queued is acknowledged,
 * winners of new conflicting copies are rewritten with their flag (read back in real time, rebuilt from their
 * original), and only then the files finished are recorded in the manifest.
 */
final class Checkpoints {
    private final Schema schema;
    private final OsClient client;
    private final OsIndices indices;
    private final BulkSender sender;
    private final List<OsManifest.Entry> done = new ArrayList<>();
    private long last = System.nanoTime();

    /** {@code touched}: entries of unchanged files whose time changed, recorded at the first checkpoint. */
    Checkpoints(Schema schema, OsClient client, OsIndices indices, BulkSender sender, List<OsManifest.Entry> touched) {
        this.schema = schema;
        this.client = client;
        this.indices = indices;
        this.sender = sender;
        done.addAll(touched);
    }

    void fileDone(OsManifest.Entry e) {
        done.add(e);
    }

    void maybeRun(OsEventWriter writer, Duration every) {
        if (System.nanoTime() - last >= every.toNanos()) {
            run(writer);
        }
    }

    void run(OsEventWriter writer) {
        sender.flush();
        flagConflicts(writer);
        sender.flush();
        for (OsManifest.Entry e : done) {
            String id = OsManifest.id(e.path());
            sender.send(new BulkSender.Op() {
                @Override
                public String id() {
                    return id;
                }

                @Override
                public byte[] lines() throws java.io.IOException {
                    return BulkSender.lines("index", indices.files(), id, OsManifest.doc(e));
                }
            });
        }
        sender.flush();
        done.clear();
        last = System.nanoTime();
    }

    private void flagConflicts(OsEventWriter writer) {
        Map<String, List<RawEvent>> toFlag = writer.takeToFlag();
        if (toFlag.isEmpty()) {
            return;
        }
        Map<String, String> where = new LinkedHashMap<>();
        toFlag.keySet().forEach(k -> where.put(k, writer.indexOf(k)));
        Map<String, ClusterCopies.Held> winners = new ClusterCopies(client, indices.alias(), schema).get(where);
        DocumentBuilder builder = new DocumentBuilder(schema);
        for (Map.Entry<String, List<RawEvent>> e : toFlag.entrySet()) {
            ClusterCopies.Held w = winners.get(e.getKey());
            if (w == null) {
                throw new OpenSearchException(OpenSearchException.Kind.FAILED, "the event " + e.getKey() + " written in this run is not in "
                        + where.get(e.getKey()) + " any more: was the index changed during the load?");
            }
            for (RawEvent copy : e.getValue()) {
                writer.conflictPair(new IngestReport.Conflict(e.getKey(), w.event().file(), w.event().record(), w.event().offset(),
                        copy.file(), copy.record(), copy.offset()));
            }
            if (!w.conflicting()) {
                sender.send(new EventOp(builder, "index", w.index(), e.getKey(), w.event(), Set.of(Flag.CONFLICTING_COPIES)));
            }
        }
    }
}
