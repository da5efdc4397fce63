package io.incidentsupervisor.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.incidentsupervisor.adapter.lambda.RecordOutcome.Failed;
import io.incidentsupervisor.adapter.lambda.RecordOutcome.NotReached;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SNS subscription's handler: each record's alert goes through {@link AlertIntake}. Any failure is thrown as it
 * was, so Lambda's retries and on-failure destination apply; a duplicate returns normally. {@link #deliver} says what
 * became of each record, for callers other than Lambda.
 */
public final class SnsAlertHandler implements RequestHandler<SNSEvent, Void> {

    private final AlertIntake intake;

    public SnsAlertHandler(AlertIntake intake) {
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        for (RecordOutcome outcome : deliver(event, context)) {
            if (outcome instanceof Failed failed) {
                throw failed.failure();
            }
        }
        return null;
    }

    /** Handles the records in order, stopping at the first failure; one outcome per record. */
    public List<RecordOutcome> deliver(SNSEvent event, Context context) {
        List<RecordOutcome> outcomes = new ArrayList<>();
        boolean stopped = false;
        try {
            for (SNSEvent.SNSRecord record : event.getRecords()) {
                SNSEvent.SNS sns = record.getSNS();
                RecordOutcome outcome = stopped
                        ? new NotReached(sns.getMessageId())
                        : intake.handle(
                                sns.getMessageId(),
                                sns.getMessage(),
                                context.getAwsRequestId(),
                                intake.deadline(context));
                stopped = stopped || outcome instanceof Failed;
                outcomes.add(outcome);
            }
        } finally {
            intake.metrics().publish();
        }
        return outcomes;
    }
}
