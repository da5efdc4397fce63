package io.incidentsupervisor.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.HandleAlert;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.out.RejectedAlert;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.SampleIncidents;
import io.incidentsupervisor.domain.model.SecretRedactor;
import io.incidentsupervisor.local.LocalLambdaContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The handler driven by real SNS event JSON (the files in examples/), with the use case and the rejected store stood in. */
class SnsAlertHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:02Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SECRET = "hunter2-Sup3rS3cret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<IncidentAlert> handled = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<RejectedAlert> rejected = new ArrayList<>();

    @RegisterExtension
    final StandardOutput logs = new StandardOutput();

    private Function<IncidentAlert, Outcome> useCase = alert -> new Outcome.Duplicate(alert.incidentId());

    @Test
    void aValidAlertIsHandledWithTheInvocationsDeadlineAndIds() {
        handler()
                .handleRequest(
                        EventLoader.loadSNSEvent("examples/sns-s3-access-error.json"),
                        LocalLambdaContext.of("request-7f1c", Duration.ofSeconds(45), CLOCK));

        assertThat(handled).singleElement().satisfies(alert -> {
            assertThat(alert.errorType()).isEqualTo("S3AccessError");
            assertThat(alert.lambdaName()).isEqualTo("data-processor");
            assertThat(alert.timestamp()).isEqualTo(Instant.parse("2026-11-23T08:00:00.512Z"));
        });
        assertThat(deliveries)
                .containsExactly(
                        new Delivery("95df01b4-ee98-5cb9-9903-4c221d41eb5e", "request-7f1c", NOW.plusSeconds(45)));
        assertThat(logs.text())
                .contains("messageId=95df01b4-ee98-5cb9-9903-4c221d41eb5e")
                .contains("incidentId=data-processor#2026-11-23T08:00:00.512Z")
                .contains("outcome=Duplicate");
    }

    @Test
    void aDuplicateIsCountedAndReturnsNormally() {
        handler()
                .handleRequest(
                        EventLoader.loadSNSEvent("examples/sns-s3-access-error.json"),
                        LocalLambdaContext.of("request-7f1c", Duration.ofSeconds(45), CLOCK));

        JsonNode metrics = emfLines().get(0);
        assertThat(metrics.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo(EmfAlertMetrics.NAMESPACE);
        assertThat(metrics.at("/_aws/Timestamp").asLong())
                .as("stamped when written, not when the metrics object was built")
                .isEqualTo(NOW.toEpochMilli());
        assertThat(metrics.path("AlertsReceived").asDouble()).isEqualTo(1);
        assertThat(metrics.path("AlertsDuplicate").asDouble()).isEqualTo(1);
        assertThat(metrics.has("AlertsRejected")).isFalse();
    }

    @Test
    void anInvestigatedAlertPublishesItsTokensAndEachCollectorsLatency() {
        useCase = alert -> new Outcome.Investigated(
                alert.incidentId(),
                1,
                SampleIncidents.context(NOW),
                Map.of("lambda-configuration", Duration.ofMillis(42)));

        handler()
                .handleRequest(
                        EventLoader.loadSNSEvent("examples/sns-s3-access-error.json"),
                        LocalLambdaContext.of("request-7f1c", Duration.ofSeconds(45), CLOCK));

        List<JsonNode> lines = emfLines();
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("CollectorLatency").asDouble()).isEqualTo(42);
            assertThat(line.path("Collector").asText()).isEqualTo("lambda-configuration");
            assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText())
                    .isEqualTo("Milliseconds");
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("ContextTokens").asDouble())
                    .isEqualTo(SampleIncidents.context(NOW).tokenCount());
            assertThat(line.path("AlertsReceived").asDouble()).isEqualTo(1);
        });
        assertThat(logs.text()).contains("outcome=Investigated");
    }

    @Test
    void everyExampleWithAValidAlertParsesAndOffsetsAreNormalised() {
        for (String example : List.of(
                "sns-s3-access-error.json", "sns-cloudwatch-access-error.json", "sns-unknown-error-type.json")) {
            handler()
                    .handleRequest(
                            EventLoader.loadSNSEvent("examples/" + example),
                            LocalLambdaContext.of("request-7f1c", Duration.ofSeconds(45), CLOCK));
        }
        assertThat(handled)
                .extracting(IncidentAlert::errorType)
                .containsExactly("S3AccessError", "CloudWatchAccessError", "DownstreamTimeout");
        assertThat(handled.get(2).incidentId()).isEqualTo(new IncidentId("data-processor#2026-11-23T08:00:00Z"));
        assertThat(rejected).isEmpty();
    }

    @Test
    void theMalformedExampleIsKeptNotRetriedAndItsBodyIsNotLogged() {
        handler()
                .handleRequest(
                        EventLoader.loadSNSEvent("examples/sns-malformed.json"),
                        LocalLambdaContext.of("request-7f1c", Duration.ofSeconds(45), CLOCK));

        assertThat(handled).isEmpty();
        assertThat(rejected).singleElement().satisfies(kept -> {
            assertThat(kept.messageId()).isEqualTo("5e4d3c2b-1a09-5f8e-9d7c-6b5a4f3e2d1c");
            assertThat(kept.reason()).startsWith("timestamp is not an ISO-8601 date-time");
            assertThat(kept.body()).contains("rm -rf /");
        });
        assertThat(logs.text())
                .contains("messageId=5e4d3c2b-1a09-5f8e-9d7c-6b5a4f3e2d1c")
                .contains("timestamp is not an ISO-8601")
                .doesNotContain("rm -rf");
        assertThat(emfLines().get(0).path("AlertsRejected").asDouble()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not JSON|{\"error_type\": \"S3AccessError\", password=" + SECRET + "|the message is not JSON",
                "not an object|[\"S3AccessError\"]|the message is JSON but not an object",
                "missing field|{\"error_type\":\"S3AccessError\",\"error_message\":\"denied " + SECRET
                        + "\",\"error_code\":\"AccessDenied\",\"timestamp\":\"2026-11-23T08:00:00Z\"}|lambda_name is missing",
                "mistyped field|{\"error_type\":\"S3AccessError\",\"error_message\":\"denied " + SECRET
                        + "\",\"error_code\":\"AccessDenied\",\"lambda_name\":42,\"timestamp\":\"2026-11-23T08:00:00Z\"}|lambda_name must be a string, not number",
                "bad lambda_name|{\"error_type\":\"S3AccessError\",\"error_message\":\"denied " + SECRET
                        + "\",\"error_code\":\"AccessDenied\",\"lambda_name\":\"a/b\",\"timestamp\":\"2026-11-23T08:00:00Z\"}|lambda_name must match",
                "unparseable timestamp|{\"error_type\":\"S3AccessError\",\"error_message\":\"denied " + SECRET
                        + "\",\"error_code\":\"AccessDenied\",\"lambda_name\":\"data-processor\",\"timestamp\":\"23/11/2026\"}|timestamp is not an ISO-8601 date-time"
            })
    void eachKindOfMalformedAlertIsKeptWithItsReasonAndNeverLogsTheBody(String kind, String message, String reason) {
        handler()
                .handleRequest(
                        withMessage(message), LocalLambdaContext.of("request-7f1c", Duration.ofSeconds(45), CLOCK));

        assertThat(handled).isEmpty();
        assertThat(rejected).singleElement().satisfies(kept -> {
            assertThat(kept.reason()).startsWith(reason);
            assertThat(kept.body())
                    .as("kept as received, secret-looking values redacted")
                    .isEqualTo(SecretRedactor.redact(message).text());
        });
        assertThat(logs.text()).contains(reason).doesNotContain(SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "sns-deep-nesting.json|0b1c2d3e-0001-4000-8000-000000000001|the message nests deeper than 16 levels",
                "sns-long-number.json|0b1c2d3e-0002-4000-8000-000000000002|a number in the message is longer than 50 characters",
                "sns-duplicate-keys.json|0b1c2d3e-0003-4000-8000-000000000003|the key lambda_name appears more than once",
                "sns-year-99999.json|0b1c2d3e-0004-4000-8000-000000000004|timestamp is more than 24 hours after the time the alert was received"
            })
    void aHostileAlertIsRejectedWithASpecificReasonNeverThrown(String example, String messageId, String reason) {
        SNSEvent event = EventLoader.loadSNSEvent("examples/hostile/" + example);

        handler().handleRequest(event, LocalLambdaContext.of("request-7f1c", Duration.ofSeconds(45), CLOCK));

        assertThat(handled).isEmpty();
        assertThat(rejected).singleElement().satisfies(kept -> {
            assertThat(kept.messageId()).isEqualTo(messageId);
            assertThat(kept.reason()).isEqualTo(reason);
        });
        assertThat(logs.text())
                .contains("messageId=" + messageId)
                .contains(reason)
                .doesNotContain("99999")
                .doesNotContain("billing");
    }

    @Test
    void aTimestampBefore2000IsRejected() {
        handler()
                .handleRequest(
                        withMessage(
                                "{\"error_type\":\"S3AccessError\",\"error_message\":\"denied\",\"error_code\":\"AccessDenied\","
                                        + "\"lambda_name\":\"data-processor\",\"timestamp\":\"1970-01-01T00:00:00Z\"}"),
                        LocalLambdaContext.of("request-7f1c", Duration.ofSeconds(45), CLOCK));

        assertThat(handled).isEmpty();
        assertThat(rejected)
                .singleElement()
                .satisfies(kept -> assertThat(kept.reason()).startsWith("timestamp is before 2000-01-01"));
    }

    @Test
    void anOversizedAlertIsKeptBoundedAndRejected() {
        String message = "{\"error_type\":\"S3AccessError\",\"error_message\":\"" + "x".repeat(100_000)
                + "\",\"error_code\":\"AccessDenied\",\"lambda_name\":\"data-processor\",\"timestamp\":\"2026-11-23T08:00:00Z\"}";

        handler()
                .handleRequest(
                        withMessage(message), LocalLambdaContext.of("request-7f1c", Duration.ofSeconds(45), CLOCK));

        assertThat(rejected).singleElement().satisfies(kept -> {
            assertThat(kept.reason())
                    .isEqualTo("the message is " + message.length() + " characters; at most 65536 are accepted");
            assertThat(kept.body()).hasSize(RejectedAlert.MAX_BODY_CHARACTERS);
        });
    }

    @Test
    void aTransientFailureIsThrownSoLambdaRetries() {
        IllegalStateException dynamoDbUnavailable = new IllegalStateException("DynamoDB unavailable");
        useCase = alert -> {
            throw dynamoDbUnavailable;
        };

        assertThatThrownBy(() -> handler()
                        .handleRequest(
                                EventLoader.loadSNSEvent("examples/sns-s3-access-error.json"),
                                LocalLambdaContext.of("request-7f1c", Duration.ofSeconds(45), CLOCK)))
                .isSameAs(dynamoDbUnavailable);
        assertThat(rejected).isEmpty();
        assertThat(emfLines().get(0).path("InvestigationsFailed").asDouble())
                .as("published although the invocation throws")
                .isEqualTo(1);
        assertThat(logs.text())
                .contains("outcome=Failed")
                .contains("incidentId=data-processor#2026-11-23T08:00:00.512Z")
                .doesNotContain("DynamoDB unavailable");
    }

    private SnsAlertHandler handler() {
        HandleAlert port = (alert, delivery) -> {
            handled.add(alert);
            deliveries.add(delivery);
            return useCase.apply(alert);
        };
        return new SnsAlertHandler(new AlertIntake(port, rejected::add, new EmfAlertMetrics(CLOCK), CLOCK));
    }

    /** The CloudWatch Embedded Metric Format lines the handler wrote to standard output. */
    private List<JsonNode> emfLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logs.text().split("\\R")) {
            if (line.startsWith("{\"_aws\"")) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    throw new AssertionError("An EMF line is not JSON: " + line, e);
                }
            }
        }
        assertThat(lines).as("EMF lines in " + logs).isNotEmpty();
        return lines;
    }

    private static SNSEvent withMessage(String message) {
        SNSEvent event = EventLoader.loadSNSEvent("examples/sns-s3-access-error.json");
        event.getRecords().get(0).getSNS().setMessage(message);
        return event;
    }
}
