package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.domain.model.IncidentId;
import java.util.Optional;

/** Reads where an incident stands, from the incident-state projection. */
public interface ReadIncidentState {

    Optional<IncidentStateRow> state(IncidentId incidentId);
}
