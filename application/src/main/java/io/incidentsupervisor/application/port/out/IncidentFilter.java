package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.model.IncidentStatus;
import java.time.Instant;

/** Which incidents a listing wants: each part null for any; {@code since} bounds when the function failed. */
public record IncidentFilter(IncidentStatus status, String function, String errorType, Instant since) {

    public static final IncidentFilter ANY = new IncidentFilter(null, null, null, null);

    public boolean matches(IncidentStateRow row) {
        return (status == null || row.status() == status)
                && (function == null || row.incidentId().lambdaName().equals(function))
                && (errorType == null || errorType.equals(row.errorType()))
                && (since == null || !row.incidentId().failedAt().isBefore(since));
    }
}
