package io.incidentsupervisor.application.storedevents.moved;

import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;

/** {@code IncidentReceived} as if it had been renamed and moved to another package: same components, other class. */
public record AlertArrived(IncidentId incidentId, IncidentAlert alert, Instant receivedAt) {}
