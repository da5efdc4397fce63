package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Another alert of the incident's failure arrived while its episode was open: counted here, never investigated again.
 * {@code messageId} is the delivery's (the SNS message id), {@code failedAt} the alert's timestamp, {@code receivedAt}
 * when it was handled.
 */
public record IncidentRecurred(IncidentId incidentId, String messageId, Instant failedAt, Instant receivedAt)
        implements IncidentEvent {

    public IncidentRecurred {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public Instant occurredAt() {
        return receivedAt;
    }
}
