package io.incidentsupervisor.adapter.aws.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentsupervisor.adapter.aws.projection.DynamoDbProjectionStores;
import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.investigation.AuditHistory;
import io.incidentsupervisor.application.investigation.IncidentInvestigation;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.in.Outcome.Investigated;
import io.incidentsupervisor.domain.model.CollectorFinished;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** One alert through the whole investigation: DynamoDB Local for events and projections, the real collectors against WireMock. */
class InvestigationEndToEndTest {

    private static final IncidentAlert ALERT = InvestigationRig.ALERT;

    private final FailingWrites failingWrites = new FailingWrites();
    private InvestigationRig rig;
    private AxonRuntime axon;
    private DynamoDbProjectionStores states;
    private DynamoDbProjectionStores contexts;
    private IncidentInvestigation investigation;
    private Clock clock;

    @BeforeEach
    void wire() {
        rig = new InvestigationRig(failingWrites);
        axon = rig.axon;
        states = rig.states;
        contexts = rig.contexts;
        investigation = rig.investigation;
        clock = rig.clock;
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aFailingCollectorStillEndsInContextGatheredWithItsErrorRecorded() {
        Outcome outcome = investigation.handle(
                ALERT,
                new Delivery(
                        "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
                        "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                        clock.instant().plusSeconds(60)));

        assertThat(outcome).isInstanceOf(Investigated.class);
        List<AuditEntry> history = new AuditHistory(axon.storage()).history(ALERT.incidentId());
        assertThat(history)
                .extracting(AuditEntry::type)
                .containsExactly(
                        "IncidentReceived",
                        "InvestigationStarted",
                        "CollectorFinished",
                        "CollectorFinished",
                        "CollectorFinished",
                        "IncidentDiagnosed",
                        "ContextGathered");
        assertThat(history)
                .filteredOn(e -> e.event() instanceof CollectorFinished)
                .extracting(e ->
                        ((CollectorFinished) e.event()).collector() + ":" + ((CollectorFinished) e.event()).succeeded())
                .containsExactly("lambda-configuration:true", "cloudwatch-logs:true", "iam-role:false");
        assertThat(history)
                .allSatisfy(e ->
                        assertThat(e.metadata()).containsEntry("snsMessageId", "95df01b4-ee98-5cb9-9903-4c221d41eb5e"));

        assertThat(states.find(ALERT.incidentId())).hasValueSatisfying(row -> {
            assertThat(row.status()).isEqualTo(IncidentStatus.CONTEXT_GATHERED);
            assertThat(row.lastSequence()).isEqualTo(6);
            assertThat(row.staleAt()).isNull();
        });
        assertThat(contexts.find(ALERT.incidentId(), clock.instant()))
                .hasValueSatisfying(row -> assertThat(row.contextJson())
                        .contains("\"missingPermission\":\"iam:ListAttachedRolePolicies\"")
                        .contains(
                                "GetObject operation: User: arn:aws:sts::123456789012:assumed-role/data-processor-role")
                        .contains(
                                "\"EnvironmentKeys\":[\"API_TOKEN\",\"DB_PASSWORD\",\"ORDERS_BUCKET\",\"RESULTS_TABLE\"]")
                        .doesNotContain("hunter2-Sup3rS3cret"));

        Outcome again = investigation.handle(
                ALERT,
                new Delivery(
                        "95df01b4-redelivered", "request-2", clock.instant().plusSeconds(60)));
        assertThat(again).isEqualTo(new Outcome.Duplicate(ALERT.incidentId()));
        assertThat(new AuditHistory(axon.storage()).history(ALERT.incidentId())).hasSize(7);
    }

    @Test
    void whenDynamoDbRefusesTheFailureRecordTooTheOriginalFailureIsThrownWithTheWriteFailureSuppressed() {
        failingWrites.refuse("ContextGathered", "InvestigationFailed");

        assertThatThrownBy(() -> investigation.handle(
                        ALERT,
                        new Delivery("msg-1", "request-1", clock.instant().plusSeconds(60))))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("simulated outage writing ContextGathered")
                .satisfies(thrown -> assertThat(thrown.getSuppressed())
                        .singleElement()
                        .satisfies(suppressed -> assertThat(suppressed)
                                .hasMessageContaining("simulated outage writing InvestigationFailed")));

        List<AuditEntry> history = new AuditHistory(axon.storage()).history(ALERT.incidentId());
        assertThat(history).last().extracting(AuditEntry::type).isEqualTo("CollectorFinished");
        assertThat(states.find(ALERT.incidentId()))
                .as("left open, so stale detection will find it once the lease passes")
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
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            if (context.request() instanceof PutItemRequest put && put.hasItem()) {
                items.add(put.item());
            }
            if (context.request() instanceof TransactWriteItemsRequest transaction) {
                // The counter's update leads every commit's transaction; the events are its puts.
                transaction.transactItems().stream()
                        .filter(item -> item.put() != null)
                        .forEach(item -> items.add(item.put().item()));
            }
            for (Map<String, AttributeValue> item : items) {
                String type = item.containsKey("payloadType")
                        ? item.get("payloadType").s()
                        : "";
                if (refused.contains(type)) {
                    throw SdkClientException.create("simulated outage writing " + type);
                }
            }
        }
    }
}
