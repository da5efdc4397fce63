package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.domain.model.IncidentId;
import java.util.List;

/** Replays an incident's history from the event store itself, never from a projection, for audits. */
public interface ReadIncidentHistory {

    /** Every event of the incident in order; empty if it was never received. */
    List<AuditEntry> history(IncidentId incidentId);
}
