package io.incidentsupervisor.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Take over a stale or retryably failed incident: start its first attempt if it was never started, or its next one,
 * holding a new lease. {@code startFloor} is the lease floor, which also says how long a received incident may wait for
 * its first attempt before it counts as stale (see {@link Incident#staleAt}).
 */
public record RecoverInvestigation(IncidentId incidentId, Instant now, Instant leaseUntil, Duration startFloor)
        implements IncidentCommand {

    public RecoverInvestigation {
        Objects.requireNonNull(incidentId, "incidentId");
        Commands.requireLeaseAfterNow(now, leaseUntil);
        Objects.requireNonNull(startFloor, "startFloor");
    }
}
