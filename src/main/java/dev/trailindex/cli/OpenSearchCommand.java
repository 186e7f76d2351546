package dev.trailindex.cli;

import dev.trailindex.opensearch.IndexTemplate;
import dev.trailindex.opensearch.OsClient;
import dev.trailindex.opensearch.OsConnection;
import dev.trailindex.opensearch.OsSetup;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code opensearch template} and {@code opensearch setup}: the index template derived from the schema. */
@Command(name = "opensearch", mixinStandardHelpOptions = true,
        header = "Prepare an OpenSearch cluster for trailindex: print or install the index template.",
        description = "trailindex can keep its events on an OpenSearch cluster instead of a local folder. 'template' prints "
                + "the composable index template (the mapping derived from the schema); 'setup' installs it, the manifest and "
                + "copies indices and the first index behind the alias (running it again changes nothing; a template of another "
                + "schema version is refused). Then 'trailindex index --opensearch URL PATH...' loads events and every read "
                + "command takes --opensearch URL.",
        footer = ExitCodes.FOOTER)
final class OpenSearchCommand extends Subcommand implements Callable<Integer> {
    /** What to do. */
    enum Action { template, setup }

    @Parameters(index = "0", paramLabel = "ACTION", description = "template or setup.")
    Action action;

    @Mixin
    OpenSearchOptions opensearch;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "1", description = "Primary shards of each monthly index (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "0", description = "Replicas of each shard (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--codec", paramLabel = "CODEC", defaultValue = "best_compression",
            description = "Stored-fields codec: best_compression or default (default: ${DEFAULT-VALUE}).")
    String codec;

    @Override
    public Integer call() throws java.io.IOException {
        if (shards < 1 || replicas < 0) {
            throw new UsageError("--shards must be at least 1 and --replicas at least 0");
        }
        if (!codec.equals("best_compression") && !codec.equals("default")) {
            throw new UsageError("--codec must be best_compression or default, not '" + codec + "'");
        }
        IndexTemplate template = new IndexTemplate(main.schema(), shards, replicas, codec);
        if (action == Action.template) {
            String name = opensearch.index();
            printJson(true, g -> g.writeTree(template.body(name)));
            return ExitCodes.OK;
        }
        OsConnection c = opensearch.connection();
        try (OsClient client = new OsClient(c)) {
            OsSetup.Result r = OsSetup.install(client, main.schema(), template, c.index());
            out().printf("%s template %s on %s: alias %s over %s; manifest %s, copies %s%n",
                    r.templateCreated() ? "installed" : "kept the identical", IndexTemplate.templateName(c.index()), c.base(),
                    c.index(), IndexTemplate.eventsPattern(c.index()), r.files(), r.copies());
        }
        return ExitCodes.OK;
    }
}
