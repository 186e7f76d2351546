package dev.trailindex.cli;

import picocli.CommandLine.Option;

/** --format table|json of the summary commands. */
final class ReportFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or json.")
    ReportFormat value;

    boolean json() {
        return value == ReportFormat.JSON;
    }
}
