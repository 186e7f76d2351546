package dev.trailindex.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaTest {
    private static final Path FILE = Path.of("index-schema/cloudtrail.json");

    private static String schemaText() throws IOException {
        return Files.readString(FILE);
    }

    private static SchemaException parseFails(String text) {
        return assertThrows(SchemaException.class, () -> Schema.parse("test.json", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bundledSchemaIsTheRepositoryFile() throws IOException {
        Schema bundled = Schema.bundled();
        assertEquals(Schema.load(FILE).fingerprint(), bundled.fingerprint());
        assertEquals(6, bundled.version(), "6: original events as zstd frames");
        assertTrue(bundled.fields().size() > 50);
        bundled.fields().forEach(f -> assertFalse(f.description().isBlank(), f.name()));
    }

    @Test
    void unknownKeyNamesTheFileAndTheKey() throws IOException {
        String text = schemaText().replaceFirst("\"facet\": true", "\"facets\": true");
        SchemaException e = parseFails(text);
        assertTrue(e.getMessage().startsWith("test.json: unknown key 'facets'"), e.getMessage());
        assertTrue(e.getMessage().contains("fields[1]"), e.getMessage());
        SchemaException top = parseFails(schemaText().replaceFirst("\"name\": \"cloudtrail\"", "\"nam\": \"cloudtrail\""));
        assertTrue(top.getMessage().contains("unknown key 'nam'"), top.getMessage());
    }

    @Test
    void unknownTypeOrDerivationIsAnError() throws IOException {
        SchemaException type = parseFails(schemaText().replaceFirst("\"type\": \"keyword\"", "\"type\": \"keywords\""));
        assertTrue(type.getMessage().contains("unknown field type 'keywords'"), type.getMessage());
        assertTrue(type.getMessage().startsWith("test.json"), type.getMessage());
        SchemaException derive = parseFails(schemaText().replaceFirst("\"derive\": \"flags\"", "\"derive\": \"flag\""));
        assertTrue(derive.getMessage().contains("unknown derivation 'flag'"), derive.getMessage());
    }

    @Test
    void structuralMistakesAreErrors() throws IOException {
        assertTrue(parseFails(schemaText().replaceFirst(", \"description\": \"Version of the CloudTrail event format, e.g. 1.08.\"", ""))
                .getMessage().contains("description"));
        assertTrue(parseFails(schemaText().replaceFirst("\"name\": \"eventSource\"", "\"name\": \"eventName\""))
                .getMessage().contains("declared twice"));
        assertTrue(parseFails(schemaText().replaceFirst("\"errorCode\"]", "\"errorCod\"]"))
                .getMessage().contains("unknown field 'errorCod'"));
        assertTrue(parseFails("{").getMessage().startsWith("test.json: not valid JSON"));
        // Strict JSON: a key given twice in one object, and anything after the schema's object, are errors.
        String text = schemaText();
        SchemaException twice = parseFails(text.replaceFirst("\\{", "{\"name\": \"other\", "));
        assertTrue(twice.getMessage().startsWith("test.json: not valid JSON") && twice.getMessage().contains("name"), twice.getMessage());
        assertTrue(parseFails(text + " {}").getMessage().startsWith("test.json: not valid JSON"));
        assertTrue(parseFails(text + " x").getMessage().startsWith("test.json: not valid JSON"));
        // Whitespace after the object is fine, and the schema is the same.
        assertEquals(Schema.parse("a", text.getBytes(StandardCharsets.UTF_8)).fingerprint(),
                Schema.parse("b", (text + "\n\n").getBytes(StandardCharsets.UTF_8)).fingerprint());
        // A number where a number belongs reads as one; a fraction or text there is a mistake named as such.
        assertTrue(parseFails(text.replaceFirst("\"schemaVersion\": 6", "\"schemaVersion\": \"6\"")).getMessage().contains("schemaVersion"));
        assertTrue(parseFails(text.replaceFirst("\"schemaVersion\": 6", "\"schemaVersion\": 6.5")).getMessage().contains("schemaVersion"));
    }

    @Test
    void enumFieldsNeedTheirValuesAndOnlyThemTakeValues() throws IOException {
        String values = "\"values\": [\"unverified\", \"verified\", \"hash-only\", \"not-in-any-digest\", \"trailing-data\", \"modified\"], ";
        assertTrue(schemaText().contains(values), "the bundled schema declares ti.integrity's values");
        assertTrue(parseFails(schemaText().replace(values, "")).getMessage().contains("an enum field needs \"values\""));
        assertTrue(parseFails(schemaText().replaceFirst("\"type\": \"keyword\",", "\"type\": \"keyword\", \"values\": [\"a\"],"))
                .getMessage().contains("only an enum takes them"));
        assertTrue(parseFails(schemaText().replace(values, "\"values\": [\"a\", \"a\"], ")).getMessage().contains("repeats"));
        FieldSpec f = Schema.load(FILE).integrityField().orElseThrow();
        assertEquals(3, f.code("Not-In-Any-Digest"));
        assertEquals(-1, f.code("tampered"));
        // Reordering the values changes what the codes in an index mean: another fingerprint.
        Schema reordered = Schema.parse("x", schemaText().replace("\"verified\", \"hash-only\"", "\"hash-only\", \"verified\"")
                .getBytes(StandardCharsets.UTF_8));
        assertNotEquals(Schema.load(FILE).fingerprint(), reordered.fingerprint());
    }

    @Test
    void fingerprintIgnoresDescriptionsButNotSemantics() throws IOException {
        Schema base = Schema.load(FILE);
        Schema reworded = Schema.parse("x", schemaText().replace("The API action requested", "The action").getBytes(StandardCharsets.UTF_8));
        Schema retyped = Schema.parse("x", schemaText().replaceFirst("\"name\": \"userAgent\", \"type\": \"keyword\"",
                "\"name\": \"userAgent\", \"type\": \"text\"").replaceFirst("(\"name\": \"userAgent\"[^}]*)\"facet\": true, ", "$1")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(base.fingerprint(), reworded.fingerprint());
        assertNotEquals(base.fingerprint(), retyped.fingerprint());
    }

    /** The schema is the single source of field names: no other package spells one as a string literal. */
    @Test
    void noFieldNameIsSpelledOutsideTheSchema() throws IOException {
        Schema schema = Schema.bundled();
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/schema/")).toList()) {
                Matcher m = literal.matcher(Files.readString(p));
                while (m.find()) {
                    if (schema.field(m.group(1)).isPresent()) {
                        offenders.add(p + ": \"" + m.group(1) + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
