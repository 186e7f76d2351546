package dev.trailindex.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trailindex.TestSupport;
import dev.trailindex.index.KeywordTerms;
import dev.trailindex.query.QueryException;
import dev.trailindex.query.SchemaQueryParser;
import dev.trailindex.schema.FieldSpec;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The DSL of each kind of Lucene query the parser, trace and Sigma build, written out by hand from the contract's
 * mapping (keyword terms lower-cased as the local terms are, IPs on the ip field, times as epoch millis, compact
 * UUIDs as their text), and the one-line errors for what has no exact translation.
 */
class QueryTranslatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QueryTranslator T = new QueryTranslator(TestSupport.SCHEMA);

    private static JsonNode dsl(String query) {
        return T.translate(new SchemaQueryParser(TestSupport.SCHEMA).parseQuery(query));
    }

    private static JsonNode json(String singleQuoted) throws Exception {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "eventName:ConsoleLogin | {'term':{'eventName':'consolelogin'}}",
        "action:consolelogin | {'term':{'eventName':'consolelogin'}}",
        "errorCode:* | {'exists':{'field':'errorCode'}}",
        "apiVersion:* | {'exists':{'field':'apiVersion'}}",
        "_exists_:errorMessage | {'exists':{'field':'errorMessage'}}",
        "ip:203.0.113.50 | {'term':{'sourceIPAddress_ip':'203.0.113.50'}}",
        "ip:10.0.0.0/8 | {'range':{'sourceIPAddress_ip':{'gte':'10.0.0.0','lte':'10.255.255.255'}}}",
        "related.ip:192.0.2.0/24 | {'range':{'related.ip_ip':{'gte':'192.0.2.0','lte':'192.0.2.255'}}}",
        "ip:[10.0.0.1 TO 10.0.0.9] | {'range':{'sourceIPAddress_ip':{'gte':'10.0.0.1','lte':'10.0.0.9'}}}",
        "ip:signin.amazonaws.com | {'term':{'sourceIPAddress':'signin.amazonaws.com'}}",
        "userAgent:aws-cli* | {'prefix':{'userAgent':{'value':'aws-cli'}}}",
        "eventName:Get*Policy | {'wildcard':{'eventName':{'value':'get*policy'}}}",
        "eventName:/get.*polic[y]/ | {'regexp':{'eventName':{'value':'get.*polic[y]','flags':'ALL'}}}",
        "eventName:consolelogn~ | {'fuzzy':{'eventName':{'value':'consolelogn','fuzziness':'2','prefix_length':0,'transpositions':true,'max_expansions':50}}}",
        "requestParameters.bucketName:Acme-Finance | {'term':{'requestParameters':'bucketname\\u001facme-finance'}}",
        "requestParameters.bucketName:acme* | {'prefix':{'requestParameters':{'value':'bucketname\\u001facme'}}}",
        "requestParameters.bucketName:* | {'prefix':{'requestParameters':{'value':'bucketname\\u001f'}}}",
        "readOnly:TRUE | {'term':{'readOnly':'true'}}",
        "ti.size:[100 TO 200] | {'range':{'ti.size':{'gte':100,'lte':200}}}",
        "ti.size:{100 TO *] | {'range':{'ti.size':{'gte':101}}}",
        "eventName:[a TO c} | {'range':{'eventName':{'gte':'a','lt':'c'}}}",
        "errorMessage:\"access denied\" | {'span_near':{'clauses':[{'span_term':{'errorMessage':'access'}},{'span_term':{'errorMessage':'denied'}}],'slop':0,'in_order':true}}",
        "errorMessage:\"access denied\"~2 | {'match_phrase':{'errorMessage':{'query':'access denied','slop':2}}}",
        "NOT errorCode:* | {'bool':{'filter':[{'match_all':{}}],'must_not':[{'exists':{'field':'errorCode'}}]}}",
        "eventName:A OR eventName:B | {'bool':{'should':[{'term':{'eventName':'a'}},{'term':{'eventName':'b'}}],'minimum_should_match':1}}",
        "eventName:A AND NOT region:us-east-1 | {'bool':{'must':[{'term':{'eventName':'a'}}],'must_not':[{'term':{'awsRegion':'us-east-1'}}]}}",
        "eventName:A (region:x OR region:y) | {'bool':{'must':[{'term':{'eventName':'a'}},{'bool':{'should':[{'term':{'awsRegion':'x'}},{'term':{'awsRegion':'y'}}],'minimum_should_match':1}}]}}",
        "`` | {'match_all':{}}",
    })
    void translatesEachKindOfQuery(String query, String expected) throws Exception {
        assertEquals(json(expected).toString(), dsl(query).toString());
    }

    @Test
    void timesAreEpochMillisInclusiveAtBothEnds() throws Exception {
        long from = Instant.parse("2026-11-20T11:00:00Z").toEpochMilli();
        long to = Instant.parse("2026-11-20T11:31:00Z").toEpochMilli() - 1;
        assertEquals(json("{'range':{'eventTime':{'gte':" + from + ",'lte':" + to + ",'format':'epoch_millis'}}}"),
                dsl("eventTime:[2026-11-20T11:00 TO 2026-11-20T11:30]"));
        long day = Instant.parse("2026-11-20T00:00:00Z").toEpochMilli();
        assertEquals(json("{'range':{'eventTime':{'gte':" + day + ",'lte':" + (day + 86_400_000L - 1) + ",'format':'epoch_millis'}}}"),
                dsl("time:2026-11-20"));
        assertEquals(json("{'range':{'eventTime':{'lte':" + (day - 1) + ",'format':'epoch_millis'}}}"),
                dsl("time:[* TO 2026-11-20}"));
    }

    @Test
    void aCompactUuidIsSentAsItsLowerCaseText() throws Exception {
        String id = "9A000117-9046-4DCF-B459-1097984DC387";
        assertEquals(json("{'term':{'ti.id':'" + id.toLowerCase() + "'}}"), dsl("eventID:" + id));
        assertEquals(json("{'term':{'requestID':'" + id.toLowerCase() + "'}}"), dsl("requestID:" + id));
        // A non-UUID key keeps its case on the exact-case key field.
        assertEquals(json("{'term':{'ti.id':'Sha256-AbC'}}"), dsl("eventID:Sha256-AbC"));
    }

    @Test
    void aUuidPrefixIsATextPrefixBesideTheOtherValuesPrefix() throws Exception {
        assertEquals(json("{'bool':{'should':[{'prefix':{'requestID':{'value':'9a000117-90'}}},"
                + "{'prefix':{'requestID':{'value':'9a000117-90'}}}],'minimum_should_match':1}}"), dsl("requestID:9A000117-90*"));
        // An odd number of hex digits: the local index asks for 16 byte prefixes, each one more digit.
        JsonNode odd = dsl("requestID:9a0*").get("bool").get("should");
        assertEquals(json("{'prefix':{'requestID':{'value':'9a0'}}}"), odd.get(0));
        JsonNode each = odd.get(1).get("bool").get("should");
        assertEquals(16, each.size());
        for (int i = 0; i < 16; i++) {
            assertEquals("9a0" + "0123456789abcdef".charAt(i), each.get(i).get("prefix").get("requestID").get("value").asText());
        }
    }

    @Test
    void patternsOnCompactIdFieldsLeaveUuidsOutAsTheLocalIndexDoes() throws Exception {
        assertEquals(json("{'bool':{'filter':[{'wildcard':{'requestID':{'value':'*abc*'}}}],'must_not':[{'regexp':{'requestID':"
                + "{'value':'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'}}}]}}"), dsl("requestID:*ABC*"));
    }

    @Test
    void aTermSetIsATermsQuery() throws Exception {
        FieldSpec key = TestSupport.SCHEMA.field("userIdentity.accessKeyId").orElseThrow();
        Query q = new TermInSetQuery(key.name(), List.of(KeywordTerms.of(key, "AKIAONE"), KeywordTerms.of(key, "AKIATWO")));
        assertEquals(json("{'terms':{'userIdentity.accessKeyId':['akiaone','akiatwo']}}"), T.translate(q));
    }

    @Test
    void aBareWordIsTheTextAndTheExactIdFields() {
        JsonNode should = dsl("ConsoleLogin").get("bool").get("should");
        assertEquals("consolelogin", should.get(0).get("term").get("text").asText());
        List<String> exact = TestSupport.SCHEMA.exactWordFields().stream().map(FieldSpec::name).toList();
        assertEquals(exact.size() + 1, should.size());
        for (int i = 0; i < exact.size(); i++) {
            assertTrue(should.get(i + 1).get("term").has(exact.get(i)), should.toString());
        }
    }

    @Test
    void anEmptyOrOnlyNegativeLuceneBooleanMatchesNothingAsInLucene() throws Exception {
        Query onlyNot = new org.apache.lucene.search.BooleanQuery.Builder()
                .add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("eventName", "a")),
                        org.apache.lucene.search.BooleanClause.Occur.MUST_NOT).build();
        assertEquals(json("{'match_none':{}}"), T.translate(onlyNot));
        assertEquals(json("{'match_none':{}}"), T.translate(new org.apache.lucene.search.BooleanQuery.Builder().build()));
    }

    @Test
    void theIntegrityVerdictIsOneLineError() {
        for (String q : List.of("ti.integrity:unverified", "integrity:verified", "eventName:A AND NOT integrity:unverified")) {
            QueryException e = assertThrows(QueryException.class, () -> dsl(q));
            assertTrue(e.getMessage().contains("ti.integrity") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void otherQueryKindsAreOneLineErrorsNamingThem() {
        Query span = new org.apache.lucene.queries.spans.SpanTermQuery(new org.apache.lucene.index.Term("text", "x"));
        QueryException e = assertThrows(QueryException.class, () -> T.translate(span));
        assertTrue(e.getMessage().contains("SpanTermQuery") && !e.getMessage().contains("\n"), e.getMessage());
        Query gap = new org.apache.lucene.search.PhraseQuery.Builder().add(new org.apache.lucene.index.Term("text", "a"), 0)
                .add(new org.apache.lucene.index.Term("text", "b"), 2).build();
        assertThrows(QueryException.class, () -> T.translate(gap));
    }

    @Test
    void compactPrefixBytesDecodeToText() {
        byte[] b = {(byte) 0xFE, (byte) 0x9a, 0x00, 0x01, 0x17, (byte) 0x90};
        assertEquals("9a000117-90", CompactIds.prefixText(new BytesRef(b)));
    }
}
