package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One incident's current state as agents and operators read it. {@code staleAt} is set only while the incident is open
 * (RECEIVED or INVESTIGATING): the lease end, or for an incident never started, its receipt plus the lease floor.
 * {@code evidencePendingUntil} is set while its diagnosis waits for change evidence CloudTrail may still deliver.
 * {@code firstSeen}, {@code lastSeen} and {@code occurrences} count the alerts of its episode (the first one is 1);
 * {@code rootCause} is the change its verdict blames, by which incidents are grouped, or null.
 */
public record IncidentStateRow(
        IncidentId incidentId,
        String errorType,
        IncidentStatus status,
        int attempt,
        Instant leaseUntil,
        Instant updatedAt,
        long lastSequence,
        FailureReason error,
        Instant staleAt,
        Instant evidencePendingUntil,
        Instant firstSeen,
        Instant lastSeen,
        int occurrences,
        RootCause rootCause) {

    public IncidentStateRow {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        if (occurrences < 1) {
            throw new IllegalArgumentException("An incident counts its first alert: occurrences " + occurrences);
        }
    }
}
