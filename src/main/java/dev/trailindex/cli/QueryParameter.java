package dev.trailindex.cli;

import java.util.List;
import picocli.CommandLine.Parameters;

/** The QUERY words of a command, joined into one query; none means every event. */
final class QueryParameter {
    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query (words are joined); none means every event.")
    List<String> words;

    String text() {
        return words == null ? "" : String.join(" ", words);
    }
}
