package io.incidentsupervisor.adapter.aws.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.adapter.aws.eventstore.DynamoDbEventStorageEngine;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.adapter.aws.projection.DynamoDbProjectionStores;
import io.incidentsupervisor.adapter.aws.projection.ProjectionTables;
import io.incidentsupervisor.adapter.aws.tokens.O200kTokenCounter;
import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.context.CollectorRegistry;
import io.incidentsupervisor.application.context.ContextGatherer;
import io.incidentsupervisor.application.context.StubCollector;
import io.incidentsupervisor.application.diagnosis.StubEvidence;
import io.incidentsupervisor.application.investigation.AuditHistory;
import io.incidentsupervisor.application.investigation.IncidentInvestigation;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.in.Outcome.Investigated;
import io.incidentsupervisor.application.port.in.Outcome.Refused;
import io.incidentsupervisor.application.port.out.FailureClassifier;
import io.incidentsupervisor.application.projection.Projections;
import io.incidentsupervisor.domain.model.CollectorError;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentStatus;
import io.incidentsupervisor.domain.model.ReceiveIncident;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The investigation with its projections on DynamoDB Local: live rows, stale detection by index, recovery, and rebuild. */
class ProjectionsOnDynamoDbTest {

    private static final Duration LEASE_FLOOR = Duration.ofSeconds(30);

    private final DynamoDbClient dynamoDb = SharedDynamoDbLocal.client();
    private final Clock clock = Clock.systemUTC();

