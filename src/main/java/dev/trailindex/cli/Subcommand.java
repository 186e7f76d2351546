package dev.trailindex.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** What every subcommand has: the top command (schema, raw output) and its own spec (text output). */
abstract class Subcommand {
    @CommandLine.ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One JSON document, written by {@code body}. */
    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    /** The index named by --index, opened for searching. */
    dev.trailindex.search.SearchBackend openIndex(IndexOption index) {
        // -Dtrailindex.reads=MAPPED|BUFFERED overrides the command's choice, for measuring one against the other.
        String forced = System.getProperty("trailindex.reads");
        var reads = forced == null ? reads() : dev.trailindex.query.SearchService.Reads.valueOf(forced.toUpperCase(java.util.Locale.ROOT));
        return dev.trailindex.search.LocalBackend.open(index.path(), main.schema(), null, reads);
    }

    /**
     * How this command reads the index's files: buffered by default, since a command asks its question and exits
     * (cheaper to open than memory-mapped files); a command that reads every event overrides it.
     */
    dev.trailindex.query.SearchService.Reads reads() {
        return dev.trailindex.query.SearchService.Reads.BUFFERED;
    }

    /** The events on the cluster {@code opensearch} names, if it names one, else the index named by --index. */
    dev.trailindex.search.SearchBackend openIndex(IndexOption index, OpenSearchOptions opensearch) {
        if (opensearch != null && opensearch.enabled()) {
            return dev.trailindex.opensearch.OpenSearchBackend.open(opensearch.connection(), main.schema());
        }
        return openIndex(index);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Writes one JSON document and a newline to stdout. */
    void printJson(boolean pretty, JsonBody body) throws IOException {
        out().flush();
        OutputStream raw = main.rawOut();
        try (JsonGenerator g = Formats.generator(raw, pretty)) {
            body.write(g);
        }
        raw.write('\n');
        raw.flush();
    }
}
