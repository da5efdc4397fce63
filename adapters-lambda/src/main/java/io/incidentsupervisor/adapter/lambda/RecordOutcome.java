package io.incidentsupervisor.adapter.lambda;

import io.incidentsupervisor.application.port.in.Outcome;

/** What became of one record (an SNS record, an SQS message) of an invocation. */
public sealed interface RecordOutcome {

    String messageId();

    /** The alert went to the use case, which answered. */
    record Handled(String messageId, Outcome outcome) implements RecordOutcome {}

    /** The alert was malformed: kept as rejected, for this reason, and not retried. */
    record Rejected(String messageId, String reason) implements RecordOutcome {}

    /** Handling the alert threw; the invocation rethrows this very exception so Lambda retries it. */
    record Failed(String messageId, RuntimeException failure) implements RecordOutcome {}

    /** A record after a failed one: like Lambda, the SNS handler stops at the first failure. */
    record NotReached(String messageId) implements RecordOutcome {}

    /** A message not started because the invocation's deadline was too near: left whole for redelivery. */
    record NotStarted(String messageId) implements RecordOutcome {}
}
