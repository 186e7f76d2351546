package dev.trailindex.sigma;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds Sigma rules: every {@code .yml} / {@code .yaml} file under the given folders (or the files themselves),
 * each YAML document one rule, kept when its logsource is {@code product: aws, service: cloudtrail} (correlation
 * rules, which have none, are kept too). A file that is not YAML or not a Sigma rule is one warning line naming
 * it; the rest load.
 */
public final class RuleLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    /** The rules found, the warnings (one line each, naming the file), and how many rules were for other logs. */
    public record Loaded(List<SigmaRule> rules, List<String> warnings, int otherLogsources) {
        public Loaded {
            rules = List.copyOf(rules);
            warnings = List.copyOf(warnings);
        }
    }

    private final RuleParser parser;

    /** A loader whose {@code |expand} placeholders take their values from {@code placeholders}. */
    public RuleLoader(Map<String, List<String>> placeholders) {
        this.parser = new RuleParser(placeholders);
    }

    public Loaded load(List<Path> roots) {
        List<SigmaRule> rules = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int[] other = {0};
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new SigmaException("no such rule folder or file: " + root);
            }
            for (Path file : files(root)) {
                loadFile(file, rules, warnings, other);
            }
        }
        return new Loaded(rules, warnings, other[0]);
    }

    private static List<Path> files(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".yml") || n.endsWith(".yaml");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the rules under " + root + ": " + e.getMessage(), e);
        }
    }

    private void loadFile(Path file, List<SigmaRule> rules, List<String> warnings, int[] other) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                docs.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            warnings.add(file + ": not readable as YAML: " + firstLine(e.getMessage()));
            return;
        }
        for (JsonNode doc : docs) {
            if (doc == null || !doc.isObject() || !doc.has("title") || !(doc.has("detection") || doc.has("correlation"))) {
                warnings.add(file + ": not a Sigma rule (no title and detection or correlation)");
                continue;
            }
            if (doc.has("action")) {
                warnings.add(file + ": Sigma rule collections ('action: " + doc.get("action").asText() + "') are not supported");
                continue;
            }
            if (!doc.has("correlation") && !isCloudTrail(doc.get("logsource"))) {
                other[0]++;
                continue;
            }
            rules.add(parser.parse(file, doc));
        }
    }

    private static boolean isCloudTrail(JsonNode logsource) {
        return logsource != null && "aws".equalsIgnoreCase(logsource.path("product").asText())
                && "cloudtrail".equalsIgnoreCase(logsource.path("service").asText());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Reads a placeholders file: a YAML (or JSON) map of name -> value or list of values. */
    public static Map<String, List<String>> placeholders(Path file) {
        try {
            JsonNode n = YAML.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new SigmaException(file + ": a placeholders file is a map of name: [values]");
            }
            Map<String, List<String>> out = new java.util.LinkedHashMap<>();
            n.properties().forEach(e -> {
                List<String> v = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(x -> v.add(x.asText()));
                } else {
                    v.add(e.getValue().asText());
                }
                out.put(e.getKey(), v);
            });
            return out;
        } catch (IOException e) {
            throw new SigmaException(file + ": cannot read the placeholders: " + firstLine(e.getMessage()));
        }
    }
}
