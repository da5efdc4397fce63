package io.incidentsupervisor.domain.model;

import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import java.time.Instant;
import java.util.Objects;

/**
 * The verdict on the incident as of {@code diagnosedAt}; a later one (late change evidence) replaces it. Recorded by the
 * attempt that gathered the evidence.
 */
public record IncidentDiagnosed(IncidentId incidentId, int attempt, Diagnosis diagnosis, Instant diagnosedAt)
        implements IncidentEvent {

    public IncidentDiagnosed {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(diagnosedAt, "diagnosedAt");
    }

    @Override
    public Instant occurredAt() {
        return diagnosedAt;
    }
}
