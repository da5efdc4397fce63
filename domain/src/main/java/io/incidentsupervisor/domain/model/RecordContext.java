package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/** Close the given attempt's investigation with the context it gathered. */
public record RecordContext(IncidentId incidentId, int attempt, EnrichedContext context, Instant now)
        implements IncidentCommand {

    public RecordContext {
        Objects.requireNonNull(incidentId, "incidentId");
        Commands.requireAttempt(attempt);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(now, "now");
    }
}
