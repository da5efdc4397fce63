package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.application.port.out.IncidentFilter;
import io.incidentsupervisor.application.port.out.IncidentPage;
import io.incidentsupervisor.domain.model.IncidentId;

/** Lists incidents, the most recent failure first. */
public interface ListIncidents {

    /** A page of at most {@code limit}, from just after {@code after} (null: from the most recent). */
    IncidentPage recent(IncidentFilter filter, IncidentId after, int limit);
}
