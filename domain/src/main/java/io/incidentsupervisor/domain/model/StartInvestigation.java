package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/** Start the first investigation of a received incident, holding a lease until {@code leaseUntil}. */
public record StartInvestigation(IncidentId incidentId, Instant now, Instant leaseUntil) implements IncidentCommand {

    public StartInvestigation {
        Objects.requireNonNull(incidentId, "incidentId");
        Commands.requireLeaseAfterNow(now, leaseUntil);
    }
}
