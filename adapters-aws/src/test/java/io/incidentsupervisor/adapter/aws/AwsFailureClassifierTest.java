package io.incidentsupervisor.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentRefusal.NotInvestigating;
import io.incidentsupervisor.domain.model.IncidentStatus;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class AwsFailureClassifierTest {

    private final AwsFailureClassifier classifier = new AwsFailureClassifier();

    @Test
    void throttlingBehindTheEventStoreIsRetryable() {
        EventStoreException wrapped = new EventStoreException(
                "Could not reserve global sequence numbers",
                ProvisionedThroughputExceededException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ProvisionedThroughputExceededException")
                                .build())
                        .build());
        FailureReason reason = classifier.classify(wrapped);
        assertThat(reason.type()).isEqualTo("Throttled");
        assertThat(reason.retryable()).isTrue();
    }

    @Test
    void fiveHundredsTimeoutsAndConflictsAreRetryable() {
        assertThat(classifier.classify(service(503, "InternalServerError")).retryable())
                .isTrue();
        assertThat(classifier.classify(ApiCallTimeoutException.create(10_000)).type())
                .isEqualTo("Timeout");
        assertThat(classifier
                        .classify(SdkClientException.create("Connection refused"))
                        .type())
                .isEqualTo("Unreachable");
        assertThat(classifier.classify(new ConcurrencyException("taken")).retryable())
                .isTrue();
    }

    @Test
    void accessDeniedOnOurOwnTablesAndValidationErrorsAreNot() {
        FailureReason denied =
                classifier.classify(new EventStoreException("append failed", service(400, "AccessDeniedException")));
        assertThat(denied.type()).isEqualTo("AccessDeniedException");
        assertThat(denied.retryable()).isFalse();
        assertThat(classifier.classify(service(400, "ValidationException")).retryable())
                .isFalse();
    }

    @Test
    void domainRefusalsAreNotRetryable() {
        FailureReason refusal = classifier.classify(
                new NotInvestigating(new IncidentId("fn#2026-11-23T08:00:00Z"), IncidentStatus.FAILED));
        assertThat(refusal.type()).isEqualTo("NotInvestigating");
        assertThat(refusal.retryable()).isFalse();
    }

    @Test
    void anythingUnrecognisedIsRetryableAndNamedByItsClass() {
        FailureReason unknown = classifier.classify(new IllegalStateException("tokenizer broke"));
        assertThat(unknown.type()).isEqualTo("IllegalStateException");
        assertThat(unknown.message()).isEqualTo("tokenizer broke");
        assertThat(unknown.retryable()).isTrue();
    }

    private static DynamoDbException service(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder()
                .statusCode(status)
                .message(code)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(code)
                        .build())
                .build();
    }
}
