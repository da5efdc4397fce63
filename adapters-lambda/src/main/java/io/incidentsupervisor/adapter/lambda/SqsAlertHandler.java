package io.incidentsupervisor.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.incidentsupervisor.adapter.lambda.RecordOutcome.Failed;
import io.incidentsupervisor.adapter.lambda.RecordOutcome.NotStarted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SQS event source's handler, with partial batch responses ({@code ReportBatchItemFailures}): each message's body is
 * an SNS notification envelope (SNS to SQS without raw delivery) or the alert itself (raw delivery), read by
 * {@link SqsBody}, and goes through {@link AlertIntake} like an SNS record. A malformed message is kept as rejected and
 * succeeds (it would fail the same way again); a duplicate succeeds; a failed one, and one not started because fewer
 * than {@link #START_RESERVE} remained, is reported in {@code batchItemFailures}, so SQS redelivers exactly those.
 */
public final class SqsAlertHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** An investigation started with less than this left could not finish; the message is left for redelivery. */
    public static final Duration START_RESERVE = Duration.ofSeconds(10);

    private final AlertIntake intake;

    public SqsAlertHandler(AlertIntake intake) {
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batchResponse(deliver(event, context));
    }

    /** The messages whose outcome asks SQS to deliver them again. */
    public static SQSBatchResponse batchResponse(List<RecordOutcome> outcomes) {
        List<SQSBatchResponse.BatchItemFailure> failures = outcomes.stream()
                .filter(outcome -> outcome instanceof Failed || outcome instanceof NotStarted)
                .map(outcome -> new SQSBatchResponse.BatchItemFailure(outcome.messageId()))
                .toList();
        return new SQSBatchResponse(failures);
    }

    /** Handles every message in order, each on its own; one outcome per message. */
    public List<RecordOutcome> deliver(SQSEvent event, Context context) {
        Instant deadline = intake.deadline(context);
        List<RecordOutcome> outcomes = new ArrayList<>();
        intake.metrics().batch(event.getRecords().size());
        try {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                outcomes.add(handle(message, context, deadline));
            }
        } finally {
            intake.metrics().publish();
        }
        return outcomes;
    }

    private RecordOutcome handle(SQSEvent.SQSMessage message, Context context, Instant deadline) {
        Instant now = intake.clock().instant();
        if (now.plus(START_RESERVE).isAfter(deadline)) {
            return new NotStarted(message.getMessageId());
        }
        SqsBody body = SqsBody.read(message.getBody());
        // A message kept as rejected is named by both ids when SNS wrapped it: "<SQS message id>/<SNS message id>".
        String keptAs = body.snsMessageId() == null
                ? message.getMessageId()
                : message.getMessageId() + "/" + body.snsMessageId();
        if (body.malformed() != null) {
            return intake.reject(keptAs, body.malformed(), message.getBody(), now);
        }
        RecordOutcome outcome = intake.handle(keptAs, body.alert(), context.getAwsRequestId(), deadline);
        // A batch response names the SQS message id.
        return outcome instanceof Failed failed ? new Failed(message.getMessageId(), failed.failure()) : outcome;
    }
}
