package io.incidentsupervisor.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.HandleAlert;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.out.RejectedAlert;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.SampleIncidents;
import io.incidentsupervisor.local.LocalLambdaContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQS entry driven by real SQS event JSON (examples/sqs-*.json), with the use case and the rejected store stood in. */
class SqsAlertHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:02Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final List<IncidentAlert> investigated = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<RejectedAlert> rejected = new ArrayList<>();
    private final Set<IncidentId> recorded = new HashSet<>();

    @RegisterExtension
    final StandardOutput logs = new StandardOutput();

    private String failingFunction = "";

    @Test
    void anSnsEnvelopeIsUnwrappedAndTheAlertHandled() {
        SQSBatchResponse response = handler().handleRequest(event("sqs-sns-envelope.json"), context(45));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(investigated).singleElement().satisfies(alert -> {
            assertThat(alert.lambdaName()).isEqualTo("data-processor");
            assertThat(alert.timestamp()).isEqualTo(Instant.parse("2026-11-23T08:00:00.512Z"));
        });
        assertThat(deliveries)
                .containsExactly(new Delivery(
                        "059f36b4-87a3-44ab-83d2-661975830a7d/95df01b4-ee98-5cb9-9903-4c221d41eb5e",
                        "request-sqs",
                        NOW.plusSeconds(45)));
    }

    @Test
    void aRawBodyIsTheAlertItself() {
        SQSBatchResponse response = handler().handleRequest(event("sqs-raw.json"), context(45));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(investigated)
                .singleElement()
                .satisfies(alert -> assertThat(alert.lambdaName()).isEqualTo("report-builder"));
        assertThat(deliveries.get(0).messageId()).isEqualTo("2e1424d4-f796-459a-8184-9c92662be6da");
    }

    @Test
    void aMixedBatchRetriesExactlyTheRecordThatFailedTransiently() {
        failingFunction = "report-builder";

        SQSBatchResponse response = handler().handleRequest(event("sqs-mixed-batch.json"), context(45));

        assertThat(response.getBatchItemFailures())
                .extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
        assertThat(rejected).singleElement().satisfies(kept -> {
            assertThat(kept.messageId())
                    .isEqualTo("d4e5f6a7-8b9c-4d0e-9f1a-2b3c4d5e6f7a/5e4d3c2b-1a09-5f8e-9d7c-6b5a4f3e2d1c");
            assertThat(kept.reason()).isNotBlank();
        });
        assertThat(investigated)
                .as("the valid alert once; its duplicate answered as one")
                .extracting(IncidentAlert::lambdaName)
                .containsExactly("data-processor");
        assertThat(logs.text())
                .contains("outcome=Investigated")
                .contains("outcome=Duplicate")
                .contains("outcome=Rejected")
                .contains("outcome=Failed")
                .doesNotContain("rm -rf");
        assertThat(logs.text()).contains("\"BatchSize\":4");
    }

    @Test
    void messagesNotStartedBeforeTheReserveAreLeftForRedelivery() {
        SQSBatchResponse response = handler()
                .handleRequest(
                        event("sqs-mixed-batch.json"),
                        context(SqsAlertHandler.START_RESERVE.minusSeconds(1).toSeconds()));

        assertThat(response.getBatchItemFailures())
                .extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly(
                        "059f36b4-87a3-44ab-83d2-661975830a7d",
                        "a1c2e3f4-5b6d-4e8f-9a0b-1c2d3e4f5a6b",
                        "d4e5f6a7-8b9c-4d0e-9f1a-2b3c4d5e6f7a",
                        "2e1424d4-f796-459a-8184-9c92662be6da");
        assertThat(investigated).isEmpty();
        assertThat(rejected).as("nothing half-done").isEmpty();
    }

    @Test
    void bodiesAreReadAsEnvelopeRawOrAnEnvelopeWithoutAMessage() {
        assertThat(SqsBody.read("{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"Message\":\"{}\"}"))
                .isEqualTo(new SqsBody("{}", "m-1", null));
        assertThat(SqsBody.read("{\"error_type\":\"X\"}")).isEqualTo(new SqsBody("{\"error_type\":\"X\"}", null, null));
        assertThat(SqsBody.read("not json")).isEqualTo(new SqsBody("not json", null, null));
        assertThat(SqsBody.read("{\"Type\":\"Notification\",\"MessageId\":\"m-2\"}")
                        .malformed())
                .contains("no Message");
    }

    @Test
    void anEnvelopeBeyondTheAlertParsersLimitsIsNotUnwrappedAndTheRecordIsRejected() {
        String twoMessages =
                "{\"Type\":\"Notification\",\"MessageId\":\"m-3\",\"Message\":\"{}\"," + "\"Message\":\"{}\"}";
        assertThat(SqsBody.read(twoMessages).snsMessageId())
                .as("two Message keys: which one is the alert is ambiguous")
                .isNull();

        SQSEvent event = event("sqs-raw.json");
        event.getRecords().get(0).setBody(twoMessages);
        SQSBatchResponse response = handler().handleRequest(event, context(45));

        assertThat(response.getBatchItemFailures())
                .as("a rejection is final, not retried")
                .isEmpty();
        assertThat(rejected)
                .singleElement()
                .satisfies(kept -> assertThat(kept.reason()).contains("appears more than once"));
        assertThat(investigated).isEmpty();
    }

    private SqsAlertHandler handler() {
        HandleAlert port = (alert, delivery) -> {
            deliveries.add(delivery);
            if (alert.lambdaName().equals(failingFunction)) {
                throw new IllegalStateException("DynamoDB throttled the write");
            }
            if (!recorded.add(alert.incidentId())) {
                return new Outcome.Duplicate(alert.incidentId());
            }
            investigated.add(alert);
            return new Outcome.Investigated(alert.incidentId(), 1, SampleIncidents.context(NOW), Map.of());
        };
        return new SqsAlertHandler(new AlertIntake(port, rejected::add, new EmfAlertMetrics(CLOCK), CLOCK));
    }

    private static SQSEvent event(String example) {
        return EventLoader.loadSQSEvent("examples/" + example);
    }

    private static com.amazonaws.services.lambda.runtime.Context context(long secondsLeft) {
        return LocalLambdaContext.of("request-sqs", Duration.ofSeconds(secondsLeft), CLOCK);
    }
}
