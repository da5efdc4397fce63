package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/** An attempt gathered the incident's context; the incident is closed. */
public record ContextGathered(IncidentId incidentId, int attempt, EnrichedContext context, Instant gatheredAt)
        implements IncidentEvent {

    public ContextGathered {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(gatheredAt, "gatheredAt");
    }

    @Override
    public Instant occurredAt() {
        return gatheredAt;
    }
}
