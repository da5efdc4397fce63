package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeats of one failure through {@code supervisor handle}, and one change breaking two functions, on the embedded default. */
class EpisodesCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST = "data-processor#2026-11-23T08:00:00.512Z";
    private static final String MANAGED_POLICY_CHANGE = "3e7a9c1b-2d4f-4a6b-8c0d-1e2f3a4b5c01";

    @TempDir
    Path home;

    private record Run(int exitCode, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SupervisorCli.run(
                args,
                Map.of("SUPERVISOR_HOME", home.toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void tenAlertsOfOneFailureMinutesApartAreOneIncidentWithTenOccurrencesAndOneInvestigation() throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (int alert = 0; alert < 10; alert++) {
            Path event = SampleAlert.repeat(home, alert);
            Run handled = run("handle", "--event", event.toString(), "--json");
            assertThat(handled.exitCode()).as(handled.err()).isZero();
            JsonNode delivered = JSON.readTree(handled.out()).get(0);
            assertThat(delivered.get("incidentId").asText()).isEqualTo(FIRST);
            outcomes.add(delivered.get("outcome").asText());
        }
        assertThat(outcomes).first().isEqualTo("Investigated");
        assertThat(outcomes.subList(1, 10)).containsOnly("Recurred");

        Run malformed = run("handle", "--event", "../examples/sns-malformed.json");
        assertThat(malformed.exitCode()).isEqualTo(SupervisorCli.BAD_INPUT);
        assertThat(malformed.out()).contains("Rejected");
        assertThat(JSON.readTree(run("rejected", "--json").out())).hasSize(1);

        JsonNode incidents = JSON.readTree(run("incidents", "--json").out());
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.at("/incidentId").asText()).isEqualTo(FIRST);
            assertThat(incident.get("occurrences").isNumber()).isTrue();
            assertThat(incident.get("occurrences").asInt()).isEqualTo(10);
            assertThat(incident.get("firstSeen").asText()).isEqualTo("2026-11-23T08:00:00.512Z");
            assertThat(incident.get("lastSeen").asText()).isEqualTo("2026-11-23T08:09:00.512Z");
        });
        assertThat(run("incidents").out()).contains("10 alerts, last 2026-11-23T08:09:00.512Z");

        List<String> types = new ArrayList<>();
        JSON.readTree(run("history", FIRST, "--json").out())
                .forEach(entry -> types.add(entry.get("type").asText()));
        assertThat(types).filteredOn("InvestigationStarted"::equals).hasSize(1);
        assertThat(types).filteredOn("IncidentRecurred"::equals).hasSize(9);
        assertThat(JSON.readTree(run("context", FIRST, "--json").out())
                        .at("/context/episode/occurrences")
                        .asInt())
                .isEqualTo(10);
    }

    @Test
    void oneManagedPolicyChangeBreakingTwoFunctionsIsOneRootCauseGroupOfBoth() throws Exception {
        handle("sns-managed-policy-edit.json");
        JsonNode before = JSON.readTree(run("causes", "--json").out()).get(0);
        assertThat(before.get("atRisk"))
                .extracting(JsonNode::asText)
                .as("the other role the policy is attached to, not broken yet")
                .containsExactly("invoice-sender-role");
        assertThat(before.get("atRiskFunctions"))
                .extracting(JsonNode::asText)
                .as("the supervised function that runs as it")
                .containsExactly("invoice-sender");
        assertThat(run("causes").out()).contains("at risk: invoice-sender-role (run by invoice-sender)");
        handle("sns-managed-policy-invoice-sender.json");

        JsonNode groups = JSON.readTree(run("causes", "--json").out());
        assertThat(groups).singleElement().satisfies(group -> {
            assertThat(group.at("/cause/eventId").asText()).isEqualTo(MANAGED_POLICY_CHANGE);
            assertThat(group.at("/cause/eventName").asText()).isEqualTo("CreatePolicyVersion");
            assertThat(group.at("/cause/actorArn").asText()).isEqualTo("arn:aws:iam::123456789012:user/ops-bob");
            assertThat(group.at("/cause/revert").asText()).contains("set-default-policy-version");
            assertThat(group.get("functions"))
                    .extracting(JsonNode::asText)
                    .containsExactly("order-exporter", "invoice-sender");
            assertThat(group.get("incidents"))
                    .extracting(member -> member.at("/incidentId").asText())
                    .containsExactly(
                            "order-exporter#2026-11-23T08:05:00.190Z", "invoice-sender#2026-11-23T08:06:12.407Z");
            assertThat(group.get("occurrences").asInt()).isEqualTo(2);
            assertThat(group.get("atRisk"))
                    .as("both roles the policy is attached to are broken")
                    .isEmpty();
        });
        JsonNode incidents = JSON.readTree(run("incidents", "--json").out());
        assertThat(incidents)
                .hasSize(2)
                .allSatisfy(incident ->
                        assertThat(incident.at("/rootCause/eventId").asText()).isEqualTo(MANAGED_POLICY_CHANGE));

        Run one = run("causes", MANAGED_POLICY_CHANGE);
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out()).contains("broke:   order-exporter, invoice-sender (2 incidents, 2 alerts)");
        assertThat(run("causes", "no-such-event").exitCode()).isEqualTo(SupervisorCli.FAILED);
    }

    private void handle(String example) {
        Run handled = run("handle", "--event", "../examples/" + example);
        assertThat(handled.exitCode()).as(handled.err()).isZero();
        assertThat(handled.out()).contains("Investigated");
    }
}
