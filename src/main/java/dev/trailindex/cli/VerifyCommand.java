package dev.trailindex.cli;

import dev.trailindex.index.IndexedFiles;
import dev.trailindex.index.IntegrityMarks;
import dev.trailindex.query.Printable;
import dev.trailindex.integrity.CoverageStore;
import dev.trailindex.integrity.PublicKeyRing;
import dev.trailindex.integrity.ReportJson;
import dev.trailindex.integrity.SignatureStore;
import dev.trailindex.integrity.Verifier;
import dev.trailindex.integrity.VerifyOptions;
import dev.trailindex.integrity.VerifyReport;
import dev.trailindex.query.TimeRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a local copy of a CloudTrail bucket against its digest files, offline.",
                "Every log file a digest lists: present, the SHA-256 of its uncompressed content,",
                "one gzip member and nothing after it. Every digest: its hash against the next",
                "digest, its key, and with --public-keys its RSA signature. The chains: digests",
                "gone (runs of them too), restarts and the StopLogging that explains one. Log",
                "files no digest lists, and why. And every UTC hour of every account and region:",
                "what covers it."},
        footer = ExitCodes.FOOTER)
final class VerifyCommand extends Subcommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A synced trail bucket, or any folder or file of one.")
    List<Path> paths;

    @Option(names = "--public-keys", paramLabel = "FILE",
            description = "Output of 'aws cloudtrail list-public-keys' (for each region of the digests; repeatable): "
                    + "signatures are checked with these keys.")
    List<Path> publicKeys;

    @Option(names = "--signatures", paramLabel = "FILE",
            description = "A JSON object mapping digest S3 keys to their x-amz-meta-signature (a hex string, or an object "
                    + "with a \"signature\", as 'aws s3api head-object' prints Metadata): the only source for the newest "
                    + "digest of a chain.")
    Path signatures;

    @Option(names = "--from", paramLabel = "TIME", description = "Only digests ending and log files named at or after TIME (ISO-8601, UTC unless an offset is given).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Only up to the end of TIME's span.")
    String to;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Record this run's verdict and coverage in the index at DIR, where 'trailindex serve' shows it "
                    + "(GET /api/coverage).")
    Path record;

    @Option(names = "--threads", paramLabel = "N", description = "Files read at once (default: the number of cores).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
    boolean quiet;

    @Mixin
    ReportFormatOption format;

    @Override
    public Integer call() throws IOException {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UsageError("no such file or folder: " + p);
            }
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        TimeRange range = TimeRange.of(from, to, null, ZoneOffset.UTC);
        if (record != null) {
            // Fails now, not after the run, when DIR is not an index.
            openIndex(recordOption()).close();
        }
        PublicKeyRing keys = publicKeys == null ? PublicKeyRing.none() : PublicKeyRing.load(publicKeys);
        SignatureStore saved = signatures == null ? SignatureStore.none() : SignatureStore.load(signatures);
        PrintWriter err = err();
        VerifyOptions.Progress progress = quiet ? null : (phase, done, total) ->
                err.printf("verifying: %s of %s %s read%n", Formats.number(done), Formats.number(total), phase);
        // With an index, a log file it read whole and that is unchanged since is not read again.
        IndexedFiles indexed = record == null ? null : IndexedFiles.load(record);
        VerifyReport report = new Verifier(main.schema(), new VerifyOptions(keys, saved, range.from(), range.to(), n, progress,
                indexed)).run(paths);
        if (report.digests().isEmpty() && report.logFiles().isEmpty()) {
            throw new UsageError("found no CloudTrail digest or log file under " + String.join(", ",
                    paths.stream().map(Path::toString).toList()) + (from != null || to != null ? " in the time range given"
                            : " (they are found by their keys: AWSLogs/ACCOUNT/CloudTrail/...)"));
        }
        if (record != null) {
            // The verdicts first: they need the write lock, and without it nothing is recorded.
            IntegrityMarks.Result marked = IntegrityMarks.write(record, main.schema(), report.fileVerdicts(), report.digestFiles());
            if (!quiet) {
                err.printf("recorded in %s: verdicts on %s of its %s source files (ti.integrity, %s events), in %s%n",
                        Printable.escape(record.toString()), Formats.number(marked.filesMarked()), Formats.number(marked.files()),
                        Formats.number(marked.events()), String.format("%.1f s", marked.millis() / 1000.0));
            }
            CoverageStore.save(record, report);
        }
        if (format.json()) {
            printJson(true, g -> ReportJson.write(g, report));
        } else {
            new VerifyTable(out()).print(report);
        }
        return report.intact() ? ExitCodes.OK : ExitCodes.INTEGRITY;
    }

    private IndexOption recordOption() {
        IndexOption o = new IndexOption();
        o.index = record;
        return o;
    }
}
