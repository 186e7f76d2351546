package dev.trailindex.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trailindex.TestSupport;
import dev.trailindex.schema.FieldSpec;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class KeywordTermsTest {
    private static final FieldSpec KEY = TestSupport.SCHEMA.field("ti.id").orElseThrow();
    private static final FieldSpec REQUEST = TestSupport.SCHEMA.field("requestID").orElseThrow();
    private static final FieldSpec NAME = TestSupport.SCHEMA.field("eventName").orElseThrow();

    @Test
    void uuidsBecomeSeventeenBytesAndReadBackExactly() {
        Random r = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            String id = new UUID(r.nextLong(), r.nextLong()).toString();
            // RFC 4122: a UUID is the same in any case, so upper and mixed case read back as the lower-case id.
            String mixed = id.substring(0, 18).toUpperCase(java.util.Locale.ROOT) + id.substring(18);
            for (String v : new String[] {id, id.toUpperCase(java.util.Locale.ROOT), mixed}) {
                BytesRef t = KeywordTerms.of(KEY, v);
                assertEquals(17, t.length, v);
                assertEquals(id, KeywordTerms.text(t));
                assertEquals(id, KeywordTerms.canonicalId(v));
            }
            // Case-insensitive fields lower-case first.
            assertEquals(id, KeywordTerms.text(KeywordTerms.of(REQUEST, id.toUpperCase(java.util.Locale.ROOT))));
        }
    }

    @Test
    void otherValuesStayText() {
        for (String v : new String[] {"evt-golden-iam", "sha256:0123", "EVT-Golden",
            "3f1a2b3c00000-000-0000-000000000000", "3f1a2b3c-0000-0000-0000-00000000000g", "", "\u00e9t\u00e9"}) {
            assertEquals(v, KeywordTerms.of(KEY, v).utf8ToString(), v);
            assertEquals(v, KeywordTerms.text(new BytesRef(v.getBytes(StandardCharsets.UTF_8))));
            assertEquals(v, KeywordTerms.canonicalId(v), "not a UUID: kept as written");
        }
        assertNull(KeywordTerms.compact("not-a-uuid"));
        // Fields without compactIds never change.
        String id = "3f1a2b3c-4d5e-4f60-8a7b-0123456789ab";
        assertEquals(id, KeywordTerms.of(NAME, id).utf8ToString());
    }
}
