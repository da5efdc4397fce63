package io.incidentsupervisor.application;

import static io.incidentsupervisor.domain.model.SampleIncidents.ALERT;
import static io.incidentsupervisor.domain.model.SampleIncidents.ID;
import static io.incidentsupervisor.domain.model.SampleIncidents.LEASE;
import static io.incidentsupervisor.domain.model.SampleIncidents.T0;
import static io.incidentsupervisor.domain.model.SampleIncidents.context;
import static io.incidentsupervisor.domain.model.SampleIncidents.failed;
import static io.incidentsupervisor.domain.model.SampleIncidents.gathered;
import static io.incidentsupervisor.domain.model.SampleIncidents.received;
import static io.incidentsupervisor.domain.model.SampleIncidents.started;

import io.incidentsupervisor.domain.model.CollectorFinished;
import io.incidentsupervisor.domain.model.ContextGathered;
import io.incidentsupervisor.domain.model.FailInvestigation;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentRefusal.AwaitingFirstAttempt;
import io.incidentsupervisor.domain.model.IncidentRefusal.IncidentClosed;
import io.incidentsupervisor.domain.model.IncidentRefusal.InvestigationInProgress;
import io.incidentsupervisor.domain.model.IncidentRefusal.NotInvestigating;
import io.incidentsupervisor.domain.model.IncidentRefusal.RetryNotAllowed;
import io.incidentsupervisor.domain.model.IncidentRefusal.StaleAttempt;
import io.incidentsupervisor.domain.model.InvestigationFailed;
import io.incidentsupervisor.domain.model.InvestigationRetried;
import io.incidentsupervisor.domain.model.InvestigationStarted;
import io.incidentsupervisor.domain.model.ReceiveIncident;
import io.incidentsupervisor.domain.model.RecordCollectorOutcome;
import io.incidentsupervisor.domain.model.RecordContext;
import io.incidentsupervisor.domain.model.RecoverInvestigation;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentAggregateFixtureTest {

    private static final Instant LEASE_END = T0.plus(LEASE);

    private FixtureConfiguration<IncidentAggregate> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(IncidentAggregate.class)
                .registerCommandTargetResolver(AxonRuntime.INCIDENT_TARGET);
    }

    @Test
    void aNewAlertIsReceivedAndItsFirstAttemptStarted() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveIncident(ALERT, T0, LEASE_END))
                .expectEvents(received(), started(1, T0))
                .expectResultMessagePayload(List.of(received(), started(1, T0)));
    }

    @Test
    void aDuplicateDeliveryAppliesNoEventAndSaysSo() {
        fixture.given(received())
                .when(new ReceiveIncident(ALERT, T0.plusSeconds(30), LEASE_END))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(List.of());
    }

    @Test
    void aDuplicateDeliveryOfAClosedIncidentAppliesNoEvent() {
        fixture.given(received(), started(1, T0), gathered(1, T0))
                .when(new ReceiveIncident(ALERT, T0.plusSeconds(30), LEASE_END))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recoveringAnUnknownIncidentIsRefused() {
        // Through Axon the repository answers first: an incident without events is not found. The core's own
        // UnknownIncident refusal is covered by the domain tests.
        fixture.givenNoPriorActivity()
                .when(new RecoverInvestigation(ID, T0, LEASE_END, LEASE))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aHeartbeatRenewsTheLease() {
        Instant now = T0.plusSeconds(60);
        fixture.given(received(), started(1, T0))
                .when(new RecordCollectorOutcome(ID, 1, "iam-role", true, now, now.plus(LEASE)))
                .expectEvents(new CollectorFinished(ID, 1, "iam-role", true, now, now.plus(LEASE)));
    }

    @Test
    void aHeartbeatOutsideAnInvestigationIsRefused() {
        fixture.given(received())
                .when(new RecordCollectorOutcome(ID, 1, "iam-role", true, T0, LEASE_END))
                .expectException(NotInvestigating.class);
    }

    @Test
    void theRunningAttemptRecordsTheContext() {
        fixture.given(received(), started(1, T0))
                .when(new RecordContext(ID, 1, context(T0), T0))
                .expectEvents(new ContextGathered(ID, 1, context(T0), T0));
    }

    @Test
    void contextIsRefusedUnlessInvestigating() {
        fixture.given(received())
                .when(new RecordContext(ID, 1, context(T0), T0))
                .expectException(NotInvestigating.class);
        createFixture();
        fixture.given(received(), started(1, T0), gathered(1, T0))
                .when(new RecordContext(ID, 1, context(T0), T0))
                .expectException(IncidentClosed.class);
    }

    @Test
    void aSupersededAttemptCannotRecordContext() {
        fixture.given(received(), started(1, T0), failed(1, true, T0), started(2, T0))
                .when(new RecordContext(ID, 1, context(T0), T0))
                .expectException(StaleAttempt.class);
    }

    @Test
    void theRunningAttemptFails() {
        FailureReason reason = new FailureReason("Throttled", "Rate exceeded", true);
        fixture.given(received(), started(1, T0))
                .when(new FailInvestigation(ID, 1, reason, T0))
                .expectEvents(new InvestigationFailed(ID, 1, reason, T0));
    }

    @Test
    void failingIsRefusedUnlessInvestigating() {
        fixture.given(received())
                .when(new FailInvestigation(ID, 1, new FailureReason("Throttled", "Rate exceeded", true), T0))
                .expectException(NotInvestigating.class);
    }

    @Test
    void attemptTwoStartsOnlyAfterTheLeasePassed() {
        fixture.given(received(), started(1, T0))
                .when(new RecoverInvestigation(ID, LEASE_END.minusMillis(1), LEASE_END.plus(LEASE), LEASE))
                .expectException(InvestigationInProgress.class)
                .expectNoEvents();
        createFixture();
        fixture.given(received(), started(1, T0))
                .when(new RecoverInvestigation(ID, LEASE_END, LEASE_END.plus(LEASE), LEASE))
                .expectEvents(
                        new InvestigationRetried(ID, 1, "lease of attempt 1 passed at " + LEASE_END, LEASE_END),
                        new InvestigationStarted(ID, 2, LEASE_END, LEASE_END.plus(LEASE)));
    }

    @Test
    void aRetryableFailureIsRetried() {
        fixture.given(received(), started(1, T0), failed(1, true, T0))
                .when(new RecoverInvestigation(ID, T0, LEASE_END, LEASE))
                .expectEvents(
                        new InvestigationRetried(ID, 1, "attempt 1 failed with the retryable Throttled", T0),
                        new InvestigationStarted(ID, 2, T0, LEASE_END));
    }

    @Test
    void retriesAreRefusedWithoutAPassedLeaseOrRetryableFailure() {
        fixture.given(received(), started(1, T0), failed(1, false, T0))
                .when(new RecoverInvestigation(ID, T0, LEASE_END, LEASE))
                .expectException(RetryNotAllowed.class);
        createFixture();
        fixture.given(received())
                .when(new RecoverInvestigation(ID, T0, LEASE_END, LEASE))
                .expectException(AwaitingFirstAttempt.class);
        createFixture();
        fixture.given(received(), started(1, T0), gathered(1, T0))
                .when(new RecoverInvestigation(ID, LEASE_END, LEASE_END.plus(LEASE), LEASE))
                .expectException(IncidentClosed.class);
    }
}
