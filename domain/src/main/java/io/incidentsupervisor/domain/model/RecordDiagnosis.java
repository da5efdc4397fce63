package io.incidentsupervisor.domain.model;

import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import java.time.Instant;
import java.util.Objects;

/**
 * Record a verdict: the investigating attempt's, or, once the incident is closed, an update while its change evidence
 * was pending.
 */
public record RecordDiagnosis(IncidentId incidentId, int attempt, Diagnosis diagnosis, Instant now)
        implements IncidentCommand {

    public RecordDiagnosis {
        Objects.requireNonNull(incidentId, "incidentId");
        Commands.requireAttempt(attempt);
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(now, "now");
    }
}
