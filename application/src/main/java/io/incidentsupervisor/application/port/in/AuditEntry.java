package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.domain.model.IncidentEvent;
import java.time.Instant;
import java.util.Map;

/** One event of an incident's history as an auditor reads it: position, time, type, payload and metadata. */
public record AuditEntry(
        long sequence, Instant timestamp, String type, IncidentEvent event, Map<String, Object> metadata) {

    public AuditEntry {
        metadata = Map.copyOf(metadata);
    }
}
