package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.domain.model.IncidentId;

/** Starts the next attempt of an incident whose investigation died or failed retryably, and runs it. */
public interface RecoverIncident {

    /**
     * Recovers one incident.
     *
     * @throws io.incidentsupervisor.domain.model.IncidentRefusal if the incident is unknown or not recoverable now
     */
    Outcome recover(IncidentId incidentId, Delivery delivery);
}
