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
        return dev.trailindex.search.LocalBackend.open(index.path(), main.schema());
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
