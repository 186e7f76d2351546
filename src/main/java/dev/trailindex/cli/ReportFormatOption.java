package dev.trailindex.cli;

import picocli.CommandLine.Option;

/** --format table|json of the summary commands. */
final class ReportFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or json.")
    ReportFormat value;

    @Option(names = "--pretty", description = "Indent JSON output for reading (it is compact by default).")
    boolean pretty;

    boolean pretty() {
        return pretty;
    }

    boolean json() {
        return value == ReportFormat.JSON;
    }
}
