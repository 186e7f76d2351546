package dev.trailindex.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trailindex.TestSupport;
import dev.trailindex.query.SearchRequest;
import dev.trailindex.search.SearchBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SigmaHQ's 66 CloudTrail rules (../shared/sigma, read in place: the Detection Rule License keeps them out of the
 * project) over the real corpus, rule by rule against the independent Python evaluator; the Stratus detonations
 * technique by technique; and the --explain text of every exact rule, pasted into search, finds the same events.
 */
class SigmaCorpusTest {
    private static final String STRATUS = "stratus-detonations";

    @Test
    void everyRuleMatchesTheIndependentEvaluatorOnTheCorpus() throws Exception {
        Path corpus = TestSupport.corpus();
        Path rules = TestSupport.sigmaRules();
        SearchBackend backend = TestSupport.indexed(corpus).search();
        JsonNode expected = TestSupport.sigmaExpectations(corpus, rules);
        List<SigmaRule> loaded = new RuleLoader(Map.of()).load(List.of(rules)).rules();
        assertEquals(66, loaded.size());
        Map<String, RuleResult> got = new TreeMap<>();
        new Detector(backend).run(loaded, SearchRequest.of("")).forEach(r -> got.put(rules.relativize(r.rule().file()).toString(), r));
        assertEquals(new TreeSet<>(iterable(expected)), got.keySet());
        StringBuilder summary = new StringBuilder();
        for (var e : got.entrySet()) {
            JsonNode want = expected.get(e.getKey());
            RuleResult r = e.getValue();
            assertEquals(want.path("state").asText(), r.ok() ? "ok" : "untranslatable", e.getKey() + ": " + r.reason());
            if (r.ok()) {
                assertEquals(want.path("hits").asLong(), r.hits(), e.getKey());
                assertEquals(want.path("first").asText(null), SigmaRulesTest.iso(r.first()), e.getKey() + " first");
                assertEquals(want.path("last").asText(null), SigmaRulesTest.iso(r.last()), e.getKey() + " last");
            }
            summary.append(String.format("%-70s %s%n", e.getKey(), r.ok() ? r.hits() : "untranslatable: " + r.reason()));
        }
        System.out.print(summary);
    }

    @Test
    void theStratusTechniquesTheFactsPageSaysShouldBeCaughtAre() throws Exception {
        Path corpus = TestSupport.corpus();
        Path rules = TestSupport.sigmaRules();
        Path folder = corpus.resolve(STRATUS).toAbsolutePath().normalize();
        SearchBackend backend = TestSupport.indexed(folder).search();
        List<SigmaRule> loaded = new RuleLoader(Map.of()).load(List.of(rules)).rules();
        JsonNode expected = TestSupport.sigmaPerFile(corpus, rules, STRATUS);
        Detector detector = new Detector(backend);
        Map<String, Map<String, Long>> fired = new TreeMap<>();
        for (var file : iterable(expected)) {
            String q = "file:\"" + folder.resolve(file) + "\"";
            Map<String, Long> per = new TreeMap<>();
            for (RuleResult r : detector.run(loaded, new SearchRequest(q, null, null, 0, null))) {
                if (r.hits() > 0) {
                    String name = r.rule().file().getFileName().toString();
                    per.put(name.substring(0, name.length() - 4), r.hits());
                }
            }
            fired.put(file, per);
            Map<String, Long> want = new TreeMap<>();
            expected.get(file).properties().forEach(p -> want.put(p.getKey(), p.getValue().asLong()));
            assertEquals(want, per, file);
        }
        // The facts page (§6): the techniques a rule should catch, and the rule that does.
        Map<String, String> shouldFire = Map.ofEntries(
                Map.entry("aws.defense-evasion.cloudtrail-delete", "aws_cloudtrail_disable_logging"),
                Map.entry("aws.defense-evasion.cloudtrail-stop", "aws_cloudtrail_disable_logging"),
                Map.entry("aws.defense-evasion.vpc-remove-flow-logs", "aws_cloudtrail_vpc_flow_logs_deleted"),
                Map.entry("aws.execution.ssm-send-command", "aws_cloudtrail_ssm_malicious_usage"),
                Map.entry("aws.credential-access.ec2-steal-instance-credentials", "aws_cloudtrail_ssm_malicious_usage"),
                Map.entry("aws.exfiltration.ec2-security-group-open-port-22-ingress", "aws_cloudtrail_security_group_change_ingress_egress"),
                Map.entry("aws.exfiltration.ec2-share-ebs-snapshot", "aws_snapshot_backup_exfiltration"),
                Map.entry("aws.initial-access.console-login-without-mfa", "aws_cloudtrail_console_login_success_without_mfa"),
                Map.entry("aws.persistence.iam-backdoor-user", "aws_iam_backdoor_users_keys"),
                Map.entry("aws.persistence.iam-create-admin-user", "aws_iam_backdoor_users_keys"),
                Map.entry("aws.persistence.lambda-layer-extension", "aws_new_lambda_layer_attached"),
                Map.entry("aws.privilege-escalation.iam-update-user-login-profile", "aws_update_login_profile"),
                // By the v1 aggregation rules, run as event counts.
                Map.entry("aws.credential-access.ec2-get-password-data", "aws_enum_backup"),
                Map.entry("aws.discovery.ec2-download-user-data", "aws_ec2_download_userdata"));
        shouldFire.forEach((technique, rule) -> {
            String file = fired.keySet().stream().filter(f -> f.startsWith(technique + ".")).findFirst().orElseThrow();
            assertTrue(fired.get(file).containsKey(rule), technique + " should be caught by " + rule + "; fired: " + fired.get(file));
        });
    }

    @Test
    void theExplainedQueryPastedIntoSearchFindsTheSameEvents() throws Exception {
        Path corpus = TestSupport.corpus();
        Path rules = TestSupport.sigmaRules();
        SearchBackend backend = TestSupport.indexed(corpus).search();
        Detector detector = new Detector(backend);
        int checked = 0;
        for (SigmaRule r : new RuleLoader(Map.of()).load(List.of(rules)).rules()) {
            if (!r.runnable() || r.detection() == null) {
                continue;
            }
            Plan p = detector.plan(r);
            if (!p.exact() || p.text().contains("[")) {
                continue;
            }
            long direct = backend.count(new SearchRequest("", null, null, 0, null).withFilter(p.query()));
            long pasted;
            try {
                pasted = backend.count(new SearchRequest(p.text(), null, null, 0, null));
            } catch (dev.trailindex.query.QueryException e) {
                // search refuses a nested path no event holds (instead of a silent zero); the rule's own run does not.
                assertTrue(e.getMessage().startsWith("no event in this index has"), e.getMessage());
                continue;
            }
            assertEquals(direct, pasted, r.file() + ": " + p.text());
            checked++;
        }
        assertTrue(checked > 50, "checked " + checked);
    }

    @Test
    void thePythonEvaluatorPassesItsOwnTests() throws Exception {
        Process p = new ProcessBuilder("python3", "src/test/python/sigma_expectations.py", "--self-test").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains(" passed, 0 failed"), out);
    }

    private static List<String> iterable(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
