package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.application.lifecycle.LifecycleEvents;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.LifecycleEvent;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.domain.model.IncidentRecurred;
import io.incidentsupervisor.domain.model.InvestigationFailed;
import io.incidentsupervisor.domain.model.InvestigationRetried;
import io.incidentsupervisor.domain.model.InvestigationStarted;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every lifecycle event the service gives validates against the published JSON Schema
 * ({@code docs/events/incident-lifecycle.v1.schema.json}): those of real incidents on the embedded default, read with
 * {@code supervisor events --json}, and those of histories with a failed and an abandoned attempt.
 */
class LifecycleEventsSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMA = Path.of("../docs/events/incident-lifecycle.v1.schema.json");
    private static final String INCIDENT = "data-processor#2026-11-23T08:00:00.512Z";

    @TempDir
    Path home;

    private static Schema schema() throws Exception {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
    }

    @Test
    void theSampleIncidentsEventsCarryTheVerdictAndValidate() throws Exception {
        run("handle", "--event", "../examples/sns-s3-access-error.json");
        for (int minute = 1; minute < 10; minute++) {
            run("handle", "--event", SampleAlert.repeat(home, minute).toString());
        }
        run("handle", "--event", "../examples/sns-managed-policy-edit.json");

        JsonNode events = JSON.readTree(run("events", "--json"));

        Schema schema = schema();
        for (JsonNode event : events) {
            assertThat(schema.validate(event)).as(event.toString()).isEmpty();
        }
        assertThat(events)
                .filteredOn(event -> event.at("/detail/incidentId").asText().equals(INCIDENT))
                .extracting(event -> event.get("detail-type").asText())
                .containsExactly(
                        "Incident Opened",
                        "Incident Diagnosed",
                        "Incident Recurred",
                        "Incident Recurred",
                        "Incident Recurred");
        JsonNode diagnosed = events.get(1);
        assertThat(diagnosed.at("/detail/deniedAction").asText()).isEqualTo("s3:GetObject");
        assertThat(diagnosed.at("/detail/cause/eventId").asText()).isEqualTo("9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02");
        assertThat(diagnosed.at("/detail/cause/actorArn").asText())
                .isEqualTo("arn:aws:iam::123456789012:user/ops-alice");
        assertThat(diagnosed.at("/detail/revert").asText())
                .startsWith("aws iam put-role-policy --role-name data-processor-role --policy-name results-write");
        assertThat(diagnosed.at("/detail/verdict/cause").asText())
                .endsWith("[cloudtrail:9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02]");
        assertThat(events)
                .filteredOn(event -> event.get("detail-type").asText().equals("Incident Recurred"))
                .extracting(event -> event.at("/detail/occurrences").asInt())
                .as("ten alerts: the 2nd, the 5th and the 10th are told")
                .containsExactly(2, 5, 10);
        assertThat(events)
                .extracting(event -> event.at("/detail/eventId").asText())
                .doesNotHaveDuplicates();
        assertThat(JSON.readTree(run("events", "--json")))
                .as("the same ids on every reading")
                .isEqualTo(events);
    }

    @Test
    void aFailedAndAnAbandonedAttemptValidateAndTheSchemaRefusesWhatItDoesNotDescribe() throws Exception {
        IncidentAlert alert = IncidentAlert.of(
                "S3AccessError",
                "Access Denied for s3:GetObject",
                "AccessDenied",
                "data-processor",
                "2026-11-23T09:00:00Z");
        Instant now = Instant.parse("2026-11-23T09:00:01Z");
        List<IncidentEvent> events = List.of(
                new IncidentReceived(alert.incidentId(), alert, now),
                new InvestigationStarted(alert.incidentId(), 1, now, now.plusSeconds(60)),
                new InvestigationFailed(
                        alert.incidentId(), 1, new FailureReason("ThrottlingException", "Rate exceeded", true), now),
                new InvestigationRetried(alert.incidentId(), 1, "attempt 1 failed with the retryable X", now),
                new InvestigationStarted(alert.incidentId(), 2, now, now.plusSeconds(60)),
                new InvestigationRetried(alert.incidentId(), 2, "lease of attempt 2 passed at " + now, now),
                new IncidentRecurred(alert.incidentId(), "m-2", now.plusSeconds(5), now.plusSeconds(6)));
        List<AuditEntry> history = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            history.add(new AuditEntry(
                    i, now.plusSeconds(i), events.get(i).getClass().getSimpleName(), events.get(i), Map.of()));
        }

        List<LifecycleEvent> lifecycle = LifecycleEvents.of(history);

        assertThat(lifecycle)
                .extracting(LifecycleEvent::detailType)
                .as("a retry after a failure is no stale incident; an abandoned attempt is")
                .containsExactly("Incident Opened", "Investigation Failed", "Incident Stale", "Incident Recurred");
        Schema schema = schema();
        for (LifecycleEvent event : lifecycle) {
            JsonNode json = JSON.readTree(Json.answers().writeValueAsString(event));
            assertThat(schema.validate(json)).as(json.toString()).isEmpty();
        }
        ObjectNode wrongVersion = (ObjectNode) JSON.readTree(Json.answers().writeValueAsString(lifecycle.get(0)));
        ((ObjectNode) wrongVersion.get("detail")).put("version", "2");
        ObjectNode unknownField = (ObjectNode) JSON.readTree(Json.answers().writeValueAsString(lifecycle.get(1)));
        ((ObjectNode) unknownField.get("detail")).put("stackTrace", "at ...");
        ObjectNode unknownType = (ObjectNode) JSON.readTree(Json.answers().writeValueAsString(lifecycle.get(2)));
        unknownType.put("detail-type", "Incident Closed");
        assertThat(schema.validate(wrongVersion)).isNotEmpty();
        assertThat(schema.validate(unknownField)).isNotEmpty();
        assertThat(schema.validate(unknownType)).isNotEmpty();
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SupervisorCli.run(
                args,
                Map.of("SUPERVISOR_HOME", home.toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exitCode).as(String.join(" ", args) + ": " + err).isZero();
        return out.toString();
    }
}
