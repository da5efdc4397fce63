package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.application.port.out.IncidentStateRow;
import java.time.Instant;
import java.util.List;

/** Lists open incidents whose investigation lease had run out by {@code now}, oldest first. */
public interface ListStaleIncidents {

    List<IncidentStateRow> staleAt(Instant now);
}
