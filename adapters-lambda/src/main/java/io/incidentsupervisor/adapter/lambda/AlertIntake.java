package io.incidentsupervisor.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.incidentsupervisor.adapter.lambda.RecordOutcome.Failed;
import io.incidentsupervisor.adapter.lambda.RecordOutcome.Handled;
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
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One alert message, whichever way it came (an SNS record, an SQS message): parsed, handed to {@link HandleAlert} with
 * the invocation's deadline, and counted and logged alike. A malformed alert is kept with its reason and not retried;
 * its body is never logged. A failure is returned as it was, for the entry to retry as its trigger does.
 */
public final class AlertIntake {

    private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);

    private final HandleAlert alerts;
    private final RecordRejectedAlert rejected;
    private final AlertMetrics metrics;
    private final Clock clock;

    public AlertIntake(HandleAlert alerts, RecordRejectedAlert rejected, AlertMetrics metrics, Clock clock) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.rejected = Objects.requireNonNull(rejected, "rejected");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Clock clock() {
        return clock;
    }

    /** When the invocation ends: what each alert's investigation must finish before. */
    Instant deadline(Context context) {
        return clock.instant().plusMillis(context.getRemainingTimeInMillis());
    }

    AlertMetrics metrics() {
        return metrics;
    }

    /** The alert in {@code body}, delivered as {@code messageId} within the invocation {@code requestId}. */
    RecordOutcome handle(String messageId, String body, String requestId, Instant deadline) {
        Instant started = clock.instant();
        metrics.received();
        IncidentAlert alert;
        try {
            alert = AlertMessage.parse(body, started);
        } catch (InvalidAlert invalid) {
            return reject(messageId, invalid.getMessage(), body, started);
        }
        Outcome outcome;
        try {
            outcome = alerts.handle(alert, new Delivery(messageId, requestId, deadline));
        } catch (RuntimeException failure) {
            metrics.failed();
            LOG.atError()
                    .addKeyValue("messageId", messageId)
                    .addKeyValue("incidentId", alert.incidentId().value())
                    .addKeyValue("outcome", "Failed")
                    .addKeyValue("durationMs", millisSince(started))
                    .addKeyValue("error", failure.getClass().getName())
                    .log("Alert failed; left for its trigger to retry");
            return new Failed(messageId, failure);
        }
        metrics.handled(outcome);
        LOG.atInfo()
                .addKeyValue("messageId", messageId)
                .addKeyValue("incidentId", outcome.incidentId().value())
                .addKeyValue("outcome", outcome.getClass().getSimpleName())
                .addKeyValue("durationMs", millisSince(started))
                .log("Handled alert");
        return new Handled(messageId, outcome);
    }

    /** Keeps a message that holds no alert, with its reason; logged by its id, never its body. */
    RecordOutcome reject(String messageId, String reason, String body, Instant at) {
        rejected.record(RejectedAlert.of(messageId, reason, body, at));
        metrics.rejected();
        LOG.atWarn()
                .addKeyValue("messageId", messageId)
                .addKeyValue("outcome", "Rejected")
                .addKeyValue("reason", reason)
                .log("Rejected alert");
        return new Rejected(messageId, reason);
    }

    private long millisSince(Instant started) {
        return Duration.between(started, clock.instant()).toMillis();
    }
}
