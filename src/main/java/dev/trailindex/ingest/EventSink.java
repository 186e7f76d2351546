package dev.trailindex.ingest;

import java.io.IOException;

/** Receives the events of a file as they are read. */
@FunctionalInterface
public interface EventSink {
    /**
     * Takes one event. An exception here is not the input's fault (the index cannot be written, say): it ends
     * the run rather than being counted against the file.
     */
    void accept(RawEvent event) throws IOException;
}
