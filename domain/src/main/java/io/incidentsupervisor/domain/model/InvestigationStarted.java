package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/** An investigation attempt started and holds a lease until {@code leaseUntil}. */
public record InvestigationStarted(IncidentId incidentId, int attempt, Instant startedAt, Instant leaseUntil)
        implements IncidentEvent {

    public InvestigationStarted {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    @Override
    public Instant occurredAt() {
        return startedAt;
    }
}
