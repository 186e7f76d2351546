package dev.trailindex.opensearch;

import dev.trailindex.index.DocumentBuilder;
import dev.trailindex.index.Flag;
import dev.trailindex.ingest.RawEvent;
import java.io.IOException;
import java.util.Set;

/** The bulk operation of one event: its document is built by the sender thread that sends it. */
record EventOp(DocumentBuilder builder, String action, String index, String key, RawEvent event, Set<Flag> flags)
        implements BulkSender.Op {
    @Override
    public String id() {
        return key;
    }

    @Override
    public byte[] lines() throws IOException {
        OsDocument doc = OsDocument.of(builder.schema(), event, key, builder.build(event, key, flags));
        return BulkSender.lines(action, index, key, doc.json());
    }
}
