package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/** Record that one collector of the given attempt finished; this heartbeat renews the lease to {@code leaseUntil}. */
public record RecordCollectorOutcome(
        IncidentId incidentId, int attempt, String collector, boolean succeeded, Instant now, Instant leaseUntil)
        implements IncidentCommand {

    public RecordCollectorOutcome {
        Objects.requireNonNull(incidentId, "incidentId");
        Commands.requireAttempt(attempt);
        Objects.requireNonNull(collector, "collector");
        Commands.requireLeaseAfterNow(now, leaseUntil);
    }
}
