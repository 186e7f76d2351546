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

    @Option(names = "--with-source", description = "Also print the file and position the event came from (on stderr, so stdout stays the exact event).")
    boolean withSource;

    @Parameters(paramLabel = "EVENT_ID", description = "The event's eventID.")
    String eventId;

    @Override
    public Integer call() throws IOException {
        try (SearchBackend search = openIndex(index)) {
            Optional<StoredEvent> found = search.event(eventId);
            if (found.isEmpty()) {
                err().println("trailindex: no event with id '" + Printable.escape(eventId) + "' in " + Printable.escape(index.path().toString()));
                return ExitCodes.NOT_FOUND;
            }
            StoredEvent e = found.get();
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
}
