package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/** End the given attempt's investigation as failed, saying why and whether a retry may help. */
public record FailInvestigation(IncidentId incidentId, int attempt, FailureReason reason, Instant now)
        implements IncidentCommand {

    public FailInvestigation {
        Objects.requireNonNull(incidentId, "incidentId");
        Commands.requireAttempt(attempt);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(now, "now");
    }
}
