package io.incidentsupervisor.bootstrap.cli;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.incidentsupervisor.adapter.lambda.RecordOutcome;
import io.incidentsupervisor.adapter.lambda.SnsAlertHandler;
import io.incidentsupervisor.adapter.lambda.SqsAlertHandler;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.local.LocalLambdaContext;
import java.time.Clock;
import java.util.List;

/** Hands an SNS or SQS event to the Lambda's own handler and reports what became of each record, one line each. */
final class Deliveries {

    static final String REJECTED = "Rejected";
    static final String FAILED = "Failed";

    /** What became of one record: an outcome, or the reason it was rejected or failed. */
    record Delivered(String messageId, String outcome, String incidentId, String detail) {}

    private Deliveries() {}

    static List<Delivered> deliver(SnsAlertHandler handler, SNSEvent event, Clock clock) {
        return handler.deliver(event, LocalLambdaContext.forCli(clock)).stream()
                .map(Deliveries::delivered)
                .toList();
    }

    /** What became of each message, and the partial batch response the SQS entry would answer. */
    record Batch(List<Delivered> delivered, SQSBatchResponse response) {}

    static Batch deliver(SqsAlertHandler handler, SQSEvent event, Clock clock) {
        List<RecordOutcome> outcomes = handler.deliver(event, LocalLambdaContext.forCli(clock));
        return new Batch(
                outcomes.stream().map(Deliveries::delivered).toList(), SqsAlertHandler.batchResponse(outcomes));
    }

    private static Delivered delivered(RecordOutcome record) {
        if (record instanceof RecordOutcome.Handled handled) {
            return delivered(handled.messageId(), handled.outcome());
        }
        if (record instanceof RecordOutcome.Rejected rejected) {
            return new Delivered(rejected.messageId(), REJECTED, null, rejected.reason());
        }
        if (record instanceof RecordOutcome.Failed failed) {
            return new Delivered(
                    failed.messageId(), FAILED, null, failed.failure().toString());
        }
        if (record instanceof RecordOutcome.NotStarted) {
            return new Delivered(
                    record.messageId(), FAILED, null, "not started: too near the deadline; left for redelivery");
        }
        return new Delivered(record.messageId(), FAILED, null, "not handled: an earlier record of the event failed");
    }

    static Delivered delivered(String messageId, Outcome outcome) {
        String incidentId = outcome.incidentId().value();
        if (outcome instanceof Outcome.Investigated investigated) {
            return new Delivered(
                    messageId,
                    "Investigated",
                    incidentId,
                    "attempt " + investigated.attempt() + ", "
                            + investigated.context().results().size() + " collectors, "
                            + investigated.context().tokenCount() + " tokens of context");
        }
        if (outcome instanceof Outcome.Refused refused) {
            return new Delivered(
                    messageId,
                    "Refused",
                    incidentId,
                    refused.reason().type() + ": " + refused.reason().message());
        }
        if (outcome instanceof Outcome.Recurred recurred) {
            return new Delivered(
                    messageId,
                    "Recurred",
                    incidentId,
                    "occurrence " + recurred.occurrences() + " of this open incident; counted, not investigated again");
        }
        if (outcome instanceof Outcome.Duplicate) {
            return new Delivered(messageId, "Duplicate", incidentId, "already received; nothing changed");
        }
        throw new IllegalArgumentException(
                "No report is defined for the outcome " + outcome.getClass().getName());
    }
}
