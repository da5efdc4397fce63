package io.incidentsupervisor.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.incidentsupervisor.adapter.lambda.RecordOutcome.Failed;
import io.incidentsupervisor.adapter.lambda.RecordOutcome.Handled;
import io.incidentsupervisor.adapter.lambda.RecordOutcome.NotReached;
import io.incidentsupervisor.adapter.lambda.RecordOutcome.Rejected;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.HandleAlert;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.in.RecordRejectedAlert;
import io.incidentsupervisor.application.port.out.RejectedAlert;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.InvalidAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SNS subscription's handler: each record's alert goes to {@link HandleAlert} with the invocation's deadline. A
 * malformed alert is kept with its reason and not retried; its body is never logged. Any other failure is thrown as it
 * was, so Lambda's retries and on-failure destination apply; a duplicate returns normally. {@link #deliver} says what
 * became of each record, for callers other than Lambda.
 */
public final class SnsAlertHandler implements RequestHandler<SNSEvent, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(SnsAlertHandler.class);

    private final HandleAlert alerts;
    private final RecordRejectedAlert rejected;
    private final AlertMetrics metrics;
    private final Clock clock;

    public SnsAlertHandler(HandleAlert alerts, RecordRejectedAlert rejected, AlertMetrics metrics, Clock clock) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.rejected = Objects.requireNonNull(rejected, "rejected");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
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
                RecordOutcome outcome =
                        stopped ? new NotReached(record.getSNS().getMessageId()) : handle(record.getSNS(), context);
                stopped = stopped || outcome instanceof Failed;
                outcomes.add(outcome);
            }
        } finally {
            metrics.publish();
        }
        return outcomes;
    }

    private RecordOutcome handle(SNSEvent.SNS sns, Context context) {
        Instant started = clock.instant();
        metrics.received();
        IncidentAlert alert;
        try {
            alert = AlertMessage.parse(sns.getMessage(), started);
        } catch (InvalidAlert invalid) {
            rejected.record(new RejectedAlert(sns.getMessageId(), invalid.getMessage(), sns.getMessage(), started));
            metrics.rejected();
            LOG.atWarn()
                    .addKeyValue("messageId", sns.getMessageId())
                    .addKeyValue("outcome", "Rejected")
                    .addKeyValue("reason", invalid.getMessage())
                    .log("Rejected alert");
            return new Rejected(sns.getMessageId(), invalid.getMessage());
        }
        Instant deadline = started.plusMillis(context.getRemainingTimeInMillis());
        Outcome outcome;
        try {
            outcome = alerts.handle(alert, new Delivery(sns.getMessageId(), context.getAwsRequestId(), deadline));
        } catch (RuntimeException failure) {
            metrics.failed();
            LOG.atError()
                    .addKeyValue("messageId", sns.getMessageId())
                    .addKeyValue("incidentId", alert.incidentId().value())
                    .addKeyValue("outcome", "Failed")
                    .addKeyValue("durationMs", millisSince(started))
                    .addKeyValue("error", failure.getClass().getName())
                    .log("Alert failed; thrown for Lambda to retry");
            return new Failed(sns.getMessageId(), failure);
        }
        metrics.handled(outcome);
        LOG.atInfo()
                .addKeyValue("messageId", sns.getMessageId())
                .addKeyValue("incidentId", outcome.incidentId().value())
                .addKeyValue("outcome", outcome.getClass().getSimpleName())
                .addKeyValue("durationMs", millisSince(started))
                .log("Handled alert");
        return new Handled(sns.getMessageId(), outcome);
    }

    private long millisSince(Instant started) {
        return Duration.between(started, clock.instant()).toMillis();
    }
}
