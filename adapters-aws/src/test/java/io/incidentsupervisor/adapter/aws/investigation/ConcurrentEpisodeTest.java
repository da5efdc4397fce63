package io.incidentsupervisor.adapter.aws.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.adapter.aws.episode.DynamoDbEpisodes;
import io.incidentsupervisor.adapter.aws.eventstore.DynamoDbEventStorageEngine;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.adapter.aws.projection.DynamoDbProjectionStores;
import io.incidentsupervisor.adapter.aws.projection.ProjectionTables;
import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.investigation.AuditHistory;
import io.incidentsupervisor.application.investigation.IncidentInvestigation;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.in.Outcome.Duplicate;
import io.incidentsupervisor.application.port.in.Outcome.Investigated;
import io.incidentsupervisor.application.port.in.Outcome.Recurred;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two Lambda instances (two Axon runtimes over one set of DynamoDB Local tables) handle two different alerts of one
 * failure at the same moment: one investigation, and both alerts counted on it.
 */
class ConcurrentEpisodeTest {

    private static final String DENIED =
            "User: arn:aws:sts::123456789012:assumed-role/data-processor-role/data-processor"
                    + " is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::orders/%d.csv"
                    + " because no identity-based policy allows the s3:GetObject action";

    @Test
    void twoAlertsOfOneEpisodeDeliveredAtOnceToTwoInstancesAreOneInvestigationAndTwoOccurrences() throws Exception {
        Tables fresh = Tables.create();
        EventStoreTables tables = fresh.events();
        DynamoDbProjectionStores stores = fresh.stores();
        DynamoDbEpisodes episodes = fresh.episodes();
        Clock clock = Clock.systemUTC();
        ExecutorService deliveries = Executors.newFixedThreadPool(2);
        try (AxonRuntime axon = AxonRuntime.start(engine(tables));
                AxonRuntime otherInstance = AxonRuntime.start(engine(tables))) {
            List<IncidentInvestigation> instances = new ArrayList<>();
            for (AxonRuntime runtime : List.of(axon, otherInstance)) {
                instances.add(InvestigationRig.instance(runtime, stores, episodes, clock, () -> {}));
            }

            for (int round = 0; round < 10; round++) {
                // Each round a failure of its own (another object denied); its two alerts two seconds apart.
                Instant failedAt = Instant.parse("2026-11-23T08:00:00Z").plus(Duration.ofHours(round));
                List<IncidentAlert> alerts = List.of(alert(round, failedAt), alert(round, failedAt.plusSeconds(2)));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Outcome>> outcomes = new ArrayList<>();
                for (int delivery = 0; delivery < 2; delivery++) {
                    String messageId = "msg-" + round + "-" + delivery;
                    IncidentInvestigation investigation = instances.get(delivery);
                    IncidentAlert alert = alerts.get(delivery);
                    outcomes.add(deliveries.submit(() -> {
                        together.await();
                        return investigation.handle(
                                alert,
                                new Delivery(
                                        messageId,
                                        "request-" + messageId,
                                        clock.instant().plusSeconds(60)));
                    }));
                }
                List<Outcome> ended = new ArrayList<>();
                for (Future<Outcome> outcome : outcomes) {
                    ended.add(outcome.get());
                }
                assertThat(ended)
                        .as("round %d", round)
                        .extracting(Outcome::getClass)
                        .containsExactlyInAnyOrder(Investigated.class, Recurred.class);
                IncidentId incident = ended.get(0).incidentId();
                assertThat(ended).extracting(Outcome::incidentId).containsOnly(incident);
                assertThat(ended).filteredOn(Recurred.class::isInstance).containsExactly(new Recurred(incident, 2));
                List<String> history = new AuditHistory(axon.storage())
                        .history(incident).stream().map(AuditEntry::type).toList();
                assertThat(history).filteredOn("InvestigationStarted"::equals).hasSize(1);
                assertThat(history).filteredOn("IncidentRecurred"::equals).hasSize(1);
                assertThat(history)
                        .as("the occurrence never cut the investigation short")
                        .contains("ContextGathered")
                        .doesNotContain("InvestigationFailed");
                for (IncidentAlert alert : alerts) {
                    if (!alert.incidentId().equals(incident)) {
                        assertThat(new AuditHistory(axon.storage()).history(alert.incidentId()))
                                .isEmpty();
                    }
                }
                assertThat(stores.find(incident)).as("round %d", round).hasValueSatisfying(row -> {
                    assertThat(row.occurrences()).isEqualTo(2);
                    assertThat(row.firstSeen()).isEqualTo(failedAt);
                    assertThat(row.lastSeen()).isEqualTo(failedAt.plusSeconds(2));
                });
            }
        } finally {
            deliveries.shutdown();
        }
    }

