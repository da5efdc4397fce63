package io.incidentsupervisor.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.incidentsupervisor.application.intake.RejectedAlert;
import io.incidentsupervisor.application.intake.RejectedAlerts;
import io.incidentsupervisor.application.investigation.Delivery;
import io.incidentsupervisor.application.investigation.HandleIncidentAlert;
import io.incidentsupervisor.application.investigation.Outcome;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.InvalidAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SNS subscription's handler: each record's alert goes to {@link HandleIncidentAlert} with the invocation's deadline.
 * A malformed alert is kept with its reason and not retried; its body is never logged. Any other failure is thrown, so
 * Lambda's retries and on-failure destination apply; a duplicate returns normally.
 */
public final class SnsAlertHandler implements RequestHandler<SNSEvent, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(SnsAlertHandler.class);

    private final HandleIncidentAlert alerts;
    private final RejectedAlerts rejected;
    private final AlertMetrics metrics;
    private final Clock clock;

    public SnsAlertHandler(HandleIncidentAlert alerts, RejectedAlerts rejected, AlertMetrics metrics, Clock clock) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.rejected = Objects.requireNonNull(rejected, "rejected");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        try {
            for (SNSEvent.SNSRecord record : event.getRecords()) {
                handle(record.getSNS(), context);
            }
        } finally {
            metrics.publish();
        }
        return null;
    }

    private void handle(SNSEvent.SNS sns, Context context) {
        Instant started = clock.instant();
        metrics.received();
        IncidentAlert alert;
        try {
            alert = AlertMessage.parse(sns.getMessage(), started);
        } catch (InvalidAlert invalid) {
            rejected.keep(new RejectedAlert(sns.getMessageId(), invalid.getMessage(), sns.getMessage(), started));
            metrics.rejected();
            LOG.atWarn()
                    .addKeyValue("messageId", sns.getMessageId())
                    .addKeyValue("outcome", "Rejected")
                    .addKeyValue("reason", invalid.getMessage())
                    .log("Rejected alert");
            return;
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
            throw failure;
        }
        metrics.handled(outcome);
        LOG.atInfo()
                .addKeyValue("messageId", sns.getMessageId())
                .addKeyValue("incidentId", outcome.incidentId().value())
                .addKeyValue("outcome", outcome.getClass().getSimpleName())
                .addKeyValue("durationMs", millisSince(started))
                .log("Handled alert");
    }

    private long millisSince(Instant started) {
        return Duration.between(started, clock.instant()).toMillis();
    }
}
