package dev.trailindex.cli;

import dev.trailindex.index.IndexException;
import dev.trailindex.query.QueryException;
import dev.trailindex.schema.Schema;
import dev.trailindex.schema.SchemaException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trailindex} command. */
@Command(name = "trailindex", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A fast local search index for AWS CloudTrail logs.",
        subcommands = {IndexCommand.class, SearchCommand.class, FacetsCommand.class, HistogramCommand.class, ServeCommand.class,
                SummaryCommand.class, HuntCommand.class, ShowCommand.class, ExportCommand.class, StatsCommand.class,
                FieldsCommand.class, AotTrainCommand.class, CommandLine.HelpCommand.class},
        footer = ExitCodes.FOOTER)
public final class Main implements Runnable {
    /** Held so the level set on it is not lost to garbage collection. */
    private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    private final OutputStream rawOut;
    private Schema schema;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Main(OutputStream rawOut) {
        this.rawOut = rawOut;
    }

    public static void main(String[] args) {
        // Lucene notes once per JVM that the incubating vector API is not enabled; it does not matter here.
        LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams; returns the exit status. */
    public static int run(String[] args, OutputStream out, OutputStream err) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cl = new CommandLine(new Main(out))
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("trailindex: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more.");
            return ExitCodes.USAGE;
        });
        int code = cl.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof QueryException) {
            err.println("trailindex: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        if (ex instanceof IndexException || ex instanceof SchemaException || ex instanceof UncheckedIOException) {
            err.println("trailindex: " + ex.getMessage());
            return ExitCodes.ERROR;
        }
        err.println("trailindex: internal error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        if (System.getenv("TRAILINDEX_DEBUG") != null) {
            ex.printStackTrace(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        } else {
            err.println("(set TRAILINDEX_DEBUG=1 for the stack trace)");
        }
        return ExitCodes.ERROR;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The stream for exact bytes (original events). */
    OutputStream rawOut() {
        return rawOut;
    }

    /** The bundled schema, loaded once. */
    Schema schema() {
        if (schema == null) {
            schema = Schema.bundled();
        }
        return schema;
    }
}
