package io.incidentsupervisor.domain.model;

import static io.incidentsupervisor.domain.model.SampleIncidents.ALERT;
import static io.incidentsupervisor.domain.model.SampleIncidents.ID;
import static io.incidentsupervisor.domain.model.SampleIncidents.LEASE;
import static io.incidentsupervisor.domain.model.SampleIncidents.T0;
import static io.incidentsupervisor.domain.model.SampleIncidents.context;
import static io.incidentsupervisor.domain.model.SampleIncidents.failed;
import static io.incidentsupervisor.domain.model.SampleIncidents.gathered;
import static io.incidentsupervisor.domain.model.SampleIncidents.received;
import static io.incidentsupervisor.domain.model.SampleIncidents.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.IncidentRefusal.AwaitingFirstAttempt;
import io.incidentsupervisor.domain.model.IncidentRefusal.IncidentClosed;
import io.incidentsupervisor.domain.model.IncidentRefusal.InvestigationInProgress;
import io.incidentsupervisor.domain.model.IncidentRefusal.NotInvestigating;
import io.incidentsupervisor.domain.model.IncidentRefusal.RetryNotAllowed;
import io.incidentsupervisor.domain.model.IncidentRefusal.StaleAttempt;
import io.incidentsupervisor.domain.model.IncidentRefusal.UnknownIncident;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IncidentTest {

    private static final Instant LEASE_END = T0.plus(LEASE);
    private static final Instant JUST_BEFORE_LEASE_END = LEASE_END.minusMillis(1);

    private static Incident given(IncidentEvent... history) {
        return Incident.replay(List.of(history));
    }

    @Nested
    class ReceiveIncidentCommand {

        @Test
        void aNewAlertIsReceivedAndItsFirstAttemptStartsInTheSameDecision() {
            assertThat(given().decide(new ReceiveIncident(ALERT, T0, LEASE_END)))
                    .containsExactly(received(), started(1, T0));
            Incident investigating = given(received(), started(1, T0));
            assertThat(investigating.status()).isEqualTo(IncidentStatus.INVESTIGATING);
            assertThat(investigating.attempt()).isEqualTo(1);
            assertThat(investigating.leaseUntil()).isEqualTo(LEASE_END);
        }

        @Test
        void aRepeatedAlertDecidesNoEvents() {
            assertThat(given(received())
                            .decide(new ReceiveIncident(ALERT, T0.plusSeconds(30), LEASE_END.plusSeconds(30))))
                    .isEmpty();
        }

        @Test
        void aRepeatedAlertWhileInvestigatingDecidesNoEvents() {
            assertThat(given(received(), started(1, T0))
                            .decide(new ReceiveIncident(ALERT, T0.plusSeconds(30), LEASE_END.plusSeconds(30))))
                    .isEmpty();
        }

        @Test
        void aRepeatedAlertAfterTheIncidentClosedDecidesNoEvents() {
            assertThat(given(received(), started(1, T0), gathered(1, T0.plusSeconds(5)))
                            .decide(new ReceiveIncident(ALERT, T0.plusSeconds(60), LEASE_END.plusSeconds(60))))
                    .isEmpty();
        }

        @Test
        void receivingOpensTheIncident() {
            Incident incident = given(received());
            assertThat(incident.id()).isEqualTo(ID);
            assertThat(incident.status()).isEqualTo(IncidentStatus.RECEIVED);
            assertThat(incident.alert()).isEqualTo(ALERT);
            assertThat(incident.status().isOpen()).isTrue();
        }
    }

    @Nested
    class RecordCollectorOutcomeCommand {

        @Test
        void aHeartbeatRecordsTheCollectorAndRenewsTheLease() {
            Instant now = T0.plusSeconds(240);
            RecordCollectorOutcome heartbeat =
                    new RecordCollectorOutcome(ID, 1, "cloudwatch-logs", false, now, now.plus(LEASE));

            List<IncidentEvent> events = given(received(), started(1, T0)).decide(heartbeat);

            assertThat(events)
                    .containsExactly(new CollectorFinished(ID, 1, "cloudwatch-logs", false, now, now.plus(LEASE)));
            Incident renewed = given(received(), started(1, T0), events.get(0));
            assertThat(renewed.leaseUntil()).isEqualTo(now.plus(LEASE));
            assertThat(renewed.isStale(LEASE_END, LEASE))
                    .as("the first lease end no longer makes it stale")
                    .isFalse();
            assertThat(renewed.isStale(now.plus(LEASE), LEASE)).isTrue();
        }

        @Test
        void aHeartbeatOutsideAnInvestigationIsRefused() {
            RecordCollectorOutcome heartbeat = new RecordCollectorOutcome(ID, 1, "iam-role", true, T0, LEASE_END);
            assertThatThrownBy(() -> given(received()).decide(heartbeat))
                    .isInstanceOf(NotInvestigating.class)
                    .hasMessageContaining("RECEIVED");
            assertThatThrownBy(() -> given(received(), started(1, T0), failed(1, true, T0))
                            .decide(heartbeat))
                    .isInstanceOf(NotInvestigating.class);
            assertThatThrownBy(() ->
                            given(received(), started(1, T0), gathered(1, T0)).decide(heartbeat))
                    .isInstanceOf(IncidentClosed.class);
            assertThatThrownBy(() -> given().decide(heartbeat)).isInstanceOf(UnknownIncident.class);
        }

        @Test
        void aHeartbeatFromASupersededAttemptIsRefused() {
            Incident retried = given(received(), started(1, T0), failed(1, true, T0), started(2, T0));
            assertThatThrownBy(() -> retried.decide(new RecordCollectorOutcome(ID, 1, "iam-role", true, T0, LEASE_END)))
                    .isInstanceOf(StaleAttempt.class)
                    .hasMessageContaining("attempt 1 was superseded by attempt 2");
        }
    }

    @Nested
    class RecordContextCommand {

        @Test
        void theRunningAttemptClosesTheIncidentWithItsContext() {
            Instant now = T0.plusSeconds(3);
            List<IncidentEvent> events =
                    given(received(), started(1, T0)).decide(new RecordContext(ID, 1, context(now), now));

            assertThat(events).containsExactly(new ContextGathered(ID, 1, context(now), now));
            Incident closed = given(received(), started(1, T0), events.get(0));
            assertThat(closed.status()).isEqualTo(IncidentStatus.CONTEXT_GATHERED);
            assertThat(closed.status().isOpen()).isFalse();
            assertThat(closed.isStale(LEASE_END.plus(LEASE), LEASE)).isFalse();
        }

        @Test
        void aSlowAttemptWhoseLeasePassedMayStillFinishWhileNobodyRetriedIt() {
            assertThat(given(received(), started(1, T0))
                            .decide(new RecordContext(ID, 1, context(LEASE_END), LEASE_END)))
                    .containsExactly(new ContextGathered(ID, 1, context(LEASE_END), LEASE_END));
        }

        @Test
        void contextIsRefusedUnlessInvestigating() {
            RecordContext record = new RecordContext(ID, 1, context(T0), T0);
            assertThatThrownBy(() -> given(received()).decide(record)).isInstanceOf(NotInvestigating.class);
            assertThatThrownBy(() -> given(received(), started(1, T0), failed(1, false, T0))
                            .decide(record))
                    .isInstanceOf(NotInvestigating.class);
            assertThatThrownBy(() ->
                            given(received(), started(1, T0), gathered(1, T0)).decide(record))
                    .isInstanceOf(IncidentClosed.class);
            assertThatThrownBy(() -> given().decide(record)).isInstanceOf(UnknownIncident.class);
        }

        @Test
        void contextFromASupersededAttemptIsRefused() {
            Incident retried = given(
                    received(),
                    started(1, T0),
                    new InvestigationRetried(ID, 1, "lease passed", LEASE_END),
                    started(2, LEASE_END));
            assertThatThrownBy(() -> retried.decide(new RecordContext(ID, 1, context(LEASE_END), LEASE_END)))
                    .isInstanceOf(StaleAttempt.class);
            assertThat(retried.decide(new RecordContext(ID, 2, context(LEASE_END), LEASE_END)))
                    .hasSize(1);
        }
    }

    @Nested
    class RecordDiagnosisCommand {

        private Diagnosis diagnosis(Diagnosis.ChangeEvidence evidence) {
            return new Diagnosis(List.of(), "", List.of(), null, "", "", evidence, null, List.of());
        }

        @Test
        void theRunningAttemptRecordsItsVerdictAndTheIncidentKeepsIt() {
            Diagnosis pending = diagnosis(Diagnosis.ChangeEvidence.PENDING);
            List<IncidentEvent> events =
                    given(received(), started(1, T0)).decide(new RecordDiagnosis(ID, 1, pending, T0));

            assertThat(events).containsExactly(new IncidentDiagnosed(ID, 1, pending, T0));
            Incident diagnosed = given(received(), started(1, T0), events.get(0));
            assertThat(diagnosed.diagnosis()).isEqualTo(pending);
            assertThat(diagnosed.status()).isEqualTo(IncidentStatus.INVESTIGATING);
            assertThat(diagnosed.leaseUntil()).isEqualTo(LEASE_END);
        }

        @Test
        void theVerdictIsRecordedFirstInTheCommitThatClosesTheIncident() {
            Diagnosis found = diagnosis(Diagnosis.ChangeEvidence.FOUND);
            assertThat(given(received(), started(1, T0)).decide(new RecordContext(ID, 1, context(T0), found, T0)))
                    .containsExactly(
                            new IncidentDiagnosed(ID, 1, found, T0), new ContextGathered(ID, 1, context(T0), T0));
        }

        @Test
        void aClosedIncidentTakesALaterVerdictOnlyWhileItsChangeEvidenceIsPending() {
            Diagnosis found = diagnosis(Diagnosis.ChangeEvidence.FOUND);
            Incident pending = given(
                    received(),
                    started(1, T0),
                    new IncidentDiagnosed(ID, 1, diagnosis(Diagnosis.ChangeEvidence.PENDING), T0),
                    gathered(1, T0));
            assertThat(pending.decide(new RecordDiagnosis(ID, 1, found, LEASE_END)))
                    .containsExactly(new IncidentDiagnosed(ID, 1, found, LEASE_END));

            Incident settled =
                    given(received(), started(1, T0), new IncidentDiagnosed(ID, 1, found, T0), gathered(1, T0));
            assertThatThrownBy(() -> settled.decide(new RecordDiagnosis(ID, 1, found, LEASE_END)))
                    .isInstanceOf(IncidentClosed.class);
            assertThatThrownBy(() -> given(received()).decide(new RecordDiagnosis(ID, 1, found, T0)))
                    .isInstanceOf(NotInvestigating.class);
        }
    }

    @Nested
    class FailInvestigationCommand {

        @Test
        void theRunningAttemptFailsWithAStructuredReason() {
            FailureReason reason = new FailureReason("Throttled", "x".repeat(900), true);
            List<IncidentEvent> events =
                    given(received(), started(1, T0)).decide(new FailInvestigation(ID, 1, reason, T0));

            assertThat(events).containsExactly(new InvestigationFailed(ID, 1, reason, T0));
            assertThat(reason.message()).hasSize(FailureReason.MAX_MESSAGE_LENGTH);
            Incident failed = given(received(), started(1, T0), events.get(0));
            assertThat(failed.status()).isEqualTo(IncidentStatus.FAILED);
            assertThat(failed.failure()).isEqualTo(reason);
            assertThat(failed.status().isOpen()).isFalse();
        }

        @Test
        void failingIsRefusedUnlessInvestigating() {
            FailInvestigation fail =
                    new FailInvestigation(ID, 1, new FailureReason("Throttled", "slow down", true), T0);
            assertThatThrownBy(() -> given(received()).decide(fail)).isInstanceOf(NotInvestigating.class);
            assertThatThrownBy(() -> given(received(), started(1, T0), failed(1, true, T0))
                            .decide(fail))
                    .isInstanceOf(NotInvestigating.class);
            assertThatThrownBy(() ->
                            given(received(), started(1, T0), gathered(1, T0)).decide(fail))
                    .isInstanceOf(IncidentClosed.class);
            assertThatThrownBy(() -> given(received(), started(1, T0), failed(1, true, T0), started(2, T0))
                            .decide(fail))
                    .isInstanceOf(StaleAttempt.class);
        }
    }

    @Nested
    class RecoverInvestigationCommand {

        @Test
        void attemptTwoStartsOnlyOnceTheLeaseHasPassed() {
            Incident investigating = given(received(), started(1, T0));

            assertThatThrownBy(() -> investigating.decide(
                            new RecoverInvestigation(ID, JUST_BEFORE_LEASE_END, LEASE_END.plus(LEASE), LEASE)))
                    .isInstanceOf(InvestigationInProgress.class);
            assertThat(investigating.isStale(JUST_BEFORE_LEASE_END, LEASE)).isFalse();

            assertThat(investigating.isStale(LEASE_END, LEASE)).isTrue();
            assertThat(investigating.decide(new RecoverInvestigation(ID, LEASE_END, LEASE_END.plus(LEASE), LEASE)))
                    .containsExactly(
                            new InvestigationRetried(ID, 1, "lease of attempt 1 passed at " + LEASE_END, LEASE_END),
                            new InvestigationStarted(ID, 2, LEASE_END, LEASE_END.plus(LEASE)));
        }

        @Test
        void aRenewedLeaseDefersTheRetry() {
            Instant heartbeatAt = T0.plusSeconds(200);
            Instant renewedEnd = heartbeatAt.plus(LEASE);
            Incident renewed = given(
                    received(),
                    started(1, T0),
                    new CollectorFinished(ID, 1, "iam-role", true, heartbeatAt, renewedEnd));

            assertThatThrownBy(
                            () -> renewed.decide(new RecoverInvestigation(ID, LEASE_END, LEASE_END.plus(LEASE), LEASE)))
                    .isInstanceOf(InvestigationInProgress.class);
            assertThat(renewed.decide(new RecoverInvestigation(ID, renewedEnd, renewedEnd.plus(LEASE), LEASE)))
                    .hasSize(2);
        }

        @Test
        void aRetryableFailureIsRetriedAtOnce() {
            Instant now = T0.plusSeconds(10);
            List<IncidentEvent> events = given(received(), started(1, T0), failed(1, true, T0))
                    .decide(new RecoverInvestigation(ID, now, now.plus(LEASE), LEASE));

            assertThat(events)
                    .containsExactly(
                            new InvestigationRetried(ID, 1, "attempt 1 failed with the retryable Throttled", now),
                            new InvestigationStarted(ID, 2, now, now.plus(LEASE)));
            Incident retried = Incident.replay(
                    List.of(received(), started(1, T0), failed(1, true, T0), events.get(0), events.get(1)));
            assertThat(retried.status()).isEqualTo(IncidentStatus.INVESTIGATING);
            assertThat(retried.attempt()).isEqualTo(2);
            assertThat(retried.failure()).isNull();
        }

        @Test
        void aNonRetryableFailureIsNotRetried() {
            assertThatThrownBy(() -> given(received(), started(1, T0), failed(1, false, T0))
                            .decide(new RecoverInvestigation(ID, T0, LEASE_END, LEASE)))
                    .isInstanceOf(RetryNotAllowed.class)
                    .hasMessageContaining("non-retryable ValidationError (boom)");
        }

        @Test
        void anIncidentNeverStartedGetsItsFirstAttemptOnceTheFloorHasPassedSinceItWasReceived() {
            assertThatThrownBy(() -> given(received())
                            .decide(new RecoverInvestigation(ID, JUST_BEFORE_LEASE_END, LEASE_END.plus(LEASE), LEASE)))
                    .isInstanceOf(AwaitingFirstAttempt.class)
                    .hasMessageContaining("may still start until " + LEASE_END);
            assertThat(given(received()).decide(new RecoverInvestigation(ID, LEASE_END, LEASE_END.plus(LEASE), LEASE)))
                    .containsExactly(new InvestigationStarted(ID, 1, LEASE_END, LEASE_END.plus(LEASE)));
        }

        @Test
        void aClosedOrUnknownIncidentIsNotRetried() {
            RecoverInvestigation retry = new RecoverInvestigation(ID, LEASE_END, LEASE_END.plus(LEASE), LEASE);
            assertThatThrownBy(() ->
                            given(received(), started(1, T0), gathered(1, T0)).decide(retry))
                    .isInstanceOf(IncidentClosed.class);
            assertThatThrownBy(() -> given().decide(retry)).isInstanceOf(UnknownIncident.class);
        }
    }

    @Test
    void onlyAnOpenIncidentCanBeStale() {
        Instant muchLater = LEASE_END.plus(LEASE).plus(LEASE);
        assertThat(given(received()).staleAt(LEASE)).contains(T0.plus(LEASE));
        assertThat(given(received()).isStale(muchLater, LEASE)).isTrue();
        assertThat(given(received(), started(1, T0)).isStale(muchLater, LEASE)).isTrue();
        assertThat(given(received(), started(1, T0), failed(1, true, T0)).isStale(muchLater, LEASE))
                .isFalse();
        assertThat(given(received(), started(1, T0), gathered(1, T0)).staleAt(LEASE))
                .isEmpty();
    }

    @Test
    void theLeaseRunsToTheDeadlineAndNeverLessThanTheFloor() {
        assertThat(Incident.leaseUntil(T0, T0.plusSeconds(60), Duration.ofSeconds(30)))
                .isEqualTo(T0.plusSeconds(60));
        assertThat(Incident.leaseUntil(T0, T0.plusSeconds(10), Duration.ofSeconds(30)))
                .isEqualTo(T0.plusSeconds(30));
    }
}
