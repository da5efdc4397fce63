package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in this JVM, on the embedded default (DynamoDB Local persisted under a temporary SUPERVISOR_HOME, the sample account). */
class SupervisorCliTest {

    private static final String INCIDENT = "data-processor#2026-11-23T08:00:00.512Z";

    @TempDir
    Path home;

    private record Run(int exitCode, String out, String err) {}

    private Run run(Map<String, String> extraEnvironment, String... args) {
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.put("SUPERVISOR_HOME", home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SupervisorCli.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void theManagedPolicyScenarioNamesTheNewVersionItsActorTheRolesAtRiskAndTheRevertToThePreviousVersion() {
        Run demo = run("demo", "--scenario", "managed-policy");

        assertThat(demo.exitCode()).isZero();
        assertThat(demo.out())
                .contains("Verdict (change evidence FOUND)")
                .contains("CreatePolicyVersion by arn:aws:iam::123456789012:user/ops-bob (IAMUser)")
                .contains("aws iam set-default-policy-version --policy-arn arn:aws:iam::123456789012:policy/orders-read"
                        + " --version-id v2")
                .contains("at risk     invoice-sender-role (run by invoice-sender)");
        assertThat(run("demo", "--scenario", "no-such-thing").exitCode()).isEqualTo(SupervisorCli.BAD_INPUT);
    }

    @Test
    void demoInvestigatesTheSampleIncidentThenSeesTheDuplicateAndPrintsTimelineAndContext() {
        Run demo = run("demo");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains("Delivery 1 of SNS message 95df01b4-ee98-5cb9-9903-4c221d41eb5e: Investigated")
                .contains("Delivery 2 of SNS message 95df01b4-ee98-5cb9-9903-4c221d41eb5e: Duplicate")
                .contains("Timeline of " + INCIDENT)
                .contains("IncidentReceived")
                .contains("ContextGathered")
                .contains("\"failingServices\" : [ \"s3\" ]")
                .contains("\"EnvironmentKeys\"")
                .doesNotContain("hunter2-Sup3rS3cret")
                .doesNotContain("tok_live_");
        assertThat(home).as("the demo keeps nothing").isEmptyDirectory();
    }

    @Test
    void demoPrintsTheVerdictFirstWithTheActorTheTimeAndTheRevert() {
        Run demo = run("demo");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out().indexOf("Verdict (change evidence FOUND):"))
                .isPositive()
                .isLessThan(demo.out().indexOf("Delivery 1"))
                .isLessThan(demo.out().indexOf("Timeline of"));
        assertThat(demo.out())
                .contains("denied      s3:GetObject on arn:aws:s3:::orders-prod-eu/incoming/2026-11-23/orders-0800.csv"
                        + " by role data-processor-role: no identity-based policy allows it; simulator: implicitDeny"
                        + " [logs:4]")
                .contains("cause       PutRolePolicy by arn:aws:iam::123456789012:user/ops-alice (IAMUser) at"
                        + " 2026-11-23T07:56:10Z: inline policy results-write was replaced by a document without the"
                        + " statement that allowed s3:GetObject [cloudtrail:9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02]")
                .contains("removed     {\"Sid\":\"ReadOrders\"")
                .contains("undo        aws iam put-role-policy --role-name data-processor-role --policy-name"
                        + " results-write --policy-document file://results-write.json");
    }

    @Test
    void aSmallTokenBudgetCutsTheContextButNeverTheVerdict() throws Exception {
        JsonNode full = new ObjectMapper().readTree(run("demo", "--json").out()).at("/context");
        JsonNode small = new ObjectMapper()
                .readTree(run(Map.of("TOKEN_BUDGET", "500"), "demo", "--json").out())
                .at("/context");

        assertThat(small.at("/truncation/budget").asInt()).isEqualTo(500);
        assertThat(small.at("/truncation/droppedSources")).isNotEmpty();
        assertThat(small.get("diagnosis")).isEqualTo(full.get("diagnosis"));
        assertThat(small.at("/diagnosis/changeEvidence").asText()).isEqualTo("FOUND");
    }

    @Test
    void incidentsListsTheHandledExamplesNewestFailureFirstAndFiltersByStatus() throws Exception {
        assertThat(run("incidents").out()).isEqualTo("No incidents.\n");
        for (String example : List.of(
                "sns-s3-access-error.json",
                "sns-cloudwatch-access-error.json",
                "sns-unknown-error-type.json",
                "sns-malformed.json")) {
            run("handle", "--event", "../examples/" + example);
        }

        JsonNode all = new ObjectMapper().readTree(run("incidents", "--json").out());
        assertThat(all)
                .extracting(row -> row.at("/incidentId").asText())
                .containsExactly(
                        "report-builder#2026-11-23T08:05:00Z",
                        "data-processor#2026-11-23T08:00:00.512Z",
                        "data-processor#2026-11-23T08:00:00Z");
        JsonNode refused = new ObjectMapper()
                .readTree(run("incidents", "--json", "--status", "FAILED").out());
        assertThat(refused)
                .extracting(row -> row.at("/incidentId").asText())
                .containsExactly("report-builder#2026-11-23T08:05:00Z");
        assertThat(new ObjectMapper()
                        .readTree(run("incidents", "--json", "--function", "report-builder", "--limit", "5")
                                .out()))
                .hasSize(1);

        Run firstPage = run("incidents", "--limit", "2");
        assertThat(firstPage.out()).startsWith("report-builder#2026-11-23T08:05:00Z");
        assertThat(firstPage.err()).contains("More incidents: --after data-processor#2026-11-23T08:00:00.512Z");
        Run secondPage =
                run("incidents", "--json", "--limit", "2", "--after", "data-processor#2026-11-23T08:00:00.512Z");
        assertThat(new ObjectMapper().readTree(secondPage.out()))
                .extracting(row -> row.at("/incidentId").asText())
                .containsExactly("data-processor#2026-11-23T08:00:00Z");
        assertThat(secondPage.err()).doesNotContain("More incidents");
    }

    @Test
    void handleReadsAnSqsBatchAndPrintsEachOutcomeAndTheBatchResponse() {
        Run batch = run("handle", "--event", "../examples/sqs-mixed-batch.json");

        assertThat(batch.exitCode()).as("a message was rejected").isEqualTo(2);
        assertThat(batch.out())
                .contains("059f36b4-87a3-44ab-83d2-661975830a7d/95df01b4-ee98-5cb9-9903-4c221d41eb5e  Investigated")
                .contains("a1c2e3f4-5b6d-4e8f-9a0b-1c2d3e4f5a6b/c7d8e9f0-1a2b-5c3d-9e4f-5a6b7c8d9e0f  Duplicate")
                .contains("d4e5f6a7-8b9c-4d0e-9f1a-2b3c4d5e6f7a/5e4d3c2b-1a09-5f8e-9d7c-6b5a4f3e2d1c  Rejected")
                .contains("2e1424d4-f796-459a-8184-9c92662be6da  Refused")
                .contains("Batch response: {\"batchItemFailures\":[]}");
        assertThat(batch.err()).contains("Rejected d4e5f6a7-8b9c-4d0e-9f1a-2b3c4d5e6f7a/");
    }

    @Test
    void theRecordedEvidenceIsWholeAndASmallBudgetCutsOnlyWhatIsRead() throws Exception {
        Map<String, String> small = Map.of("TOKEN_BUDGET", "500");
        assertThat(run(small, "handle", "--event", "../examples/sns-s3-access-error.json")
                        .exitCode())
                .isZero();
        String historyBefore = run(small, "history", INCIDENT, "--json").out();

        JsonNode recorded = new ObjectMapper().readTree(historyBefore).get(6).at("/event/context");
        JsonNode logs = recorded.at("/results/1");
        assertThat(logs.get("source").asText()).isEqualTo("cloudwatch-logs");
        assertThat(logs.get("entries"))
                .hasSize(logs.at("/data/eventsKept").asInt())
                .hasSize(8);
        assertThat(recorded.at("/truncation/budget").asInt())
                .as("recorded whole")
                .isZero();
        assertThat(historyBefore).doesNotContain("hunter2-Sup3rS3cret");

        JsonNode row = new ObjectMapper()
                .readTree(run(small, "context", INCIDENT, "--json").out())
                .get("context");
        assertThat(row.at("/truncation/budget").asInt()).isEqualTo(500);
        assertThat(row.at("/truncation/droppedEntries/cloudwatch-logs").asInt()).isEqualTo(8);
        assertThat(run(small, "history", INCIDENT, "--json").out())
                .as("reading at a small budget leaves the history as it was")
                .isEqualTo(historyBefore);
    }

    @Test
    void handleThenHistoryInSeparateRunsShareTheStoreAndAnswerInJson() throws Exception {
        Run handled = run("handle", "--event", "../examples/sns-s3-access-error.json");
        assertThat(handled.exitCode()).as(handled.err()).isZero();
        assertThat(handled.out()).contains("Investigated").contains(INCIDENT);

        Run history = run("history", INCIDENT, "--json");
        assertThat(history.exitCode()).as(history.err()).isZero();
        JsonNode events = new ObjectMapper().readTree(history.out());
        assertThat(events).hasSize(7);
        assertThat(events.get(0).get("type").asText()).isEqualTo("IncidentReceived");
        assertThat(events.get(0).at("/metadata/snsMessageId").asText())
                .isEqualTo("95df01b4-ee98-5cb9-9903-4c221d41eb5e");

        Run again = run("handle", "--event", "../examples/sns-s3-access-error.json", "--json");
        assertThat(new ObjectMapper()
                        .readTree(again.out())
                        .get(0)
                        .get("outcome")
                        .asText())
                .isEqualTo("Duplicate");

        Run context = run("context", INCIDENT, "--json");
        assertThat(context.exitCode()).isZero();
        assertThat(new ObjectMapper()
                        .readTree(context.out())
                        .at("/context/results/0/source")
                        .asText())
                .isEqualTo("lambda-configuration");

        Run rebuilt = run("projections", "rebuild", "--json");
        assertThat(rebuilt.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(rebuilt.out()).get("incidents").asInt())
                .isEqualTo(1);
        assertThat(rebuilt.err()).contains("read 7 events");

        Run recover = run("recover", INCIDENT);
        assertThat(recover.exitCode()).as("a closed incident is not recovered").isEqualTo(SupervisorCli.FAILED);
        assertThat(recover.err()).contains("the incident is closed");
        assertThat(run("stale").out()).contains("No stale incidents.");
    }

    @Test
    void historyAndContextStartNeitherTheSampleAccountNorTheCollectorsWhileHandleStartsBoth() {
        try (StartupLog log = StartupLog.capture()) {
            assertThat(run("handle", "--event", "../examples/sns-s3-access-error.json")
                            .exitCode())
                    .isZero();
            assertThat(log.lines())
                    .anyMatch(line -> line.startsWith("DynamoDB Local on"))
                    .anyMatch(line -> line.startsWith("Sample account (WireMock)"))
                    .anyMatch(line -> line.startsWith("Context collectors registered"));

            for (String command : new String[] {"history", "context"}) {
                log.clear();
                assertThat(run(command, INCIDENT).exitCode()).isZero();
                assertThat(log.lines())
                        .as(command)
                        .anyMatch(line -> line.startsWith("DynamoDB Local on"))
                        .noneMatch(line -> line.startsWith("Sample account (WireMock)"))
                        .noneMatch(line -> line.startsWith("Context collectors registered"));
            }
        }
    }

    @Test
    void aMalformedAlertIsRejectedKeptAndListed() throws Exception {
        Run handled = run("handle", "--event", "../examples/sns-malformed.json");
        assertThat(handled.exitCode()).as("a rejected record is bad input").isEqualTo(SupervisorCli.BAD_INPUT);
        assertThat(handled.out())
                .contains("5e4d3c2b-1a09-5f8e-9d7c-6b5a4f3e2d1c")
                .contains("Rejected");
        assertThat(handled.err())
                .contains("Rejected 5e4d3c2b-1a09-5f8e-9d7c-6b5a4f3e2d1c: timestamp is not an ISO-8601");

        JsonNode rejected =
                new ObjectMapper().readTree(run("rejected", "--json").out());
        assertThat(rejected).singleElement().satisfies(kept -> {
            assertThat(kept.get("messageId").asText()).isEqualTo("5e4d3c2b-1a09-5f8e-9d7c-6b5a4f3e2d1c");
            assertThat(kept.get("reason").asText()).startsWith("timestamp is not an ISO-8601 date-time");
        });
    }

    @Test
    void eachHostileAlertIsRejectedExitsTwoAndIsListed() throws Exception {
        Map<String, String> reasons = Map.of(
                "sns-deep-nesting.json", "the message nests deeper than 16 levels",
                "sns-long-number.json", "a number in the message is longer than 50 characters",
                "sns-duplicate-keys.json", "the key lambda_name appears more than once",
                "sns-year-99999.json", "timestamp is more than 24 hours after the time the alert was received");
        for (Map.Entry<String, String> hostile : reasons.entrySet()) {
            Run handled = run("handle", "--event", "../examples/hostile/" + hostile.getKey());
            assertThat(handled.exitCode()).as(hostile.getKey()).isEqualTo(SupervisorCli.BAD_INPUT);
            assertThat(handled.err()).as(hostile.getKey()).contains("Rejected ").contains(hostile.getValue());
        }

        JsonNode rejected =
                new ObjectMapper().readTree(run("rejected", "--json").out());
        assertThat(rejected)
                .extracting(kept -> kept.get("reason").asText())
                .containsExactlyInAnyOrderElementsOf(reasons.values());
        assertThat(run("stale").out()).as("nothing was investigated").contains("No stale incidents.");
    }

    @Test
    void anAlertSpellingATokenizersSpecialTokenIsInvestigatedLikeAnyOther() throws Exception {
        Run handled = run("handle", "--event", "../examples/hostile/sns-special-token.json", "--json");

        assertThat(handled.exitCode()).as(handled.out() + handled.err()).isZero();
        assertThat(new ObjectMapper()
                        .readTree(handled.out())
                        .get(0)
                        .get("outcome")
                        .asText())
                .isEqualTo("Investigated");
    }

    @Test
    void badInputExitsWithTwoAndSaysWhatIsWrong() {
        Run budget = run(Map.of("TOKEN_BUDGET", "-1"), "stale");
        assertThat(budget.exitCode()).isEqualTo(SupervisorCli.BAD_INPUT);
        assertThat(budget.err()).contains("TOKEN_BUDGET");

        assertThat(run("history", "not-an-id").exitCode()).isEqualTo(SupervisorCli.BAD_INPUT);
        assertThat(run("handle", "--event", "no/such/file.json").err()).contains("no such event file");
        assertThat(run("handle", "--event", "pom.xml").exitCode()).isEqualTo(SupervisorCli.BAD_INPUT);
        assertThat(run("no-such-command").exitCode()).isEqualTo(SupervisorCli.BAD_INPUT);
        assertThat(run("recover").exitCode())
                .as("an id or --all-stale is required")
                .isEqualTo(SupervisorCli.BAD_INPUT);
    }

    @Test
    void anUnknownIncidentIsAFailureNotBadInput() {
        Run history = run("history", "data-processor#2020-01-01T00:00:00Z");
        assertThat(history.exitCode()).isEqualTo(SupervisorCli.FAILED);
        assertThat(history.err()).contains("No incident data-processor#2020-01-01T00:00:00Z");
    }

    @Test
    void verifyChecksTheLocalStackAndReportsEveryCheckAsJson() throws Exception {
        Run verify = run("verify", "--json");

        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(verify.out());
        assertThat(report.get("passed").asBoolean()).isTrue();
        assertThat(report.get("checks"))
                .extracting(check -> check.get("name").asText())
                .containsExactly(
                        "table incident-supervisor-events",
                        "table incident-supervisor-snapshots",
                        "table incident-state",
                        "table incident-context",
                        "table incident-supervisor-rejected-alerts",
                        "ttl on incident-context",
                        "ttl on incident-supervisor-rejected-alerts",
                        "function incident-supervisor",
                        "function incident-supervisor-recovery",
                        "function incident-supervisor-mcp",
                        "mcp endpoint answers a signed request",
                        "function incident-supervisor-events",
                        "synthetic alert investigated end to end");
        assertThat(report.get("checks")).allSatisfy(check -> {
            assertThat(check.get("passed").asBoolean()).as(check.toString()).isTrue();
            assertThat(check.get("durationMillis").isNumber()).isTrue();
        });
        assertThat(report.get("checks").get(7).get("detail").asText())
                .isEqualTo("Active, java21, live = version 3, SnapStart On,"
                        + " io.incidentsupervisor.bootstrap.LambdaEntry::handleRequest");
        assertThat(report.get("checks").get(10).get("detail").asText())
                .isEqualTo("https://f3kq7sampleurlid2mcp4example.lambda-url.eu-west-1.on.aws/ (AWS_IAM): initialize and"
                        + " tools/list answered a signed request, 6 tools (served in this process)");
    }

    @Test
    void verifyOfAnSqsIntakeStackSendsTheSyntheticAlertAsAnSqsMessage() throws Exception {
        Run verify = run("verify", "--json", "--function", "incident-supervisor-sqs");

        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        JsonNode checks = new ObjectMapper().readTree(verify.out()).get("checks");
        assertThat(checks)
                .filteredOn(check -> check.get("name").asText().equals("function incident-supervisor-sqs"))
                .singleElement()
                .satisfies(check -> assertThat(check.get("detail").asText()).endsWith("SqsLambdaEntry::handleRequest"));
        assertThat(checks.get(checks.size() - 1).get("detail").asText())
                .endsWith("(handled in this process, through the SQS entry)");
    }

    @Test
    void verifyFailsWithTheCheckThatFailed() throws Exception {
        Run verify = run("verify", "--json", "--function", "not-deployed");

        assertThat(verify.exitCode()).isEqualTo(SupervisorCli.FAILED);
        JsonNode report = new ObjectMapper().readTree(verify.out());
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(report.get("checks"))
                .filteredOn(check -> !check.get("passed").asBoolean())
                .singleElement()
                .satisfies(check -> assertThat(check.get("detail").asText()).contains("ResourceNotFoundException"));
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {
            "demo",
            "handle",
            "incidents",
            "causes",
            "events",
            "mcp",
            "history",
            "serve",
            "report",
            "context",
            "stale",
            "recover",
            "rejected",
            "projections",
            "verify"
        }) {
            Run help = run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: supervisor " + command);
        }
        assertThat(run("projections", "rebuild", "--help").out()).contains("--json");
    }
}
