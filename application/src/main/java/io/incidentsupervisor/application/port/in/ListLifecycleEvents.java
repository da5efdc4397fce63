package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.domain.model.IncidentId;
import java.util.List;

/** Incoming: the lifecycle events an incident's committed history gives, in order; empty for an unknown incident. */
public interface ListLifecycleEvents {

    List<LifecycleEvent> lifecycleEvents(IncidentId incidentId);
}
