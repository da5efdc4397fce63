package io.incidentsupervisor.adapter.aws.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentsupervisor.adapter.aws.AwsFailureClassifier;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.adapter.aws.collector.SampleAccount;
import io.incidentsupervisor.adapter.aws.collector.CloudWatchLogsCollector;
import io.incidentsupervisor.adapter.aws.collector.IamRoleCollector;
import io.incidentsupervisor.adapter.aws.collector.LambdaConfigurationCollector;
import io.incidentsupervisor.adapter.aws.collector.LambdaConfigurationCollectorTest;
import io.incidentsupervisor.adapter.aws.eventstore.DynamoDbEventStorageEngine;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.adapter.aws.projection.DynamoDbIncidentContexts;
import io.incidentsupervisor.adapter.aws.projection.DynamoDbIncidentStates;
import io.incidentsupervisor.adapter.aws.projection.ProjectionTables;
import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.context.ContextGatherer;
import io.incidentsupervisor.application.context.JtokkitTokenCounter;
import io.incidentsupervisor.application.investigation.AuditEntry;
import io.incidentsupervisor.application.investigation.AuditHistory;
import io.incidentsupervisor.application.investigation.Delivery;
import io.incidentsupervisor.application.investigation.IncidentInvestigation;
import io.incidentsupervisor.application.investigation.Outcome;
import io.incidentsupervisor.application.investigation.Outcome.Investigated;
import io.incidentsupervisor.application.projection.Projections;
import io.incidentsupervisor.domain.model.CollectorFinished;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentStatus;
import io.incidentsupervisor.domain.model.TokenBudget;
import io.incidentsupervisor.domain.port.CollectorRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** One alert through the whole investigation: DynamoDB Local for events and projections, the real collectors against WireMock. */
class InvestigationEndToEndTest {

    private static final IncidentAlert ALERT = LambdaConfigurationCollectorTest.ALERT;

    private final AwsStubs aws = new AwsStubs();
    private final FailingWrites failingWrites = new FailingWrites();
    private final DynamoDbClient dynamoDb = SharedDynamoDbLocal.server()
            .newClient(ClientOverrideConfiguration.builder().addExecutionInterceptor(failingWrites).build());
    private final Clock clock = Clock.systemUTC();
    private AxonRuntime axon;
    private DynamoDbIncidentStates states;
    private DynamoDbIncidentContexts contexts;
    private IncidentInvestigation investigation;

