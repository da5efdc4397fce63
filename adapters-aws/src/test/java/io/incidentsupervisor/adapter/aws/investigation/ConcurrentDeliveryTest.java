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
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The same alert delivered twice at the same moment to two Lambda instances (two Axon runtimes over one set of tables; within
 * one JVM Axon's aggregate lock would serialise them): one investigation, one Duplicate.
 */
class ConcurrentDeliveryTest {

    @Test
    void twoSimultaneousDeliveriesOfOneAlertInvestigateItOnce() throws Exception {
        EventStoreTables tables = SharedDynamoDbLocal.uniqueEventTables();
        tables.createIfMissing(SharedDynamoDbLocal.client());
        ProjectionTables projectionTables = SharedDynamoDbLocal.uniqueProjectionTables();
        projectionTables.createIfMissing(SharedDynamoDbLocal.client());
        DynamoDbProjectionStores states = new DynamoDbProjectionStores(SharedDynamoDbLocal.client(), projectionTables);
        Clock clock = Clock.systemUTC();
        ExecutorService deliveries = Executors.newFixedThreadPool(2);
        try (AxonRuntime axon = AxonRuntime.start(engine(tables));
                AxonRuntime otherInstance = AxonRuntime.start(engine(tables))) {
            List<IncidentInvestigation> instances = new ArrayList<>();
            DynamoDbEpisodes episodes = InvestigationRig.episodes(SharedDynamoDbLocal.client());
            for (AxonRuntime runtime : List.of(axon, otherInstance)) {
                instances.add(InvestigationRig.instance(runtime, states, episodes, clock, () -> {}));
            }

            for (int round = 0; round < 10; round++) {
                // An hour apart: each round a failure of its own, never an occurrence of the last one.
                IncidentAlert alert = IncidentAlert.of(
                        "S3AccessError",
                        "Access Denied",
                        "AccessDenied",
                        "data-processor",
                        "2026-11-23T" + (10 + round) + ":00:00Z");
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Outcome>> outcomes = new ArrayList<>();
                for (int delivery = 0; delivery < 2; delivery++) {
                    String messageId = "msg-" + round + "-" + delivery;
                    IncidentInvestigation investigation = instances.get(delivery);
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
                List<Class<?>> kinds = new ArrayList<>();
                for (Future<Outcome> outcome : outcomes) {
                    kinds.add(outcome.get().getClass());
                }
                assertThat(kinds).as("round %d", round).containsExactlyInAnyOrder(Investigated.class, Duplicate.class);
                List<AuditEntry> history = new AuditHistory(axon.storage()).history(alert.incidentId());
                assertThat(history)
                        .extracting(AuditEntry::type)
                        .containsExactly(
                                "IncidentReceived", "InvestigationStarted", "CollectorFinished", "ContextGathered");
                assertThat(states.find(alert.incidentId()))
                        .get()
                        .extracting(row -> row.lastSequence())
                        .isEqualTo(3L);
            }
        } finally {
            deliveries.shutdown();
        }
    }

    private static DynamoDbEventStorageEngine engine(EventStoreTables tables) {
        return DynamoDbEventStorageEngine.builder()
                .dynamoDb(SharedDynamoDbLocal.client())
                .tables(tables)
                .build();
    }
}
