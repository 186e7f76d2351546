package dev.trailindex.cli;

import dev.trailindex.query.Printable;

import dev.trailindex.search.SearchBackend;
import dev.trailindex.query.StoredEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        header = "Print one event's exact original JSON bytes on stdout.",
        description = "EVENT_ID is the eventID, or the sha256:... key search shows for events without one.",
        footer = ExitCodes.FOOTER)
final class ShowCommand extends Subcommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Option(names = "--with-source", description = "Also print the file and position the event came from (on stderr, so stdout stays the exact event).")
    boolean withSource;

    @Option(names = "--all-copies", description = "Print every differing copy of the event that was read: the indexed one first, "
            + "then the others, each after a line with its file and position.")
    boolean allCopies;

    @Parameters(paramLabel = "EVENT_ID", description = "The event's eventID.")
    String eventId;

    @Override
    public Integer call() throws IOException {
        try (SearchBackend search = openIndex(index, opensearch)) {
            Optional<StoredEvent> found = search.event(eventId);
            if (found.isEmpty()) {
                err().println("trailindex: no event with id '" + Printable.escape(eventId) + "' in " + Printable.escape(search.describe()));
                return ExitCodes.NOT_FOUND;
            }
            StoredEvent e = found.get();
            if (allCopies) {
                printCopies(search.allCopies(e.key()));
                return ExitCodes.OK;
            }
            if (e.partial()) {
                err().println("partial: this event was cut short in a broken file; these are the bytes up to the cut");
            }
            if (withSource) {
                err().printf("source: %s, event #%d in the file, byte offset %d, line %d%n",
                        Printable.escape(e.file()), e.record(), e.offset(), e.line());
            }
            OutputStream out = main.rawOut();
            out.write(e.json());
            out.write('\n');
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** Each copy after one line that says which it is and where it came from; all on stdout, so they stay together. */
    private void printCopies(java.util.List<StoredEvent> copies) throws IOException {
        OutputStream out = main.rawOut();
        for (int i = 0; i < copies.size(); i++) {
            StoredEvent c = copies.get(i);
            String head = String.format("copy %d of %d%s: %s, event #%d in the file, byte offset %d, line %d%n", i + 1, copies.size(),
                    i == 0 ? " (indexed)" + (c.partial() ? ", partial" : "") : "", Printable.escape(c.file()), c.record(), c.offset(), c.line());
            out.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write(c.json());
            out.write('\n');
        }
        out.flush();
    }
}
