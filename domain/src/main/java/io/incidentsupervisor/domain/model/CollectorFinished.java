package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/** One collector of an attempt finished, well or not; the attempt's lease now runs until {@code leaseUntil}. */
public record CollectorFinished(
        IncidentId incidentId, int attempt, String collector, boolean succeeded, Instant finishedAt, Instant leaseUntil)
        implements IncidentEvent {

    public CollectorFinished {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    @Override
    public Instant occurredAt() {
        return finishedAt;
    }
}
