package dev.trailindex.cli;

import dev.trailindex.query.Printable;

import dev.trailindex.index.IndexCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Check the index for damage with Lucene's CheckIndex: the checksum of every file, and with "
                + "--thorough every structure.",
        description = "Read-only: a damaged index is reported, never repaired.",
        footer = ExitCodes.FOOTER)
final class CheckCommand extends Subcommand implements Callable<Integer> {
    @Mixin
    IndexOption index;

    @Option(names = "--thorough", description = "Also decode every structure (slower: reads all postings and stored fields).")
    boolean thorough;

    @Override
    public Integer call() {
        IndexCheck.Result r = IndexCheck.check(index.path(), thorough);
        if (r.clean()) {
            out().printf("ok: %s, %s, %s, %s%n", Printable.escape(index.path().toString()),
                    Formats.count(r.segments(), "segment"), Formats.count(r.documents(), "event"),
                    thorough ? "every structure verified" : "every checksum verified");
            return ExitCodes.OK;
        }
        err().println("trailindex: the index at " + Printable.escape(index.path().toString()) + " is damaged: "
                + Printable.escape(r.problem()) + "; rebuild it with 'trailindex index' into a new folder");
        return ExitCodes.ERROR;
    }
}