    @Test
    void projectionsFollowTheIncidentsFindTheStaleOneAndRebuildIdentically() {
        EventStoreTables eventTables = SharedDynamoDbLocal.uniqueEventTables();
        eventTables.createIfMissing(dynamoDb);
        ProjectionTables projectionTables = SharedDynamoDbLocal.uniqueProjectionTables();
        projectionTables.createIfMissing(dynamoDb);
        projectionTables.createIfMissing(dynamoDb);
        assertThat(dynamoDb.describeTimeToLive(b -> b.tableName(projectionTables.contexts()))
                        .timeToLiveDescription()
                        .attributeName())
                .as("creating existing tables again changes nothing")
                .isEqualTo("ttl");
        DynamoDbProjectionStores states = new DynamoDbProjectionStores(dynamoDb, projectionTables);
        DynamoDbProjectionStores contexts = new DynamoDbProjectionStores(dynamoDb, projectionTables);
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(
                        new StubCollector(
                                "lambda-configuration",
                                alert -> CollectorResult.gathered(
                                        "lambda-configuration", Map.of("Runtime", "python3.12"))),
                        new StubCollector(
                                "iam-role",
                                alert -> CollectorResult.failed(
                                        "iam-role",
                                        new CollectorError(
                                                "AccessDenied",
                                                "AccessDenied",
                                                "not authorized",
                                                "iam:ListAttachedRolePolicies"))))
                .build();

        try (AxonRuntime axon = AxonRuntime.start(DynamoDbEventStorageEngine.builder()
                .dynamoDb(dynamoDb)
                .tables(eventTables)
                .build())) {
            Projections projections =
                    new Projections(axon.storage(), states, contexts, LEASE_FLOOR, InvestigationRig.fitter());
            IncidentInvestigation investigation = new IncidentInvestigation(
                    axon,
                    new AuditHistory(axon.storage()),
                    new ContextGatherer(registry, new O200kTokenCounter(), clock, Duration.ofSeconds(1), Duration.ZERO),
                    new StubEvidence().diagnoser(clock),
                    projections,
                    InvestigationRig.recurrences(SharedDynamoDbLocal.client(), axon, projections, clock),
                    Set.of("data-processor", "report-builder"),
                    FailureClassifier.UNKNOWN_IS_RETRYABLE,
                    clock,
                    LEASE_FLOOR);

            IncidentAlert gathered = alert("data-processor");
            IncidentAlert killed = alert("report-builder");
            IncidentAlert unsupervised = alert("billing");
            Outcome first = investigation.handle(gathered, delivery("msg-1"));
            assertThat(investigation.handle(unsupervised, delivery("msg-3"))).isInstanceOf(Refused.class);
            // The second function's invocation started and was killed; its lease passed a minute ago.
            Instant startedAt = clock.instant().minusSeconds(120);
            Instant leaseEnd = startedAt.plusSeconds(60);
            axon.send(
                    new ReceiveIncident(killed, startedAt, leaseEnd),
                    new Delivery("msg-2", "request-2", Instant.now().plusSeconds(60)));
            projections.refresh(killed.incidentId());

            assertThat(first).isInstanceOf(Investigated.class);
            assertThat(states.find(gathered.incidentId())).hasValueSatisfying(row -> {
                assertThat(row.status()).isEqualTo(IncidentStatus.CONTEXT_GATHERED);
                assertThat(row.attempt()).isEqualTo(1);
                assertThat(row.lastSequence()).isEqualTo(4);
            });
            assertThat(states.find(unsupervised.incidentId())).hasValueSatisfying(row -> {
                assertThat(row.status()).isEqualTo(IncidentStatus.FAILED);
                assertThat(row.error().type()).isEqualTo("NotSupervised");
            });
            assertThat(contexts.find(gathered.incidentId(), clock.instant())).hasValueSatisfying(row -> {
                assertThat(row.contextJson()).contains("iam:ListAttachedRolePolicies");
                assertThat(row.expiresAt())
                        .isEqualTo(row.createdAt()
                                .plus(Projections.CONTEXT_RETENTION)
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            });
            assertThat(contexts.find(gathered.incidentId(), clock.instant().plus(Duration.ofDays(8))))
                    .as("expired rows are not read")
                    .isEmpty();

            assertThat(states.staleAt(leaseEnd.minusMillis(1)))
                    .as("not stale before the lease passes")
                    .isEmpty();
            assertThat(states.staleAt(clock.instant())).containsExactly(killed.incidentId());

            assertThat(investigation.handle(killed, delivery("msg-2-redelivered")))
                    .as("a redelivery never starts a second investigation")
                    .isEqualTo(new Outcome.Duplicate(killed.incidentId()));
            assertThat(new AuditHistory(axon.storage()).history(killed.incidentId()))
                    .hasSize(2);

            Outcome recovered = investigation.recover(killed.incidentId(), delivery("recovery-1"));
            assertThat(recovered).isInstanceOf(Investigated.class);
            assertThat(states.staleAt(clock.instant())).isEmpty();
            List<AuditEntry> history = new AuditHistory(axon.storage()).history(killed.incidentId());
            assertThat(history)
                    .filteredOn(e -> e.type().equals("ContextGathered"))
                    .hasSize(1);

            Set<Map<String, AttributeValue>> liveStates = scan(projectionTables.states());
            Set<Map<String, AttributeValue>> liveContexts = scan(projectionTables.contexts());
            assertThat(liveStates).hasSize(3);
            assertThat(liveContexts).hasSize(2);

            projectionTables.drop(dynamoDb);
            projectionTables.createIfMissing(dynamoDb);
            List<Long> progress = new ArrayList<>();
            int rebuilt = projections.rebuild(progress::add);

            assertThat(rebuilt).isEqualTo(3);
            assertThat(progress).isNotEmpty();
            assertThat(scan(projectionTables.states())).isEqualTo(liveStates);
            assertThat(scan(projectionTables.contexts())).isEqualTo(liveContexts);
        }
    }

    private static IncidentAlert alert(String function) {
        return IncidentAlert.of(
                "S3AccessError", "Access Denied for s3:GetObject", "AccessDenied", function, "2026-11-23T08:00:00Z");
    }

    private Delivery delivery(String messageId) {
        return new Delivery(messageId, "request-" + messageId, clock.instant().plusSeconds(60));
    }

    /** Test-only: every item with every attribute, to compare a rebuilt table with the live one. */
    private Set<Map<String, AttributeValue>> scan(String table) {
        return new HashSet<>(dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .toList());
    }
}
