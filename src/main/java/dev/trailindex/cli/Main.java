package dev.trailindex.cli;

import dev.trailindex.query.Printable;

import dev.trailindex.index.IndexException;
import dev.trailindex.integrity.IntegrityInputException;
import dev.trailindex.query.QueryException;
import dev.trailindex.schema.Schema;
import dev.trailindex.schema.SchemaException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trailindex} command. */
@Command(name = "trailindex", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A fast local search index for AWS CloudTrail logs.",
        footer = ExitCodes.FOOTER)
public final class Main implements Runnable {
    /** Held so the level set on it is not lost to garbage collection. */
    private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    /**
     * The subcommands' names. They are registered by hand rather than in the annotation: picocli builds the model
     * of every registered command by reflection, and a search that builds only its own model starts sooner.
     */
    private static final List<String> COMMANDS = List.of("index", "search", "facets", "histogram", "serve", "summary", "hunt",
            "show", "trace", "export", "stats", "check", "verify", "fields", "detect", "opensearch", "aot-train", "help");

    /**
     * A new instance of the named subcommand, or null. A switch rather than a map of constructor references: the
     * JDK 25 ahead-of-time cache crashed while archiving a lambda that creates a class it cannot archive (picocli's
     * HelpCommand, compiled for Java 5).
     */
    private static Object command(String name) {
        return switch (name) {
            case "index" -> new IndexCommand();
            case "search" -> new SearchCommand();
            case "facets" -> new FacetsCommand();
            case "histogram" -> new HistogramCommand();
            case "serve" -> new ServeCommand();
            case "summary" -> new SummaryCommand();
            case "hunt" -> new HuntCommand();
            case "show" -> new ShowCommand();
            case "trace" -> new TraceCommand();
            case "export" -> new ExportCommand();
            case "stats" -> new StatsCommand();
            case "check" -> new CheckCommand();
            case "verify" -> new VerifyCommand();
            case "fields" -> new FieldsCommand();
            case "detect" -> new DetectCommand();
            case "opensearch" -> new OpenSearchCommand();
            case "aot-train" -> new AotTrainCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> null;
        };
    }

    private final OutputStream rawOut;
    private Schema schema;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Main(OutputStream rawOut) {
        this.rawOut = rawOut;
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The version needs no command model: building picocli's (reflection over every option) was most of a
            // fresh --version's time. The same lines as picocli's own --version prints.
            for (String line : new Version().getVersion()) {
                System.out.println(line);
            }
            System.exit(ExitCodes.OK);
        }
        // Lucene notes once per JVM that the incubating vector API is not enabled; it does not matter here.
        LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams; returns the exit status. */
    public static int run(String[] args, OutputStream out, OutputStream err) {
        args = queryNotOption(args);
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cl = new CommandLine(new Main(out));
        // The one command asked for, or all of them when the first argument names none (help, a typo, an option).
        Object only = args.length == 0 || args[0].equals("help") ? null : command(args[0]);
        if (only != null) {
            cl.addSubcommand(args[0], only);
        } else {
            for (String name : COMMANDS) {
                cl.addSubcommand(name, command(name));
            }
        }
        // Settings after the subcommands, so that they reach them.
        cl.setOut(outWriter)
                .setErr(errWriter)
                // "search @/etc/passwd" is a query, never the contents of a file.
                .setExpandAtFiles(false)
                .setCaseInsensitiveEnumValuesAllowed(true)

                .setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("trailindex: " + Printable.escape(ex.getMessage()));
            // "Did you mean: trailindex search?" for a mistyped command or option, however many arguments follow it
            // (picocli suggests only when the unmatched argument is alone).
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
                var first = new CommandLine.UnmatchedArgumentException(c, List.of(u.getUnmatched().get(0)));
                if (!first.getSuggestions().isEmpty()) {
                    String prefix = first.isUnknownOption() ? "" : c.getCommandSpec().qualifiedName() + " ";
                    c.getErr().println("Did you mean: " + first.getSuggestions().stream().map(x -> prefix + x)
                            .collect(java.util.stream.Collectors.joining(" or ")) + "?");
                }
            }
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more.");
            return ExitCodes.USAGE;
        });
        if (asksForHelp(args)) {
            // Only help needs the width (a terminal's costs a fork of stty): not every command pays for it.
            cl.setUsageHelpWidth(Math.min(Terminal.width(), 120));
        }
        int code;
        try {
            code = cl.execute(args);
        } catch (StackOverflowError e) {
            errWriter.println("trailindex: the input nests too deeply to process; lower --max-depth or simplify the query");
            code = ExitCodes.ERROR;
        }
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    /** Whether the command line may print a usage message: no command, help, or a help option. */
    private static boolean asksForHelp(String[] args) {
        if (args.length == 0) {
            return true;
        }
        for (String a : args) {
            if (a.equals("help") || a.equals("-h") || a.equals("--help") || a.equals("--")) {
                return !a.equals("--");
            }
        }
        return false;
    }

    /**
     * A last argument that starts with a single '-' and reads like a query ({@code -errorCode:*}, {@code "-eventName:X
     * AND y"}) is the query, not an unknown option: an end-of-options marker goes before it.
     */
    static String[] queryNotOption(String[] args) {
        if (args.length < 2) {
            return args;
        }
        String last = args[args.length - 1];
        boolean queryLike = last.startsWith("-") && !last.startsWith("--") && last.length() > 2
                && (last.indexOf(':') > 0 || last.indexOf(' ') > 0 || last.indexOf('*') > 0);
        if (!queryLike || java.util.Arrays.asList(args).contains("--")) {
            return args;
        }
        String[] out = new String[args.length + 1];
        System.arraycopy(args, 0, out, 0, args.length - 1);
        out[args.length - 1] = "--";
        out[args.length] = last;
        return out;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof QueryException || ex instanceof UsageError || ex instanceof IntegrityInputException) {
            err.println("trailindex: " + Printable.escape(ex.getMessage()));
            if (ex instanceof QueryException q && q.column() >= 0) {
                // Where: the query, and a caret under the place.
                String shown = Printable.escape(q.query());
                int col = Printable.escape(q.query().substring(0, q.column())).length();
                err.println("  " + shown);
                err.println("  " + " ".repeat(col) + "^");
            }
            return ExitCodes.USAGE;
        }
        if (ex instanceof dev.trailindex.opensearch.OpenSearchException) {
            err.println("trailindex: " + Printable.escape(ex.getMessage()));
            return ExitCodes.CLUSTER;
        }
        if (ex instanceof IndexException || ex instanceof SchemaException || ex instanceof UncheckedIOException) {
            err.println("trailindex: " + Printable.escape(ex.getMessage()));
            return ExitCodes.ERROR;
        }
        if (ex instanceof java.nio.file.FileSystemException fs) {
            err.println("trailindex: " + Printable.escape(dev.trailindex.index.FileErrors.describe(fs)));
            return ExitCodes.ERROR;
        }
        err.println("trailindex: internal error: " + ex.getClass().getSimpleName() + ": " + Printable.escape(ex.getMessage()));
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
