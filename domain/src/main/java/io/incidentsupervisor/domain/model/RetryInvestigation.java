package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/** Start the next attempt of an investigation whose lease passed or that failed retryably, holding a new lease. */
public record RetryInvestigation(IncidentId incidentId, Instant now, Instant leaseUntil) implements IncidentCommand {

    public RetryInvestigation {
        Objects.requireNonNull(incidentId, "incidentId");
        Commands.requireLeaseAfterNow(now, leaseUntil);
    }
}
