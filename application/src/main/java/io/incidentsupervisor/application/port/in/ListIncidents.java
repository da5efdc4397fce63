package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.application.port.out.IncidentFilter;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import java.util.List;

/** Lists incidents, the most recent failure first. */
public interface ListIncidents {

    List<IncidentStateRow> recent(IncidentFilter filter, int limit);
}
