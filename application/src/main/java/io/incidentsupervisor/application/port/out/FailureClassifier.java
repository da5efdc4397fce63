package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.model.FailureReason;

/** Says what kind of failure an exception is and whether retrying may help; the AWS-aware one lives in adapters-aws. */
@FunctionalInterface
public interface FailureClassifier {

    FailureReason classify(Throwable failure);

    /** Without knowledge of the cause: retryable, typed by the exception's class. */
    FailureClassifier UNKNOWN_IS_RETRYABLE =
            failure -> new FailureReason(failure.getClass().getSimpleName(), failure.getMessage(), true);
}
