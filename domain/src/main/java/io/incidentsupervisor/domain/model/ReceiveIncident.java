package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Record an alert as an incident and start its first attempt at once, holding a lease until {@code leaseUntil}: one
 * decision, so an incident is never left received but unstarted. A repeated delivery of the same alert changes nothing.
 */
public record ReceiveIncident(IncidentAlert alert, Instant now, Instant leaseUntil) implements IncidentCommand {

    public ReceiveIncident {
        Objects.requireNonNull(alert, "alert");
        Commands.requireLeaseAfterNow(now, leaseUntil);
    }

    @Override
    public IncidentId incidentId() {
        return alert.incidentId();
    }
}