    /**
     * The interleaving the test above hits only now and then, forced: the second instance counts its alert while the
     * first one's collector runs, between two of its commits. The first one's next commit then loses the race for the
     * sequence number, and its last row write must know the occurrence (it once wrote the rows from the events in hand,
     * without it, over the occurrence's).
     */
    @Test
    void anOccurrenceCountedWhileTheInvestigationRunsIsOnTheRowsTheInvestigationWritesLast() {
        Tables fresh = Tables.create();
        EventStoreTables tables = fresh.events();
        DynamoDbProjectionStores stores = fresh.stores();
        DynamoDbEpisodes episodes = fresh.episodes();
        Clock clock = Clock.systemUTC();
        Instant failedAt = Instant.parse("2026-11-23T08:00:00Z");
        AtomicReference<Outcome> counted = new AtomicReference<>();
        try (AxonRuntime axon = AxonRuntime.start(engine(tables));
                AxonRuntime otherRuntime = AxonRuntime.start(engine(tables))) {
            IncidentInvestigation other = InvestigationRig.instance(otherRuntime, stores, episodes, clock, () -> {});
            IncidentInvestigation first = InvestigationRig.instance(
                    axon,
                    stores,
                    episodes,
                    clock,
                    () -> counted.compareAndSet(
                            null, other.handle(alert(0, failedAt.plusSeconds(2)), delivery("msg-1", clock))));

            Outcome investigated = first.handle(alert(0, failedAt), delivery("msg-0", clock));

            assertThat(investigated).isInstanceOf(Investigated.class);
            IncidentId incident = investigated.incidentId();
            assertThat(counted).hasValue(new Recurred(incident, 2));
            assertThat(new AuditHistory(axon.storage())
                            .history(incident).stream().map(AuditEntry::type).toList())
                    .as("counted between two of the investigation's commits")
                    .containsSubsequence("InvestigationStarted", "IncidentRecurred", "CollectorFinished");
            assertThat(stores.find(incident))
                    .hasValueSatisfying(row -> assertThat(row.occurrences()).isEqualTo(2));
            assertThat(stores.find(incident, clock.instant()))
                    .hasValueSatisfying(row -> assertThat(row.contextJson()).contains("\"occurrences\":2"));
        }
    }

    /**
     * A process keeps the incident it investigated for the repeats that follow, while another process counts some of
     * them: its state is then behind the store. A repeat it decides on is counted on the store's count, and a message
     * the other process counted is a duplicate here too.
     */
    @Test
    void aRepeatDecidedOnAnIncidentHeldSinceAnotherProcessCountedMoreIsCountedOnTheStoresState() {
        Tables fresh = Tables.create();
        EventStoreTables tables = fresh.events();
        DynamoDbProjectionStores stores = fresh.stores();
        DynamoDbEpisodes episodes = fresh.episodes();
        Clock clock = Clock.systemUTC();
        Instant failedAt = Instant.parse("2026-11-23T08:00:00Z");
        try (AxonRuntime axon = AxonRuntime.start(engine(tables));
                AxonRuntime otherRuntime = AxonRuntime.start(engine(tables))) {
            IncidentInvestigation holder = InvestigationRig.instance(axon, stores, episodes, clock, () -> {});
            IncidentInvestigation other = InvestigationRig.instance(otherRuntime, stores, episodes, clock, () -> {});
            IncidentId incident =
                    holder.handle(alert(0, failedAt), delivery("msg-0", clock)).incidentId();
            for (int i = 1; i <= 3; i++) {
                assertThat(other.handle(alert(0, failedAt.plusSeconds(i)), delivery("msg-" + i, clock)))
                        .isEqualTo(new Recurred(incident, i + 1));
            }

            assertThat(holder.handle(alert(0, failedAt.plusSeconds(4)), delivery("msg-4", clock)))
                    .as("counted after the other process's three, not as the second alert")
                    .isEqualTo(new Recurred(incident, 5));
            assertThat(other.handle(alert(0, failedAt.plusSeconds(5)), delivery("msg-5", clock)))
                    .isEqualTo(new Recurred(incident, 6));
            assertThat(holder.handle(alert(0, failedAt.plusSeconds(5)), delivery("msg-5", clock)))
                    .as("counted by the other process since this one last read it")
                    .isEqualTo(new Duplicate(incident));

            assertThat(new AuditHistory(axon.storage())
                            .history(incident).stream().map(AuditEntry::type).filter("IncidentRecurred"::equals))
                    .hasSize(5);
            assertThat(stores.find(incident))
                    .hasValueSatisfying(row -> assertThat(row.occurrences()).isEqualTo(6));
        }
    }

    /** A fresh set of tables on the shared DynamoDB Local: events, projections and episodes. */
    private record Tables(EventStoreTables events, DynamoDbProjectionStores stores, DynamoDbEpisodes episodes) {

        static Tables create() {
            EventStoreTables events = SharedDynamoDbLocal.uniqueEventTables();
            events.createIfMissing(SharedDynamoDbLocal.client());
            ProjectionTables projections = SharedDynamoDbLocal.uniqueProjectionTables();
            projections.createIfMissing(SharedDynamoDbLocal.client());
            return new Tables(
                    events,
                    new DynamoDbProjectionStores(SharedDynamoDbLocal.client(), projections),
                    InvestigationRig.episodes(SharedDynamoDbLocal.client()));
        }
    }

    private static Delivery delivery(String messageId, Clock clock) {
        return new Delivery(messageId, "request-" + messageId, clock.instant().plusSeconds(60));
    }

    private static IncidentAlert alert(int round, Instant failedAt) {
        return new IncidentAlert(
                "S3AccessError", String.format(DENIED, round), "AccessDenied", "data-processor", failedAt);
    }

    private static DynamoDbEventStorageEngine engine(EventStoreTables tables) {
        return DynamoDbEventStorageEngine.builder()
                .dynamoDb(SharedDynamoDbLocal.client())
                .tables(tables)
                .build();
    }
}
