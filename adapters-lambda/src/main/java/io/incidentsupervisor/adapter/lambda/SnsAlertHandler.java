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
    private final Clock clock;

    public SnsAlertHandler(HandleIncidentAlert alerts, RejectedAlerts rejected, Clock clock) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.rejected = Objects.requireNonNull(rejected, "rejected");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            handle(record.getSNS(), context);
        }
        return null;
    }

    private void handle(SNSEvent.SNS sns, Context context) {
        Instant started = clock.instant();
        IncidentAlert alert;
        try {
            alert = AlertMessage.parse(sns.getMessage());
        } catch (InvalidAlert invalid) {
            rejected.keep(new RejectedAlert(sns.getMessageId(), invalid.getMessage(), sns.getMessage(), started));
            LOG.warn("Rejected alert: messageId={} reason={}", sns.getMessageId(), invalid.getMessage());
            return;
        }
        Instant deadline = started.plusMillis(context.getRemainingTimeInMillis());
        Outcome outcome = alerts.handle(alert, new Delivery(sns.getMessageId(), context.getAwsRequestId(), deadline));
        LOG.info("Handled alert: messageId={} incidentId={} outcome={} durationMs={}", sns.getMessageId(), outcome.incidentId(),
                outcome.getClass().getSimpleName(), Duration.between(started, clock.instant()).toMillis());
    }
}
