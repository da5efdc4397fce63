package io.incidentsupervisor.bootstrap.cli;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.incidentsupervisor.adapter.lambda.AlertMetrics;
import io.incidentsupervisor.adapter.lambda.SnsAlertHandler;
import io.incidentsupervisor.application.intake.RejectedAlert;
import io.incidentsupervisor.application.intake.RejectedAlerts;
import io.incidentsupervisor.application.investigation.Delivery;
import io.incidentsupervisor.application.investigation.HandleIncidentAlert;
import io.incidentsupervisor.application.investigation.Outcome;
import io.incidentsupervisor.bootstrap.IncidentSupervisor;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hands an SNS event to the Lambda's own handler and reports what became of each record. */
final class Deliveries {

    static final String REJECTED = "Rejected";
    static final String FAILED = "Failed";

    /** What became of one record: an outcome, or the reason it was rejected or failed. */
    record Delivered(String messageId, String outcome, String incidentId, String detail) {}

    private Deliveries() {}

    static List<Delivered> deliver(IncidentSupervisor supervisor, SNSEvent event, Clock clock) {
        Map<String, Delivered> byMessage = new LinkedHashMap<>();
        HandleIncidentAlert observed = new HandleIncidentAlert() {
            @Override
            public Outcome handle(IncidentAlert alert, Delivery delivery) {
                Outcome outcome = supervisor.investigation.handle(alert, delivery);
                byMessage.put(delivery.messageId(), delivered(delivery.messageId(), outcome));
                return outcome;
            }

            @Override
            public Outcome recover(IncidentId incidentId, Delivery delivery) {
                return supervisor.investigation.recover(incidentId, delivery);
            }
        };
        RejectedAlerts observedRejections = new RejectedAlerts() {
            @Override
            public void keep(RejectedAlert rejected) {
                supervisor.rejected.keep(rejected);
                byMessage.put(
                        rejected.messageId(), new Delivered(rejected.messageId(), REJECTED, null, rejected.reason()));
            }

            @Override
            public List<RejectedAlert> latest(int limit) {
                return supervisor.rejected.latest(limit);
            }
        };
        RuntimeException failure = null;
        try {
            new SnsAlertHandler(observed, observedRejections, AlertMetrics.NONE, clock)
                    .handleRequest(event, new CliLambdaContext(clock));
        } catch (RuntimeException e) {
            // As in Lambda, the failing record and the ones after it are not handled: each is reported failed.
            failure = e;
        }
        List<Delivered> delivered = new ArrayList<>();
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            String messageId = record.getSNS().getMessageId();
            Delivered outcome = byMessage.get(messageId);
            delivered.add(
                    outcome != null
                            ? outcome
                            : new Delivered(
                                    messageId, FAILED, null, failure == null ? "not handled" : failure.toString()));
        }
        return delivered;
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
        if (outcome instanceof Outcome.Duplicate) {
            return new Delivered(messageId, "Duplicate", incidentId, "already received; nothing changed");
        }
        throw new IllegalArgumentException(
                "No report is defined for the outcome " + outcome.getClass().getName());
    }
}
