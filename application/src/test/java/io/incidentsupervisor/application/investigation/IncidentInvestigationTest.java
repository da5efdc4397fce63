package io.incidentsupervisor.application.investigation;

import static io.incidentsupervisor.domain.model.SampleIncidents.ALERT;
import static io.incidentsupervisor.domain.model.SampleIncidents.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.MovableClock;
import io.incidentsupervisor.application.context.CollectorRegistry;
import io.incidentsupervisor.application.context.ContextFitter;
import io.incidentsupervisor.application.context.ContextGatherer;
import io.incidentsupervisor.application.context.StubCollector;
import io.incidentsupervisor.application.context.TextLengthCounter;
import io.incidentsupervisor.application.diagnosis.StubEvidence;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.in.Outcome.Duplicate;
import io.incidentsupervisor.application.port.in.Outcome.Investigated;
import io.incidentsupervisor.application.port.in.Outcome.Refused;
import io.incidentsupervisor.application.port.out.FailureClassifier;
import io.incidentsupervisor.application.port.out.InMemoryEpisodes;
import io.incidentsupervisor.application.port.out.TokenCounter;
import io.incidentsupervisor.application.projection.InMemoryProjectionStores;
import io.incidentsupervisor.application.projection.Projections;
import io.incidentsupervisor.domain.budget.TokenBudget;
import io.incidentsupervisor.domain.model.CollectorError;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.EpisodeWindow;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.domain.model.IncidentRefusal.AwaitingFirstAttempt;
import io.incidentsupervisor.domain.model.IncidentRefusal.InvestigationInProgress;
import io.incidentsupervisor.domain.model.IncidentRefusal.RetryNotAllowed;
import io.incidentsupervisor.domain.model.IncidentRefusal.UnknownIncident;
import io.incidentsupervisor.domain.model.IncidentStatus;
import io.incidentsupervisor.domain.model.InvestigationFailed;
import io.incidentsupervisor.domain.model.ReceiveIncident;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IncidentInvestigationTest {

    private static final Duration LEASE_FLOOR = Duration.ofSeconds(30);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T08:00:02Z"));
    private final List<String> collectorsCalled =
            new CopyOnWriteArrayList<>(); // collectors run on threads of their own
    private final CollectorRegistry registry = CollectorRegistry.builder()
            .everyErrorType(collector("lambda-configuration"))
            .errorType("S3AccessError", collector("cloudwatch-logs"), new StubCollector("iam-role", alert -> {
                collectorsCalled.add("iam-role");
                clock.advance(Duration.ofMillis(250));
                return CollectorResult.failed(
                        "iam-role",
                        new CollectorError("AccessDenied", "AccessDenied", "denied", "iam:ListAttachedRolePolicies"));
            }))
            .build();
    private final InMemoryProjectionStores stores = new InMemoryProjectionStores();
    private final InMemoryEpisodes episodes = new InMemoryEpisodes();
    private AxonRuntime axon;
    private InMemoryEventStorageEngine engine;

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.close();
        }
    }

    @Test
    void investigatesAnAlertAndEveryEventCarriesItsDelivery() {
        IncidentInvestigation investigation =
                investigation(new InMemoryEventStorageEngine(), new TextLengthCounter(), Set.of("data-processor"));

        Outcome outcome = investigation.handle(ALERT, delivery("msg-1", 60));

        assertThat(outcome).isInstanceOf(Investigated.class);
        assertThat(((Investigated) outcome).context().results())
                .extracting(CollectorResult::source)
                .containsExactly("lambda-configuration", "cloudwatch-logs", "iam-role");
        assertThat(((Investigated) outcome).context().results().get(2).error().missingPermission())
                .isEqualTo("iam:ListAttachedRolePolicies");
        Map<String, Duration> latency = ((Investigated) outcome).collectorLatency();
        assertThat(latency.keySet()).containsExactly("lambda-configuration", "cloudwatch-logs", "iam-role");
        assertThat(latency.get("iam-role")).isEqualTo(Duration.ofMillis(250));
        // The collectors run at once on the one clock: the others may read it before or after iam-role moves it.
        assertThat(latency.values())
                .allSatisfy(took -> assertThat(took).isBetween(Duration.ZERO, Duration.ofMillis(250)));
        List<AuditEntry> history = new AuditHistory(engine).history(ID);
        assertThat(history)
                .extracting(AuditEntry::type)
                .containsExactly(
                        "IncidentReceived",
                        "InvestigationStarted",
                        "CollectorFinished",
                        "CollectorFinished",
                        "CollectorFinished",
                        "ContextGathered");
        assertThat(history).extracting(AuditEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(history)
                .allSatisfy(entry -> assertThat(entry.metadata())
                        .containsEntry("snsMessageId", "msg-1")
                        .containsEntry("requestId", "request-msg-1"));
        assertThat(stores.find(ID)).hasValueSatisfying(row -> {
            assertThat(row.status()).isEqualTo(IncidentStatus.CONTEXT_GATHERED);
            assertThat(row.lastSequence()).isEqualTo(5);
            assertThat(row.staleAt())
                    .as("closed incidents leave the open index")
                    .isNull();
        });
        assertThat(stores.find(ID, clock.instant()))
                .hasValueSatisfying(row -> assertThat(row.contextJson()).contains("\"iam:ListAttachedRolePolicies\""));
    }

    @Test
    void collectorsThatHaveEndedTogetherAreRecordedInOneCommit() {
        // The first collector in order ends after the other two, so all three have ended when its heartbeat is due.
        CountDownLatch othersEnded = new CountDownLatch(2);
        CollectorRegistry lastToEndFirstInOrder = CollectorRegistry.builder()
                .everyErrorType(new StubCollector("lambda-configuration", alert -> {
                    try {
                        othersEnded.await(5, TimeUnit.SECONDS);
                        Thread.sleep(100); // for the other two threads to return what they counted down before
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return CollectorResult.gathered("lambda-configuration", Map.of());
                }))
                .errorType("S3AccessError", endingAt(othersEnded, "cloudwatch-logs"), endingAt(othersEnded, "iam-role"))
                .build();
        List<List<String>> commits = new CopyOnWriteArrayList<>();
        InMemoryEventStorageEngine recordsCommits = new InMemoryEventStorageEngine() {
            @Override
            public void appendEvents(List<? extends EventMessage<?>> events) {
                commits.add(events.stream()
                        .map(event -> event.getPayloadType().getSimpleName())
                        .toList());
                super.appendEvents(events);
            }
        };

        Outcome outcome = investigation(recordsCommits, lastToEndFirstInOrder, Set.of("data-processor"))
                .handle(ALERT, delivery("msg-1", 60));

        assertThat(outcome).isInstanceOf(Investigated.class);
        assertThat(commits)
                .containsExactly(
                        List.of("IncidentReceived", "InvestigationStarted"),
                        List.of("CollectorFinished", "CollectorFinished", "CollectorFinished"),
                        List.of("ContextGathered"));
        assertThat(new AuditHistory(engine).history(ID))
                .extracting(AuditEntry::sequence)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        IncidentInvestigation investigation =
                investigation(new InMemoryEventStorageEngine(), new TextLengthCounter(), Set.of("data-processor"));
        investigation.handle(ALERT, delivery("msg-1", 60));
        collectorsCalled.clear();

        assertThat(investigation.handle(ALERT, delivery("msg-1-again", 60))).isEqualTo(new Duplicate(ID));
        assertThat(new AuditHistory(engine).history(ID)).hasSize(6);
        assertThat(collectorsCalled).isEmpty();
    }

    @Test
    void aFunctionOutsideTheAllowlistIsRefusedWithoutAnyCollectorAndTheReasonIsRecorded() {
        IncidentInvestigation investigation =
                investigation(new InMemoryEventStorageEngine(), new TextLengthCounter(), Set.of("billing"));

        Outcome outcome = investigation.handle(ALERT, delivery("msg-1", 60));

        assertThat(outcome).isInstanceOf(Refused.class);
        assertThat(collectorsCalled).isEmpty();
        List<AuditEntry> history = new AuditHistory(engine).history(ID);
        assertThat(history)
                .extracting(AuditEntry::type)
                .containsExactly("IncidentReceived", "InvestigationStarted", "InvestigationFailed");
        InvestigationFailed failed = (InvestigationFailed) history.get(2).event();
        assertThat(failed.reason().type()).isEqualTo("NotSupervised");
        assertThat(failed.reason().retryable()).isFalse();
    }

    @Test
    void aFailureIsRecordedAndTheOriginalIsRethrown() {
        IllegalStateException broken = new IllegalStateException("tokenizer broke");
        IncidentInvestigation investigation =
                investigation(new InMemoryEventStorageEngine(), failingCounter(broken), Set.of("data-processor"));

        assertThatThrownBy(() -> investigation.handle(ALERT, delivery("msg-1", 60)))
                .isSameAs(broken);

        List<AuditEntry> history = new AuditHistory(engine).history(ID);
        assertThat(history).last().satisfies(entry -> {
            InvestigationFailed failed = (InvestigationFailed) entry.event();
            assertThat(failed.reason().type()).isEqualTo("IllegalStateException");
            assertThat(failed.reason().message()).isEqualTo("tokenizer broke");
            assertThat(failed.reason().retryable()).isTrue();
        });
    }

    @Test
    void whenRecordingTheFailureFailsTooTheOriginalIsThrownWithTheWriteFailureSuppressed() {
        IllegalStateException broken = new IllegalStateException("tokenizer broke");
        InMemoryEventStorageEngine refusesFailures = new InMemoryEventStorageEngine() {
            @Override
            public void appendEvents(List<? extends EventMessage<?>> events) {
                if (events.stream().anyMatch(e -> e.getPayload() instanceof InvestigationFailed)) {
                    throw new EventStoreException("DynamoDB unavailable");
                }
                super.appendEvents(events);
            }
        };
        IncidentInvestigation investigation =
                investigation(refusesFailures, failingCounter(broken), Set.of("data-processor"));

        assertThatThrownBy(() -> investigation.handle(ALERT, delivery("msg-1", 60)))
                .isSameAs(broken)
                .satisfies(thrown -> assertThat(thrown.getSuppressed())
                        .singleElement()
                        .satisfies(suppressed -> assertThat(suppressed).hasMessageContaining("DynamoDB unavailable")));
    }

    @Test
    void aKilledInvestigationIsLeftAloneWhileItsLeaseLivesAndRecoveredOnceAfterwards() {
        IncidentInvestigation investigation =
                investigation(new InMemoryEventStorageEngine(), new TextLengthCounter(), Set.of("data-processor"));
        Instant deadline = clock.instant().plusSeconds(60);
        // The first invocation received the alert, started, and was killed at its timeout before any collector
        // finished.
        axon.send(new ReceiveIncident(ALERT, clock.instant(), deadline), new Delivery("msg-1", "request-1", deadline));

        clock.advance(Duration.ofSeconds(30));
        assertThat(investigation.handle(ALERT, delivery("msg-1-redelivered", 60)))
                .isEqualTo(new Duplicate(ID));
        assertThat(stores.find(ID)).get().extracting(row -> row.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(stores.staleAt(clock.instant()))
                .as("not stale while the lease lives")
                .isEmpty();
        assertThat(stores.staleAt(deadline)).containsExactly(ID);
        assertThatThrownBy(() -> investigation.recover(ID, delivery("recovery-early", 60)))
                .isInstanceOf(InvestigationInProgress.class);
        assertThat(collectorsCalled).isEmpty();

        clock.advance(Duration.ofSeconds(31));
        Outcome recovered = investigation.recover(ID, delivery("recovery", 60));

        assertThat(recovered).isInstanceOf(Investigated.class);
        assertThat(((Investigated) recovered).attempt()).isEqualTo(2);
        List<AuditEntry> history = new AuditHistory(engine).history(ID);
        assertThat(history)
                .extracting(AuditEntry::type)
                .containsExactly(
                        "IncidentReceived",
                        "InvestigationStarted",
                        "InvestigationRetried",
                        "InvestigationStarted",
                        "CollectorFinished",
                        "CollectorFinished",
                        "CollectorFinished",
                        "ContextGathered");
        assertThat(history).filteredOn(e -> e.type().equals("ContextGathered")).hasSize(1);
        assertThat(history.get(2).metadata()).containsEntry("snsMessageId", "recovery");
        assertThat(stores.staleAt(clock.instant().plusSeconds(3600))).isEmpty();
    }

    @Test
    void anIncidentKilledBeforeItsFirstAttemptIsRecoveredByStartingItOnceTheFloorPassed() {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        IncidentInvestigation investigation = investigation(engine, new TextLengthCounter(), Set.of("data-processor"));
        // Written before receipt and start became one decision: an incident received, never started.
        engine.appendEvents(new GenericDomainEventMessage<>(
                "IncidentAggregate", ID.value(), 0, new IncidentReceived(ID, ALERT, clock.instant())));

        assertThatThrownBy(() -> investigation.recover(ID, delivery("recovery-early", 60)))
                .isInstanceOf(AwaitingFirstAttempt.class);
        clock.advance(LEASE_FLOOR);
        Outcome recovered = investigation.recover(ID, delivery("recovery", 60));

        assertThat(recovered).isInstanceOf(Investigated.class);
        assertThat(((Investigated) recovered).attempt()).isEqualTo(1);
    }

    @Test
    void recoveringANonRetryablyFailedIncidentIsRefusedNamingTheFailure() {
        IncidentInvestigation investigation =
                investigation(new InMemoryEventStorageEngine(), new TextLengthCounter(), Set.of("billing"));
        assertThat(investigation.handle(ALERT, delivery("msg-1", 60))).isInstanceOf(Refused.class);

        assertThatThrownBy(() -> investigation.recover(ID, delivery("recovery", 60)))
                .isInstanceOf(RetryNotAllowed.class)
                .hasMessageContaining(
                        "attempt 1 failed with the non-retryable NotSupervised (Function data-processor is not among the supervised");
        assertThat(new AuditHistory(engine).history(ID)).hasSize(3);
        assertThat(collectorsCalled).isEmpty();
    }

    @Test
    void recoveringAnUnknownIncidentIsRefused() {
        IncidentInvestigation investigation =
                investigation(new InMemoryEventStorageEngine(), new TextLengthCounter(), Set.of("data-processor"));
        assertThatThrownBy(() -> investigation.recover(ID, delivery("recovery", 60)))
                .isInstanceOf(UnknownIncident.class);
    }

    private IncidentInvestigation investigation(
            InMemoryEventStorageEngine engine, TokenCounter counter, Set<String> supervised) {
        return investigation(engine, registry, counter, supervised);
    }

    private IncidentInvestigation investigation(
            InMemoryEventStorageEngine engine, CollectorRegistry collectors, Set<String> supervised) {
        return investigation(engine, collectors, new TextLengthCounter(), supervised);
    }

    private IncidentInvestigation investigation(
            InMemoryEventStorageEngine engine,
            CollectorRegistry collectors,
            TokenCounter counter,
            Set<String> supervised) {
        this.engine = engine;
        axon = AxonRuntime.start(engine);
        ContextGatherer gatherer =
                new ContextGatherer(collectors, counter, clock, Duration.ofSeconds(1), Duration.ZERO);
        Projections projections = new Projections(
                engine,
                stores,
                stores,
                LEASE_FLOOR,
                new ContextFitter(new TextLengthCounter(), List.of(), new TokenBudget(3000)));
        return new IncidentInvestigation(
                axon,
                new AuditHistory(engine),
                gatherer,
                new StubEvidence().diagnoser(clock),
                projections,
                new Recurrences(
                        axon,
                        episodes,
                        projections,
                        new EpisodeWindow(Duration.ofMinutes(15)),
                        Duration.ofSeconds(1),
                        clock),
                supervised,
                FailureClassifier.UNKNOWN_IS_RETRYABLE,
                clock,
                LEASE_FLOOR);
    }

    private Delivery delivery(String messageId, int secondsLeft) {
        return new Delivery(messageId, "request-" + messageId, clock.instant().plusSeconds(secondsLeft));
    }

    private static StubCollector endingAt(CountDownLatch ended, String name) {
        return new StubCollector(name, alert -> {
            ended.countDown();
            return CollectorResult.gathered(name, Map.of());
        });
    }

    private StubCollector collector(String name) {
        return new StubCollector(name, alert -> {
            collectorsCalled.add(name);
            return CollectorResult.gathered(name, Map.of("source", name));
        });
    }

    private static TokenCounter failingCounter(RuntimeException failure) {
        return new TokenCounter() {
            @Override
            public String tokenizer() {
                return "broken";
            }

            @Override
            public int count(String text) {
                throw failure;
            }
        };
    }
}
