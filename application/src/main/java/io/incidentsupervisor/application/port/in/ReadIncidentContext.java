package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.application.port.out.IncidentContextRow;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;
import java.util.Optional;

/** Reads the context an agent reads for an incident, unless it had expired by {@code now}. */
public interface ReadIncidentContext {

    Optional<IncidentContextRow> context(IncidentId incidentId, Instant now);
}
