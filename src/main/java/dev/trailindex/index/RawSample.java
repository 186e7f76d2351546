package dev.trailindex.index;

import dev.trailindex.ingest.LogFileReader;
import dev.trailindex.ingest.SinkException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Events to train the stored events' dictionary on: the first events of up to {@link RawEvents#SAMPLE_FILES} files
 * spread evenly over the run's input (an S3 layout sorts by account, region and day, so the first files alone would
 * be one account's first region), {@link RawEvents#SAMPLE_BYTES} in all.
 */
final class RawSample {
    /** Ends the reading of one file once its share is taken. */
    private static final class Full extends IOException {
        Full() {
            super("sample taken");
        }
    }

    private RawSample() {
    }

    static List<byte[]> of(LogFileReader reader, List<Path> files) {
        List<byte[]> out = new ArrayList<>();
        if (files.isEmpty()) {
            return out;
        }
        int k = Math.min(RawEvents.SAMPLE_FILES, files.size());
        long share = RawEvents.SAMPLE_BYTES / k;
        for (int i = 0; i < k; i++) {
            Path p = files.get((int) ((long) i * files.size() / k));
            long[] taken = {0};
            try {
                reader.read(p, p.toString(), ev -> {
                    if (ev.partial()) {
                        return;
                    }
                    out.add(ev.json());
                    taken[0] += ev.json().length;
                    if (taken[0] >= share) {
                        throw new Full();
                    }
                });
            } catch (SinkException e) {
                if (!(e.getCause() instanceof Full)) {
                    throw e;
                }
            }
        }
        return out;
    }
}
