package io.incidentsupervisor.application.investigation;

import static io.incidentsupervisor.domain.model.SampleIncidents.ALERT;
import static io.incidentsupervisor.domain.model.SampleIncidents.ID;
import static io.incidentsupervisor.domain.model.SampleIncidents.repeat;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.incidentsupervisor.application.port.in.Outcome.Recurred;
import io.incidentsupervisor.application.port.out.FailureClassifier;
import io.incidentsupervisor.application.port.out.InMemoryEpisodes;
import io.incidentsupervisor.application.projection.InMemoryProjectionStores;
import io.incidentsupervisor.application.projection.Projections;
import io.incidentsupervisor.domain.budget.TokenBudget;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.EpisodeWindow;
import io.incidentsupervisor.domain.model.FailureSignature;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alerts of one failure against the whole use case: one investigation, every alert counted, a new one after the window. */
class EpisodeInvestigationTest {

    private static final Duration LEASE_FLOOR = Duration.ofSeconds(30);
    private static final EpisodeWindow WINDOW = new EpisodeWindow(Duration.ofMinutes(15));

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T08:00:02Z"));
    private final AtomicInteger collectorRuns = new AtomicInteger();
    private final InMemoryProjectionStores stores = new InMemoryProjectionStores();
    private final InMemoryEpisodes episodes = new InMemoryEpisodes();
    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final AxonRuntime axon = AxonRuntime.start(engine);
    private final IncidentInvestigation investigation = investigation(Duration.ofMillis(100));

    @AfterEach
    void shutDown() {
        axon.close();
    }

    private IncidentInvestigation investigation(Duration claimGrace) {
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(new StubCollector("lambda-configuration", alert -> {
                    collectorRuns.incrementAndGet();
                    return CollectorResult.gathered("lambda-configuration", Map.of());
                }))
                .build();
        Projections projections = new Projections(
                engine,
                stores,
                stores,
                LEASE_FLOOR,
                new ContextFitter(new TextLengthCounter(), List.of(), new TokenBudget(3000)));
        return new IncidentInvestigation(
                axon,
                new AuditHistory(engine),
                new ContextGatherer(registry, new TextLengthCounter(), clock, Duration.ofSeconds(1), Duration.ZERO),
                new StubEvidence().diagnoser(clock),
                projections,
                new Recurrences(axon, episodes, projections, WINDOW, claimGrace, clock),
                Set.of("data-processor"),
                FailureClassifier.UNKNOWN_IS_RETRYABLE,
                clock,
                LEASE_FLOOR);
    }

    private Outcome deliver(IncidentAlert alert, String messageId) {
        return investigation.handle(
                alert,
                new Delivery(messageId, "request-" + messageId, clock.instant().plusSeconds(60)));
    }

    private List<String> types(IncidentId id) {
        return new AuditHistory(engine)
                .history(id).stream().map(AuditEntry::type).toList();
    }

    @Test
    void tenAlertsOfOneFailureAreOneInvestigationAndTenOccurrences() {
        assertThat(deliver(ALERT, "m-0")).isInstanceOf(Investigated.class);
        for (int i = 1; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(deliver(repeat(60L * i), "m-" + i)).isEqualTo(new Recurred(ID, i + 1));
        }
        assertThat(collectorRuns).hasValue(1);
        assertThat(types(ID)).filteredOn("InvestigationStarted"::equals).hasSize(1);
        assertThat(types(ID)).filteredOn("IncidentRecurred"::equals).hasSize(9);
        assertThat(stores.find(ID)).hasValueSatisfying(row -> {
            assertThat(row.occurrences()).isEqualTo(10);
            assertThat(row.firstSeen()).isEqualTo(ALERT.timestamp());
            assertThat(row.lastSeen()).isEqualTo(ALERT.timestamp().plusSeconds(540));
        });
        assertThat(stores.find(ID, clock.instant()))
                .hasValueSatisfying(row -> assertThat(row.contextJson()).contains("\"occurrences\":10"));
    }

    @Test
    void aRedeliveredOccurrenceOrFirstAlertIsCountedOnce() {
        deliver(ALERT, "m-0");
        deliver(repeat(60), "m-1");
        assertThat(deliver(repeat(60), "m-1")).isEqualTo(new Duplicate(ID));
        assertThat(deliver(ALERT, "m-0")).isEqualTo(new Duplicate(ID));
        assertThat(stores.find(ID))
                .hasValueSatisfying(row -> assertThat(row.occurrences()).isEqualTo(2));
    }

    @Test
    void theSameFailureAfterTheWindowStartsANewIncidentAndAnotherFailureItsOwn() {
        deliver(ALERT, "m-0");
        IncidentAlert later = repeat(Duration.ofMinutes(16).toSeconds());
        clock.advance(Duration.ofMinutes(16));
        assertThat(deliver(later, "m-1")).isInstanceOf(Investigated.class);
        IncidentAlert otherError = new IncidentAlert(
                "KmsAccessError",
                ALERT.errorMessage(),
                ALERT.errorCode(),
                ALERT.lambdaName(),
                later.timestamp().plusSeconds(5));
        assertThat(deliver(otherError, "m-2")).isInstanceOf(Investigated.class);
        assertThat(collectorRuns).hasValue(3);
    }

    @Test
    void anEpisodeWhoseHolderWasNeverRecordedIsTakenOverAfterTheGrace() {
        IncidentId diedAfterClaiming =
                IncidentId.of("data-processor", ALERT.timestamp().minusSeconds(30));
        episodes.join(
                FailureSignature.of(ALERT), diedAfterClaiming, ALERT.timestamp().minusSeconds(30), WINDOW);

        assertThat(deliver(ALERT, "m-0")).isInstanceOf(Investigated.class);
        assertThat(deliver(repeat(60), "m-1")).isEqualTo(new Recurred(ID, 2));
        assertThat(types(diedAfterClaiming)).isEmpty();
    }
}
