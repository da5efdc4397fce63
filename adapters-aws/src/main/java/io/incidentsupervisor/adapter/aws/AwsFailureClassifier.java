package io.incidentsupervisor.adapter.aws;

import io.incidentsupervisor.application.investigation.FailureClassifier;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentRefusal;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Says whether retrying an investigation may help, from the first cause it recognises: throttling, 5xx answers,
 * timeouts, unreachable endpoints and write conflicts may pass; any other AWS refusal (AccessDenied on our own tables, a
 * validation error) and a domain refusal will not. What it does not recognise is taken as retryable, since Lambda bounds
 * the retries anyway.
 */
public final class AwsFailureClassifier implements FailureClassifier {

    @Override
    public FailureReason classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            FailureReason reason = recognise(cause, failure.getMessage());
            if (reason != null) {
                return reason;
            }
        }
        return new FailureReason(failure.getClass().getSimpleName(), failure.getMessage(), true);
    }

    private static FailureReason recognise(Throwable cause, String message) {
        if (cause instanceof IncidentRefusal refusal) {
            return new FailureReason(refusal.getClass().getSimpleName(), message, false);
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return new FailureReason("Conflict", message, true);
        }
        if (cause instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null
                    ? ""
                    : service.awsErrorDetails().errorCode();
            if (service.isThrottlingException()) {
                return new FailureReason("Throttled", code + ": " + message, true);
            }
            if (service.statusCode() >= 500) {
                return new FailureReason("ServiceUnavailable", code + ": " + message, true);
            }
            return new FailureReason(code.isEmpty() ? "AwsRefused" : code, message, false);
        }
        if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
            return new FailureReason("Timeout", message, true);
        }
        if (cause instanceof SdkClientException) {
            return new FailureReason("Unreachable", message, true);
        }
        return null;
    }
}
