package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/** An attempt failed for the given reason. */
public record InvestigationFailed(IncidentId incidentId, int attempt, FailureReason reason, Instant failedAt)
        implements IncidentEvent {

    public InvestigationFailed {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failedAt, "failedAt");
    }

    @Override
    public Instant occurredAt() {
        return failedAt;
    }
}
