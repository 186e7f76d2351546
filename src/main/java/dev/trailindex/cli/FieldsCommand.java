package dev.trailindex.cli;

import dev.trailindex.query.JsonViews;
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

    @Override
    public Integer call() throws IOException {
        List<FieldSpec> fields = main.schema().fields().stream().filter(FieldSpec::index).toList();
        if (format.json()) {
            printJson(true, g -> JsonViews.fields(g, main.schema()));
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
}
