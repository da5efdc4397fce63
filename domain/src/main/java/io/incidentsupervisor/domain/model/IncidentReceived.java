package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/** An alert was recorded as a new incident. */
public record IncidentReceived(IncidentId incidentId, IncidentAlert alert, Instant receivedAt)
        implements IncidentEvent {

    public IncidentReceived {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public Instant occurredAt() {
        return receivedAt;
    }
}
