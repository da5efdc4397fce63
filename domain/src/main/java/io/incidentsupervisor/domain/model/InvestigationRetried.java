package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/** An attempt was given up, because its lease passed or it failed retryably; the next attempt's start follows. */
public record InvestigationRetried(IncidentId incidentId, int abandonedAttempt, String cause, Instant retriedAt)
        implements IncidentEvent {

    public InvestigationRetried {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(retriedAt, "retriedAt");
    }

    @Override
    public Instant occurredAt() {
        return retriedAt;
    }
}
