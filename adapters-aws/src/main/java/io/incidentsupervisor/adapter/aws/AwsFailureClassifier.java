package io.incidentsupervisor.adapter.aws;

import io.incidentsupervisor.application.port.out.FailureClassifier;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentRefusal;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Says whether retrying an investigation may help, from the first cause it recognises: a domain refusal will not; a
 * write conflict may; an AWS failure as its {@link AwsFailure.Kind} says, a refusal named by AWS's own error code. What
 * it does not recognise is taken as retryable, since Lambda bounds the retries anyway.
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
        if (!(cause instanceof SdkException sdk)) {
            return null;
        }
        AwsFailure aws = AwsFailure.of(sdk);
        return switch (aws.kind()) {
            case THROTTLED, SERVICE_UNAVAILABLE ->
                new FailureReason(aws.kind().label(), aws.code() + ": " + message, true);
            case TIMEOUT, UNREACHABLE -> new FailureReason(aws.kind().label(), message, true);
            case ACCESS_DENIED, NOT_FOUND, FAILED ->
                new FailureReason(aws.code().isEmpty() ? "AwsRefused" : aws.code(), message, false);
        };
    }
}
