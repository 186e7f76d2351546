package dev.trailindex.cli;

import dev.trailindex.query.Printable;

import dev.trailindex.query.JsonViews;
import dev.trailindex.query.NestedPaths;
import dev.trailindex.search.SearchBackend;
import picocli.CommandLine.Option;
import dev.trailindex.schema.FieldSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "fields", mixinStandardHelpOptions = true,
        header = "List the searchable fields of the index schema: name, short alias, type, whether it facets, and "
                + "what it holds.",
        description = "Names and aliases match in any case; flattened fields are searched by dotted path.",
        footer = ExitCodes.FOOTER)
final class FieldsCommand extends Subcommand implements Callable<Integer> {
    @Mixin
    ReportFormatOption format;

    @Option(names = "--paths", paramLabel = "PREFIX", arity = "0..1", fallbackValue = "",
            description = "Instead, list the dotted paths the index holds inside nested objects under PREFIX (e.g. "
                    + "requestParameters; all without one), with the number of events that have each.")
    String paths;

    @Mixin
    IndexOption index;

    @Mixin
    OpenSearchOptions opensearch;

    @Override
    public Integer call() throws IOException {
        if (paths != null) {
            return listPaths();
        }
        List<FieldSpec> fields = main.schema().fields().stream().filter(FieldSpec::index).toList();
        if (format.json()) {
            printJson(format.pretty(), g -> {
                g.writeStartObject();
                g.writeNumberField("version", JsonViews.VERSION);
                g.writeFieldName("fields");
                JsonViews.fields(g, main.schema());
                g.writeEndObject();
            });
            return ExitCodes.OK;
        }
        Table t = new Table(List.of("field", "alias", "type", "facet", "description")).whole(0, 1, 2, 3).wrapLast();
        for (FieldSpec f : fields) {
            List<String> row = new ArrayList<>(List.of(f.name(), String.join(",", f.aliases()), f.type().jsonName(),
                    f.facet() ? "yes" : "", f.description()));
            t.row(row);
        }
        t.print(out());
        return ExitCodes.OK;
    }

    private int listPaths() throws IOException {
        try (SearchBackend search = openIndex(index, opensearch)) {
            List<NestedPaths.PathCount> found = search.paths(paths);
            if (format.json()) {
                printJson(format.pretty(), g -> {
                    g.writeStartObject();
                    g.writeNumberField("version", JsonViews.VERSION);
                    g.writeArrayFieldStart("paths");
                    for (NestedPaths.PathCount p : found) {
                        g.writeStartObject();
                        g.writeStringField("path", p.path());
                        g.writeNumberField("events", p.events());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
                return ExitCodes.OK;
            }
            if (found.isEmpty()) {
                out().println("no nested path under '" + Printable.escape(paths) + "' in " + Printable.escape(search.describe()));
                return ExitCodes.OK;
            }
            Table t = new Table(List.of("events", "path")).whole(0);
            found.forEach(p -> t.row(List.of(Formats.number(p.events()), p.path())));
            t.print(out());
            out().printf("%s paths (as indexed, in lower case; names match in any case)%n", Formats.number(found.size()));
        }
        return ExitCodes.OK;
    }
}