    @BeforeEach
    void wire() {
        SampleAccount.serve(aws);

        EventStoreTables eventTables = EventStoreTables.withPrefix(SharedDynamoDbLocal.uniquePrefix());
        eventTables.createIfMissing(dynamoDb);
        ProjectionTables projectionTables = ProjectionTables.withPrefix(SharedDynamoDbLocal.uniquePrefix());
        projectionTables.createIfMissing(dynamoDb);
        states = new DynamoDbIncidentStates(dynamoDb, projectionTables);
        contexts = new DynamoDbIncidentContexts(dynamoDb, projectionTables);
        axon = AxonRuntime.start(DynamoDbEventStorageEngine.builder().dynamoDb(dynamoDb).tables(eventTables)
                .eventSerializer(AxonRuntime.serializer()).snapshotSerializer(AxonRuntime.serializer()).build());
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(new LambdaConfigurationCollector(aws.lambda()))
                .errorType("S3AccessError", new CloudWatchLogsCollector(aws.logs(), Map.of(), Duration.ofMinutes(10), Duration.ofMinutes(1)),
                        new IamRoleCollector(aws.lambda(), aws.iam()))
                .build();
        investigation = new IncidentInvestigation(axon,
                new ContextGatherer(registry, new TokenBudget(3000), new JtokkitTokenCounter(), clock, Duration.ofSeconds(1)),
                new Projections(axon.eventStore(), states, contexts, Duration.ofSeconds(30)), Set.of("data-processor"), new AwsFailureClassifier(),
                clock, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        axon.close();
        aws.close();
    }

    @Test
    void aFailingCollectorStillEndsInContextGatheredWithItsErrorRecorded() {
        Outcome outcome = investigation.handle(ALERT, new Delivery("95df01b4-ee98-5cb9-9903-4c221d41eb5e", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                clock.instant().plusSeconds(60)));

        assertThat(outcome).isInstanceOf(Investigated.class);
        List<AuditEntry> history = new AuditHistory(axon.eventStore()).of(ALERT.incidentId());
        assertThat(history).extracting(AuditEntry::type).containsExactly("IncidentReceived", "InvestigationStarted", "CollectorFinished",
                "CollectorFinished", "CollectorFinished", "ContextGathered");
        assertThat(history).filteredOn(e -> e.event() instanceof CollectorFinished).extracting(e -> ((CollectorFinished) e.event()).collector()
                + ":" + ((CollectorFinished) e.event()).succeeded()).containsExactly("lambda-configuration:true", "cloudwatch-logs:true", "iam-role:false");
        assertThat(history).allSatisfy(e -> assertThat(e.metadata()).containsEntry("snsMessageId", "95df01b4-ee98-5cb9-9903-4c221d41eb5e"));

        assertThat(states.find(ALERT.incidentId())).hasValueSatisfying(row -> {
            assertThat(row.status()).isEqualTo(IncidentStatus.CONTEXT_GATHERED);
            assertThat(row.lastSequence()).isEqualTo(5);
            assertThat(row.staleAt()).isNull();
        });
        assertThat(contexts.find(ALERT.incidentId(), clock.instant())).hasValueSatisfying(row -> assertThat(row.contextJson())
                .contains("\"missingPermission\":\"iam:ListAttachedRolePolicies\"")
                .contains("GetObject operation: Access Denied")
                .contains("\"EnvironmentKeys\":[\"API_TOKEN\",\"DB_PASSWORD\",\"ORDERS_BUCKET\"]")
                .doesNotContain("hunter2-Sup3rS3cret"));

        Outcome again = investigation.handle(ALERT, new Delivery("95df01b4-redelivered", "request-2", clock.instant().plusSeconds(60)));
        assertThat(again).isEqualTo(new Outcome.Duplicate(ALERT.incidentId()));
        assertThat(new AuditHistory(axon.eventStore()).of(ALERT.incidentId())).hasSize(6);
    }

    @Test
    void whenDynamoDbRefusesTheFailureRecordTooTheOriginalFailureIsThrownWithTheWriteFailureSuppressed() {
        failingWrites.refuse("ContextGathered", "InvestigationFailed");

        assertThatThrownBy(() -> investigation.handle(ALERT, new Delivery("msg-1", "request-1", clock.instant().plusSeconds(60))))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("simulated outage writing ContextGathered")
                .satisfies(thrown -> assertThat(thrown.getSuppressed()).singleElement()
                        .satisfies(suppressed -> assertThat(suppressed).hasMessageContaining("simulated outage writing InvestigationFailed")));

        List<AuditEntry> history = new AuditHistory(axon.eventStore()).of(ALERT.incidentId());
        assertThat(history).last().extracting(AuditEntry::type).isEqualTo("CollectorFinished");
        assertThat(states.find(ALERT.incidentId())).as("left open, so stale detection will find it once the lease passes")
                .hasValueSatisfying(row -> assertThat(row.status()).isEqualTo(IncidentStatus.INVESTIGATING));
    }

    /** Fails the DynamoDB write of chosen event types, as an outage would, before the request leaves. */
    private static final class FailingWrites implements ExecutionInterceptor {
        private final Set<String> refused = ConcurrentHashMap.newKeySet();

        void refuse(String... payloadTypes) {
            refused.addAll(List.of(payloadTypes));
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof PutItemRequest put && put.hasItem() && put.item().containsKey("payloadType")) {
                String type = put.item().get("payloadType").s();
                for (String refusedType : refused) {
                    if (type.endsWith("." + refusedType)) {
                        throw SdkClientException.create("simulated outage writing " + refusedType);
                    }
                }
            }
        }
    }
}
