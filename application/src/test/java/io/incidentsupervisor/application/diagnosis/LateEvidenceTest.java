package io.incidentsupervisor.application.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.application.MovableClock;
import io.incidentsupervisor.application.context.CollectorRegistry;
import io.incidentsupervisor.application.context.ContextFitter;
import io.incidentsupervisor.application.context.ContextGatherer;
import io.incidentsupervisor.application.context.TextLengthCounter;
import io.incidentsupervisor.application.investigation.AuditHistory;
import io.incidentsupervisor.application.investigation.IncidentInvestigation;
import io.incidentsupervisor.application.investigation.Recurrences;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.RecheckChangeEvidence;
import io.incidentsupervisor.application.port.out.FailureClassifier;
import io.incidentsupervisor.application.port.out.InMemoryEpisodes;
import io.incidentsupervisor.application.projection.InMemoryProjectionStores;
import io.incidentsupervisor.application.projection.Projections;
import io.incidentsupervisor.domain.budget.TokenBudget;
import io.incidentsupervisor.domain.diagnosis.Change;
import io.incidentsupervisor.domain.diagnosis.Diagnosis.ChangeEvidence;
import io.incidentsupervisor.domain.diagnosis.Policy;
import io.incidentsupervisor.domain.diagnosis.PolicyStatement;
import io.incidentsupervisor.domain.diagnosis.RoleState;
import io.incidentsupervisor.domain.diagnosis.Simulation;
import io.incidentsupervisor.domain.model.EpisodeWindow;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An incident investigated before CloudTrail delivered its change: pending, then settled by the scheduled recheck. */
class LateEvidenceTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-23T08:00:00Z");
    private static final String ROLE = "data-processor-role";
    private static final String DENIAL = "An error occurred (AccessDenied) when calling the GetObject operation: User:"
            + " arn:aws:sts::123456789012:assumed-role/" + ROLE + "/data-processor is not authorized to perform:"
            + " s3:GetObject on resource: arn:aws:s3:::orders/a.csv because no identity-based policy allows the"
            + " s3:GetObject action";

    private final MovableClock clock = new MovableClock(FAILED_AT.plusSeconds(60));
    private final StubEvidence evidence = new StubEvidence();
    private final InMemoryProjectionStores stores = new InMemoryProjectionStores();
    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private AxonRuntime axon;
    private IncidentInvestigation investigation;
    private LateEvidence late;

    @BeforeEach
    void wire() {
        axon = AxonRuntime.start(engine);
        evidence.role = new RoleState(ROLE, "arn:aws:iam::123456789012:role/" + ROLE, List.of());
        evidence.simulation = new Simulation("s3:GetObject", "arn:aws:s3:::orders/a.csv", "implicitDeny", List.of());
        evidence.changes = List.of();
        Diagnoser diagnoser = evidence.diagnoser(clock);
        Projections projections = new Projections(
                engine,
                stores,
                stores,
                Duration.ofSeconds(30),
                new ContextFitter(new TextLengthCounter(), List.of(), new TokenBudget(3000)));
        Recurrences recurrences = new Recurrences(
                axon,
                new InMemoryEpisodes(),
                projections,
                new EpisodeWindow(Duration.ofMinutes(15)),
                Duration.ofSeconds(1),
                clock);
        investigation = new IncidentInvestigation(
                axon,
                new AuditHistory(engine),
                new ContextGatherer(
                        CollectorRegistry.builder().build(),
                        new TextLengthCounter(),
                        clock,
                        Duration.ofSeconds(1),
                        Duration.ZERO),
                diagnoser,
                projections,
                recurrences,
                Set.of("data-processor"),
                FailureClassifier.UNKNOWN_IS_RETRYABLE,
                clock,
                Duration.ofSeconds(30));
        late = new LateEvidence(stores, new AuditHistory(engine), diagnoser, axon, projections, recurrences, clock);
    }

    @AfterEach
    void stop() {
        axon.close();
    }

    @Test
    void aChangeDeliveredLateIsFoundByTheRecheckAndReplacesThePendingVerdict() throws Exception {
        IncidentId id = investigate("data-processor");
        assertThat(diagnosisOf(id).path("changeEvidence").asText()).isEqualTo("PENDING");
        assertThat(stores.evidencePending()).containsExactly(id);
        assertThat(stores.find(id).orElseThrow().evidencePendingUntil())
                .isEqualTo(FAILED_AT.plus(Duration.ofMinutes(15)));

        clock.advance(Duration.ofMinutes(5));
        assertThat(late.recheck("schedule-1", deadline()).rechecked())
                .as("nothing delivered yet")
                .containsExactly(id.value());
        assertThat(stores.evidencePending()).containsExactly(id);

        evidence.changes =
                List.of(replaced(FAILED_AT.minusSeconds(86_000), true), replaced(FAILED_AT.minusSeconds(240), false));
        clock.advance(Duration.ofMinutes(3));
        RecheckChangeEvidence.Report report = late.recheck("schedule-2", deadline());

        assertThat(report.found()).containsExactly(id.value());
        assertThat(stores.evidencePending()).isEmpty();
        JsonNode diagnosis = diagnosisOf(id);
        assertThat(diagnosis.path("changeEvidence").asText()).isEqualTo("FOUND");
        assertThat(diagnosis.at("/suspectedChange/eventId").asText()).isEqualTo("e-new");
        assertThat(new AuditHistory(engine).history(id))
                .extracting(AuditEntry::type)
                .endsWith("IncidentDiagnosed", "ContextGathered", "IncidentDiagnosed");
        assertThat(late.recheck("schedule-3", deadline()).rechecked())
                .as("settled: never rechecked again")
                .isEmpty();
    }

    @Test
    void noChangeOnceTheDeliveryDelayHasPassedIsRecordedAsNotFound() throws Exception {
        IncidentId id = investigate("data-processor");
        clock.advance(Duration.ofMinutes(20));

        RecheckChangeEvidence.Report report = late.recheck("schedule-1", deadline());

        assertThat(report.notFound()).containsExactly(id.value());
        assertThat(diagnosisOf(id).path("changeEvidence").asText()).isEqualTo(ChangeEvidence.NOT_FOUND.name());
        assertThat(stores.evidencePending()).isEmpty();
    }

    private IncidentId investigate(String function) {
        IncidentAlert alert = IncidentAlert.of("S3AccessError", DENIAL, "AccessDenied", function, FAILED_AT.toString());
        investigation.handle(alert, new Delivery("msg-1", "request-1", deadline()));
        return alert.incidentId();
    }

    private Instant deadline() {
        return clock.instant().plusSeconds(60);
    }

    private JsonNode diagnosisOf(IncidentId id) throws Exception {
        return Json.mapper()
                .readTree(stores.find(id, clock.instant()).orElseThrow().contextJson())
                .path("diagnosis");
    }

    private static Change replaced(Instant at, boolean withRead) {
        PolicyStatement read =
                new PolicyStatement("ReadOrders", true, List.of("s3:GetObject"), List.of("*"), false, "{}");
        PolicyStatement write =
                new PolicyStatement("WriteResults", true, List.of("dynamodb:PutItem"), List.of("*"), false, "{}");
        Policy document =
                new Policy(Policy.Kind.INLINE, "results-write", withRead ? List.of(read, write) : List.of(write), "{}");
        return new Change(
                withRead ? "e-old" : "e-new",
                "PutRolePolicy",
                at,
                "arn:aws:iam::123456789012:user/ops",
                "IAMUser",
                ROLE,
                "results-write",
                document);
    }
}
