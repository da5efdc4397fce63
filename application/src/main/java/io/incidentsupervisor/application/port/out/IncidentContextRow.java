package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;
import java.util.Objects;

/** The context an agent reads for one incident, as JSON, kept until {@code expiresAt} (the table's TTL). */
public record IncidentContextRow(
        IncidentId incidentId,
        String errorType,
        String contextJson,
        Instant createdAt,
        Instant expiresAt,
        long lastSequence) {

    public IncidentContextRow {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(contextJson, "contextJson");
    }
}
