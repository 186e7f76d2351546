package dev.trailindex.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts without an index: Sigma strings, conditions, and the literal a regular expression needs. */
class SigmaModelTest {
    private static final Set<String> NAMES = new LinkedHashSet<>(List.of("selection", "filter_a", "filter_b", "_hidden"));

    @Test
    void patternsParseWildcardsAndEscapes() {
        assertTrue(Pattern.parse("Con*L?gin", false).matches("consolelogin"));
        assertFalse(Pattern.parse("Con\\*", false).matches("Console"), "an escaped * is literal");
        assertTrue(Pattern.parse("Con\\*", false).matches("con*"));
        assertTrue(Pattern.parse("a\\\\*", false).matches("a\\xyz"), "\\\\* is a backslash and a wildcard");
        assertTrue(Pattern.parse("C:\\Windows", false).matches("c:\\windows"), "a backslash before another character stays");
        assertFalse(Pattern.parse("NO", true).matches("No"), "cased");
        assertTrue(Pattern.parse("x", false).wrap(true, true).isPrefix() == false);
        assertTrue(Pattern.parse("Update*", false).isPrefix());
        assertEquals("*a\\*b*", Pattern.parse("a\\*b", false).wrap(true, true).sigma());
    }

    @Test
    void conditionsBindAsTheSpecificationSays() {
        Condition c = ConditionParser.parse("selection and not 1 of filter_* or _hidden", NAMES);
        assertEquals(new Condition.Or(List.of(new Condition.And(List.of(new Condition.Ref("selection"),
                new Condition.Not(new Condition.Or(List.of(new Condition.Ref("filter_a"), new Condition.Ref("filter_b")))))),
                new Condition.Ref("_hidden"))), c);
        assertEquals(new Condition.And(List.of(new Condition.Ref("selection"), new Condition.Ref("filter_a"), new Condition.Ref("filter_b"))),
                ConditionParser.parse("all of them", NAMES), "them leaves out _hidden");
        assertEquals(new Condition.Not(new Condition.And(List.of(new Condition.Ref("selection"), new Condition.Ref("filter_a")))),
                ConditionParser.parse("not (selection and filter_a)", NAMES));
        assertThrows(SigmaException.class, () -> ConditionParser.parse("selection and", NAMES));
        assertThrows(SigmaException.class, () -> ConditionParser.parse("(selection", NAMES));
        assertThrows(SigmaException.class, () -> ConditionParser.parse("nothere", NAMES));
        assertThrows(SigmaException.class, () -> ConditionParser.parse("1 of none_*", NAMES));
    }

    @Test
    void regexLiteralsAreOnlyWhatEveryMatchHolds() {
        assertEquals(":assumed-role/aws:", RegexLiterals.required(".+:assumed-role/aws:.+"));
        assertEquals("abcd", RegexLiterals.required("x?abcd\\d+"));
        assertEquals("role", RegexLiterals.required("[a-z]+role(s)?"));
        assertNull(RegexLiterals.required("alpha|beta"), "an alternation gives none");
        assertNull(RegexLiterals.required("ab?"), "too short once the optional b is dropped");
        assertEquals("i-0", RegexLiterals.required("i-0\\D"));
    }
}
