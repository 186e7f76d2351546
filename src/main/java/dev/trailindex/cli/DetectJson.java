package dev.trailindex.cli;

import dev.trailindex.query.SearchRequest;
import dev.trailindex.sigma.DetectionsJson;
import dev.trailindex.sigma.RuleResult;
import java.io.IOException;
import java.util.List;

/** {@code detect --format json}: the document of {@link DetectionsJson}. */
final class DetectJson {
    private DetectJson() {
    }

    static void print(DetectCommand cmd, List<RuleResult> results, SearchRequest range) throws IOException {
        cmd.printJson(cmd.format.pretty(), g -> DetectionsJson.write(g, results, range.zone()));
    }
}
