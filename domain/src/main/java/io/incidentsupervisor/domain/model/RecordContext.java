package io.incidentsupervisor.domain.model;

import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import java.time.Instant;
import java.util.Objects;

/**
 * Close the given attempt's investigation with the context it gathered and, when it reached one, its diagnosis
 * (recorded first, in the same commit).
 */
public record RecordContext(
        IncidentId incidentId, int attempt, EnrichedContext context, Diagnosis diagnosis, Instant now)
        implements IncidentCommand {

    public RecordContext {
        Objects.requireNonNull(incidentId, "incidentId");
        Commands.requireAttempt(attempt);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(now, "now");
    }

    /** Without a diagnosis: nothing was denied, or there was none to reach. */
    public RecordContext(IncidentId incidentId, int attempt, EnrichedContext context, Instant now) {
        this(incidentId, attempt, context, null, now);
    }
}
